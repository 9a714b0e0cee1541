// Renders tasks as OCP's JSON structures.
#pragma once

#include <string>

#include "mock/model/task.h"

namespace mock::api {

// A BasicTaskInstance object, as in the documented task-list sample: cluster, creator,
// finishTime, id, name, startTime, status, subtasks (BasicSubtaskInstance), tenant; absent
// optional fields are omitted, and fixture-only data (hosts) never appears.
std::string RenderBasicTask(const model::Task& task);

}  // namespace mock::api
