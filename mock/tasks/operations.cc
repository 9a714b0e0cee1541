#include "mock/tasks/operations.h"

#include <algorithm>

#include "mock/ocp/error_kinds.h"
#include "mock/tasks/simulator.h"

namespace mock::tasks {
namespace {

using model::Operation;
using model::Subtask;
using model::SubtaskStatus;
using model::Task;
using model::TaskStatus;

// kTaskStateInvalid: {0} the task, {1} its (or the subtask's) current state, {2} the state
// the operation needs.
Status StateInvalid(const Task& task, std::string_view current, std::string_view expected) {
  return ocp::OcpError(ocp::ErrorKind::kTaskStateInvalid, "",
                       {std::to_string(task.id), std::string(current), std::string(expected)});
}

// Puts the task back to work after a subtask was made READY.
void Resume(Task& task, Subtask& s, Operation operation, int64_t now_ms) {
  s.status = SubtaskStatus::kReady;
  s.operation = operation;
  s.finish_time.reset();
  s.step_ends_ms = now_ms + kReadyDelayMs;
  task.status = TaskStatus::kRunning;
  task.finish_time.reset();
}

bool NeverRan(const Subtask& s) {
  return s.status == SubtaskStatus::kPending && s.operation != Operation::kRollback;
}

}  // namespace

Status RetryTask(Task& task, int64_t now_ms) {
  if (task.status != TaskStatus::kFailed || task.operation == Operation::kRollback) {
    return StateInvalid(task,
                        task.operation == Operation::kRollback && task.status == TaskStatus::kFailed
                            ? "FAILED (rolling back)"
                            : model::ToString(task.status),
                        "FAILED");
  }
  task.operation = Operation::kRetry;
  for (Subtask& s : task.subtasks) {
    if (s.status == SubtaskStatus::kFailed) Resume(task, s, Operation::kRetry, now_ms);
  }
  task.status = TaskStatus::kRunning;
  task.finish_time.reset();
  Arm(task, now_ms);
  return {};
}

Status RollbackTask(Task& task, int64_t now_ms) {
  if (task.status != TaskStatus::kFailed) {
    return StateInvalid(task, model::ToString(task.status), "FAILED");
  }
  if (task.prohibit_rollback) {
    // {1}: the state, for versions whose catalogue answers this with "not allowed in state {1}".
    return ocp::OcpError(ocp::ErrorKind::kTaskCannotRollback,
                         "The task prohibits rollback (prohibitRollback: true).",
                         {std::to_string(task.id), std::string(model::ToString(task.status))});
  }
  task.operation = Operation::kRollback;
  task.status = TaskStatus::kRunning;
  task.finish_time.reset();
  // Mark first, then decide who starts: a subtask starts once no downstream still awaits rollback.
  for (Subtask& s : task.subtasks) {
    if (NeverRan(s)) continue;
    s.operation = Operation::kRollback;
    s.status = SubtaskStatus::kPending;
    s.step_ends_ms.reset();
  }
  Arm(task, now_ms);
  return {};
}

Status RetrySubtask(Task& task, Subtask& s, int64_t now_ms) {
  if (s.status != SubtaskStatus::kFailed || s.operation == Operation::kRollback) {
    return StateInvalid(
        task, "subtask " + std::to_string(s.id) + " " + std::string(model::ToString(s.status)),
        "FAILED");
  }
  Resume(task, s, Operation::kRetry, now_ms);
  return {};
}

Status SkipSubtask(Task& task, Subtask& s, int64_t now_ms) {
  if (s.status != SubtaskStatus::kFailed) {
    return ocp::OcpError(ocp::ErrorKind::kSubtaskCannotSkip,
                         "Only a FAILED subtask can be skipped; this one is " +
                             std::string(model::ToString(s.status)) + ".",
                         {std::to_string(s.id), std::string(model::ToString(s.status))});
  }
  Resume(task, s, Operation::kSkip, now_ms);
  return {};
}

Status CancelSubtask(Task& task, Subtask& s, int64_t now_ms) {
  if (s.status != SubtaskStatus::kRunning) {
    return StateInvalid(
        task, "subtask " + std::to_string(s.id) + " " + std::string(model::ToString(s.status)),
        "RUNNING");
  }
  s.status = SubtaskStatus::kCanceling;
  s.operation = Operation::kCancel;
  s.step_ends_ms = now_ms + kCancelDelayMs;
  return {};
}

}  // namespace mock::tasks
