// The one route table: every path the mock serves, OCP's and its own /__mock/ ones, each named
// once with its method, the permission it needs and its handler.
#pragma once

#include <vector>

#include "mock/api/control_handlers.h"
#include "mock/api/entity_handlers.h"
#include "mock/api/entity_operations.h"
#include "mock/api/fault_handlers.h"
#include "mock/api/journal_handlers.h"
#include "mock/api/probe_handlers.h"
#include "mock/api/reload_handlers.h"
#include "mock/api/route.h"
#include "mock/api/scenario_handlers.h"
#include "mock/api/task_handlers.h"

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
