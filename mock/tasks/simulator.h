// Moves RUNNING tasks forward in mock-clock time, subtask by subtask, in the order of their
// graph (upstreams before downstreams; parallel branches run at the same time).
//
//   Arm(task, now);        // after loading or changing a task: schedule what is under way
//   Advance(task, later);  // apply every step that ends by `later`, in time order
//
// Steps, each ending at Subtask::step_ends_ms:
//  - READY -> RUNNING after kReadyDelayMs (runTime + 1, new startTime, a log header);
//    READY with operation SKIP -> SUCCESSFUL instead, without running;
//  - RUNNING -> SUCCESSFUL, or FAILED when the script lists the run in `fail_on_runs`, after the
//    script's duration (rollback runs always succeed and do not count as runs);
//  - CANCELING -> FAILED after kCancelDelayMs.
// A PENDING subtask becomes READY when every upstream is SUCCESSFUL (during a rollback: when
// every downstream is rolled back or never ran). When nothing is under way and nothing can
// start, the task ends: SUCCESSFUL if every subtask it ran succeeded, else FAILED.
#pragma once

#include <cstdint>
#include <optional>

#include "mock/model/task.h"

namespace mock::tasks {

inline constexpr int64_t kReadyDelayMs = 1000;
inline constexpr int64_t kCancelDelayMs = 1000;

// Schedules the steps of a RUNNING task as if they began at `now_ms`; no-op for other tasks.
void Arm(model::Task& task, int64_t now_ms);

// Applies every step that ends at or before `now_ms`. Returns true if anything changed.
bool Advance(model::Task& task, int64_t now_ms);

// When the next step of `task` ends, if anything is under way.
std::optional<int64_t> NextStepMs(const model::Task& task);

}  // namespace mock::tasks
