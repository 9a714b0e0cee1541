// The one route table: every path the mock serves, OCP's and its own /__mock/ ones, each named
// once with its method, the permission it needs and its handler.
#pragma once

#include <vector>

#include "mock/control/control_handlers.h"
#include "mock/control/fault_handlers.h"
#include "mock/control/journal_handlers.h"
#include "mock/control/reload_handlers.h"
#include "mock/control/scenario_handlers.h"
#include "mock/families/entities/entity_handlers.h"
#include "mock/families/entities/entity_operations.h"
#include "mock/families/system/probe_handlers.h"
#include "mock/families/tasks/task_handlers.h"
#include "mock/reply/route.h"

namespace mock::api {

// Everything the routes are bound to, which must outlive them.
struct RouteHandlers {
  const TaskHandlers& tasks;
  const ControlHandlers& control;
  const JournalHandlers& journal;
  const FaultHandlers& faults;
  const ScenarioHandlers& scenarios;
  const ReloadHandlers& reload;
  const ProbeHandlers& probes;
  const EntityHandlers& entities;
  const EntityOperations& operations;
  bool api_status = false;          // the version played has GET /api/status (4.2.1 on)
  bool async_create_tenant = true;  // ... has POST .../tenants/createTenant (4.0.0 on)
};

std::vector<Route> RouteTable(const RouteHandlers& handlers);

}  // namespace mock::api
