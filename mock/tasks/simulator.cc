#include "mock/tasks/simulator.h"

#include <algorithm>

#include "mock/model/subtask_log.h"
#include "mock/model/task_state.h"

namespace mock::tasks {
namespace {

using model::Operation;
using model::Subtask;
using model::SubtaskStatus;
using model::Task;
using model::TaskStatus;

bool RollingBack(const Task& task) { return task.operation == Operation::kRollback; }

using model::CanStart;
bool Active(const Subtask& s) { return model::UnderWay(s); }

// The UTC offset of the task's own times, so that a time the mock writes sits beside the
// fixture's in the same zone (not UTC next to +08:00); the machine's when the task has none.
std::optional<int> OffsetOf(const Task& task) {
  for (const auto* t : {&task.create_time, &task.start_time, &task.finish_time}) {
    if (*t) return model::OffsetMinutes(**t);
  }
  for (const Subtask& s : task.subtasks) {
    if (s.create_time) return model::OffsetMinutes(*s.create_time);
    if (s.start_time) return model::OffsetMinutes(*s.start_time);
  }
  return std::nullopt;
}

model::Timestamp At(const Task& task, int64_t at_ms) {
  return model::MakeTimestamp(at_ms, OffsetOf(task));
}

void Log(const Task& task, Subtask& s, int64_t at_ms, std::string_view level,
         const std::string& message) {
  s.log += model::LogLine(At(task, at_ms), level, message);
}

bool PromoteReady(Task& task, int64_t at_ms) {
  bool changed = false;
  for (Subtask& s : task.subtasks) {
    if (!CanStart(task, s)) continue;
    s.status = SubtaskStatus::kReady;
    s.step_ends_ms = at_ms + kReadyDelayMs;
    changed = true;
  }
  return changed;
}

void Start(Task& task, Subtask& s, int64_t at_ms) {
  model::Timestamp at = At(task, at_ms);
  if (s.operation == Operation::kSkip) {
    s.status = SubtaskStatus::kSuccessful;
    s.finish_time = at;
    s.step_ends_ms.reset();
    Log(task, s, at_ms, "INFO",
        "Skip subtask, id=" + std::to_string(s.id) + ", marked as SUCCESSFUL");
    return;
  }
  if (s.operation != Operation::kRollback) ++s.run_time;
  s.status = SubtaskStatus::kRunning;
  s.start_time = at;
  s.finish_time.reset();
  if (!s.executor) s.executor = task.executor;
  if (!task.start_time) task.start_time = at;
  s.step_ends_ms = at_ms + s.script.duration_ms;
  s.log += model::LogHeader(s.operation, at);
  Log(task, s, at_ms, "INFO",
      "Run subtask, id=" + std::to_string(s.id) + ", name=" + s.name +
          ", runTime=" + std::to_string(s.run_time));
}

void Finish(const Task& task, Subtask& s, int64_t at_ms) {
  const bool canceled = s.status == SubtaskStatus::kCanceling;
  const bool fails =
      canceled || (s.operation != Operation::kRollback &&
                   std::find(s.script.fail_on_runs.begin(), s.script.fail_on_runs.end(),
                             s.run_time) != s.script.fail_on_runs.end());
  const SubtaskStatus from = s.status;
  s.status = fails ? SubtaskStatus::kFailed : SubtaskStatus::kSuccessful;
  s.finish_time = At(task, at_ms);
  s.step_ends_ms.reset();
  if (canceled) Log(task, s, at_ms, "ERROR", "The subtask execution is canceled.");
  Log(task, s, at_ms, fails ? "ERROR" : "INFO",
      "Set state for subtask: " + std::to_string(s.id) +
          ", current state: " + std::string(model::ToString(from)) +
          ", new state: " + std::string(model::ToString(s.status)));
}

// Ends the task once nothing is under way and nothing can start.
void MaybeFinishTask(Task& task, int64_t at_ms) {
  if (std::any_of(task.subtasks.begin(), task.subtasks.end(), Active)) return;
  bool failed = std::any_of(task.subtasks.begin(), task.subtasks.end(),
                            [](const Subtask& s) { return s.status == SubtaskStatus::kFailed; });
  if (!failed && !RollingBack(task)) {
    failed = !std::all_of(task.subtasks.begin(), task.subtasks.end(),
                          [](const Subtask& s) { return s.status == SubtaskStatus::kSuccessful; });
  }
  task.status = failed ? TaskStatus::kFailed : TaskStatus::kSuccessful;
  task.finish_time = At(task, at_ms);
}

// The active subtask whose step ends first, if it ends by `now_ms`.
Subtask* DueStep(Task& task, int64_t now_ms) {
  Subtask* due = nullptr;
  for (Subtask& s : task.subtasks) {
    if (!Active(s) || !s.step_ends_ms || *s.step_ends_ms > now_ms) continue;
    if (due == nullptr || *s.step_ends_ms < *due->step_ends_ms) due = &s;
  }
  return due;
}

}  // namespace

void Arm(Task& task, int64_t now_ms) {
  if (task.status != TaskStatus::kRunning) return;
  for (Subtask& s : task.subtasks) {
    if (s.status == SubtaskStatus::kReady) s.step_ends_ms = now_ms + kReadyDelayMs;
    if (s.status == SubtaskStatus::kRunning) s.step_ends_ms = now_ms + s.script.duration_ms;
    if (s.status == SubtaskStatus::kCanceling) s.step_ends_ms = now_ms + kCancelDelayMs;
  }
  PromoteReady(task, now_ms);
  MaybeFinishTask(task, now_ms);
}

bool Advance(Task& task, int64_t now_ms) {
  bool changed = false;
  while (task.status == TaskStatus::kRunning) {
    Subtask* s = DueStep(task, now_ms);
    if (s == nullptr) break;
    const int64_t at = *s->step_ends_ms;
    if (s->status == SubtaskStatus::kReady) {
      Start(task, *s, at);
    } else {
      Finish(task, *s, at);
    }
    PromoteReady(task, at);
    MaybeFinishTask(task, at);
    changed = true;
  }
  return changed;
}

std::optional<int64_t> NextStepMs(const Task& task) {
  std::optional<int64_t> next;
  if (task.status != TaskStatus::kRunning) return next;
  for (const Subtask& s : task.subtasks) {
    if (Active(s) && s.step_ends_ms && (!next || *s.step_ends_ms < *next)) next = s.step_ends_ms;
  }
  return next;
}

}  // namespace mock::tasks
