// Whether a task's state is one OCP could be in, and the graph rules that decide what a task
// does next. The simulator (mock/tasks) runs tasks by these rules; the fixture loader
// (mock/loader) refuses tasks whose state breaks them. Both sit above this file, so neither
// depends on the other.
#pragma once

#include <optional>
#include <string>

#include "mock/model/task.h"

namespace mock::model {

// A subtask READY, RUNNING or CANCELING: a step of it is under way.
bool UnderWay(const Subtask& s);

// Whether a PENDING subtask of `task` may start now: every upstream SUCCESSFUL, or, while the
// task rolls back, a ROLLBACK subtask whose downstreams are rolled back or never ran.
bool CanStart(const Task& task, const Subtask& s);

// Why `task` could not be in its state, a sentence naming the subtask, or nullopt when it
// could:
//  - a SUCCESSFUL or FAILED task has no subtask still under way (READY, RUNNING, CANCELING);
//  - a FAILED task has a FAILED subtask;
//  - a RUNNING task has something under way or able to start (else it would have ended).
std::optional<std::string> ImpossibleState(const Task& task);

}  // namespace mock::model
