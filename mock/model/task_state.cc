#include "mock/model/task_state.h"

#include <algorithm>

namespace mock::model {
namespace {

bool RolledBack(const Subtask& s) {
  return s.operation == Operation::kRollback && s.status == SubtaskStatus::kSuccessful;
}

}  // namespace

bool UnderWay(const Subtask& s) {
  return s.status == SubtaskStatus::kReady || s.status == SubtaskStatus::kRunning ||
         s.status == SubtaskStatus::kCanceling;
}

bool CanStart(const Task& task, const Subtask& s) {
  if (s.status != SubtaskStatus::kPending) return false;
  if (task.operation == Operation::kRollback) {
    if (s.operation != Operation::kRollback) return false;
    return std::all_of(s.downstreams.begin(), s.downstreams.end(), [&](int64_t id) {
      const Subtask* d = task.FindSubtask(id);
      return d == nullptr || RolledBack(*d) ||
             (d->status == SubtaskStatus::kPending && d->operation != Operation::kRollback);
    });
  }
  return std::all_of(s.upstreams.begin(), s.upstreams.end(), [&](int64_t id) {
    const Subtask* u = task.FindSubtask(id);
    return u == nullptr || u->status == SubtaskStatus::kSuccessful;
  });
}

std::optional<std::string> ImpossibleState(const Task& task) {
  const std::string status(ToString(task.status));
  if (task.status != TaskStatus::kRunning) {
    auto busy = std::find_if(task.subtasks.begin(), task.subtasks.end(), UnderWay);
    if (busy != task.subtasks.end()) {
      return "a " + status + " task cannot have a subtask still under way: subtask " +
             std::to_string(busy->id) + " is " + std::string(ToString(busy->status));
    }
  }
  if (task.status == TaskStatus::kFailed &&
      std::none_of(task.subtasks.begin(), task.subtasks.end(),
                   [](const Subtask& s) { return s.status == SubtaskStatus::kFailed; })) {
    return "a FAILED task needs a FAILED subtask (the one a client would retry)";
  }
  // What the simulator would do first (promote what can start, else end the task): a RUNNING
  // task with nothing under way and nothing able to start would end at once.
  const auto live = [&](const Subtask& s) { return UnderWay(s) || CanStart(task, s); };
  if (task.status == TaskStatus::kRunning &&
      std::none_of(task.subtasks.begin(), task.subtasks.end(), live)) {
    return "a RUNNING task needs a subtask under way (READY, RUNNING, CANCELING) or one able "
           "to start (PENDING after successful upstreams)";
  }
  return std::nullopt;
}

}  // namespace mock::model
