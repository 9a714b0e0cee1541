// The one route table: every path the mock serves, OCP's and its own /__mock/ ones, each named
// once with its method, the permission it needs and its handler.
#pragma once

#include <vector>

#include "mock/api/control_handlers.h"
#include "mock/api/route.h"
#include "mock/api/task_handlers.h"

namespace mock::api {

// The routes, bound to `tasks` and `control`, which must outlive them.
std::vector<Route> RouteTable(const TaskHandlers& tasks, const ControlHandlers& control);

}  // namespace mock::api
