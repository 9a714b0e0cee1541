// Subtask log text in the form of OCP's documented log sample:
//   ############{EXECUTE}{2021-08-25T15:09:32.697+08:00}############
//   2021-08-25 15:09:32.716  INFO 1 --- [pool-subtask-executor-thread-1] c.o.o.task.SubtaskExecutor
//   : Run subtask, id=13000335
#pragma once

#include <string>
#include <string_view>

#include "mock/model/task.h"

namespace mock::model {

// The header OCP writes when a subtask starts a run with `operation`.
std::string LogHeader(Operation operation, const Timestamp& at);

// One log entry (followed by a blank line, as in OCP's sample).
std::string LogLine(const Timestamp& at, std::string_view level, std::string_view message);

// A plausible log for a subtask loaded from fixtures without one: empty if it never ran, else
// the start of its last run and, if it ended, how.
std::string InitialLog(const Subtask& subtask);

// The subtask's log as served: InitialLog first when the subtask still owes it (see
// Subtask::initial_log_pending), then the log written since.
std::string LogText(const Subtask& subtask);

// Writes out the logs `task` still owes, from its current state: call before changing a task.
void SettleLogs(Task& task);

}  // namespace mock::model
