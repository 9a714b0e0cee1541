// The task operations clients call, with the state rules OCP's code family applies
// (docs/reference/ocp-task-api.md section 5). Each takes the task as it is at `now_ms` (advanced
// already) and either changes it or returns the error OCP answers, leaving it untouched.
//
//   Status r = RetryTask(task, now);  // FAILED -> RUNNING, failed subtasks READY again
#pragma once

#include <cstdint>

#include "mock/core/status.h"
#include "mock/model/task.h"

namespace mock::tasks {

// Task FAILED, and not failed while rolling back; else kTaskStateInvalid. The task becomes
// RUNNING with operation RETRY; each FAILED subtask becomes READY with operation RETRY.
Status RetryTask(model::Task& task, int64_t now_ms);

// Task FAILED (else kTaskStateInvalid) and not prohibitRollback (else kTaskCannotRollback). The
// task becomes RUNNING with operation ROLLBACK; every subtask that ran gets operation ROLLBACK
// and is rolled back in reverse graph order, starting with those whose downstreams never ran.
Status RollbackTask(model::Task& task, int64_t now_ms);

// Subtask FAILED and not failed while rolling back; else kTaskStateInvalid. It becomes READY
// with operation RETRY, and the task RUNNING.
Status RetrySubtask(model::Task& task, model::Subtask& subtask, int64_t now_ms);

// Subtask FAILED; else kSubtaskCannotSkip. It becomes READY with operation SKIP (and then
// SUCCESSFUL without running), and the task RUNNING.
Status SkipSubtask(model::Task& task, model::Subtask& subtask, int64_t now_ms);

// Subtask RUNNING; else kTaskStateInvalid. It becomes CANCELING with operation CANCEL, and
// FAILED shortly after.
Status CancelSubtask(model::Task& task, model::Subtask& subtask, int64_t now_ms);

}  // namespace mock::tasks
