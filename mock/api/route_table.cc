#include "mock/api/route_table.h"

namespace mock::api {

std::vector<Route> RouteTable(const RouteHandlers& handlers) {
  const TaskHandlers& tasks = handlers.tasks;
  const ControlHandlers& control = handlers.control;
  const JournalHandlers& journal = handlers.journal;
  const ProbeHandlers& probes = handlers.probes;
  const FaultHandlers& faults = handlers.faults;
  const ScenarioHandlers& scenarios = handlers.scenarios;
  const std::string t = "/api/v2/tasks/instances";
  const std::string task = t + "/{taskInstanceId}";
  const std::string subtask = task + "/subtasks/{subtaskInstanceId}";
  const EntityHandlers& e = handlers.entities;
  const EntityOperations& ops = handlers.operations;
  const std::string cluster = "/api/v2/ob/clusters/{id}";
  const std::string tenant = cluster + "/tenants/{tenantId}";
  const Access view = Access::kTaskViewer;
  const Access manage = Access::kTaskManager;
  const Access mock = Access::kControl;
  std::vector<Route> routes = {
      // OCP's task API (docs/reference/ocp-task-api.md).
      {"GET", t, view, [h = &tasks](const Call& c) { return h->List(c.request.query); }},
      {"GET", task, view, [h = &tasks](const Call& c) { return h->Detail(c.ids[0]); }},
      {"POST", task + "/retry", manage,
       [h = &tasks](const Call& c) { return h->RetryTask(c.ids[0]); }},
      {"POST", task + "/rollback", manage,
       [h = &tasks](const Call& c) { return h->RollbackTask(c.ids[0]); }},
      {"GET", subtask + "/log", view,
       [h = &tasks](const Call& c) { return h->Log(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/retry", manage,
       [h = &tasks](const Call& c) { return h->RetrySubtask(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/skip", manage,
       [h = &tasks](const Call& c) { return h->SkipSubtask(c.ids[0], c.ids[1]); }},
      {"POST", subtask + "/cancel", manage,
       [h = &tasks](const Call& c) { return h->CancelSubtask(c.ids[0], c.ids[1]); }},
      // The mock's own control endpoints.
      {"GET", "/__mock/clock", mock, [h = &control](const Call&) { return h->Clock(); }},
      {"POST", "/__mock/clock/advance", mock,
       [h = &control](const Call& c) { return h->AdvanceClock(c.request.query); }},
      {"POST", "/__mock/reset", mock,
       [h = &control](const Call& c) { return h->Reset(c.request.query); }},
      {"GET", "/__mock/requests", mock,
       [h = &journal](const Call& c) { return h->List(c.request.query); }},
      {"DELETE", "/__mock/requests", mock, [h = &journal](const Call&) { return h->Clear(); }},
      {"GET", "/__mock/requests/count", mock,
       [h = &journal](const Call& c) { return h->Count(c.request.query); }},
      {"POST", "/__mock/faults", mock,
       [h = &faults](const Call& c) { return h->Add(c.request.body); }},
      {"GET", "/__mock/faults", mock, [h = &faults](const Call&) { return h->List(); }},
      {"DELETE", "/__mock/faults", mock, [h = &faults](const Call&) { return h->Clear(); }},
      {"DELETE", "/__mock/faults/{faultId}", mock,
       [h = &faults](const Call& c) { return h->Remove(c.ids[0]); }},
      {"PUT", "/__mock/tasks/{taskId}", mock,
       [h = &scenarios](const Call& c) { return h->PutTask(c.ids[0], c.request.body); }},
      {"POST", "/__mock/tasks", mock,
       [h = &scenarios](const Call& c) { return h->PostTasks(c.request.body); }},
      {"DELETE", "/__mock/tasks/{taskId}", mock,
       [h = &scenarios](const Call& c) { return h->DeleteTask(c.ids[0]); }},
      {"POST", "/__mock/fixtures/reload", mock,
       [h = &handlers.reload](const Call&) { return h->Reload(); }},
      {"GET", "/__mock/health", mock, [h = &probes](const Call&) { return h->Health(); }},
      // Clusters, tenants and hosts (docs/reference/ocp-resources-api.md sections 2 to 4, 6).
      {"GET", "/api/v2/ob/clusters", Access::kClusterViewer,
       [h = &e](const Call& c) { return h->Clusters(c.request.query); }},
      {"GET", cluster, Access::kClusterViewer,
       [h = &e](const Call& c) { return h->Cluster(c.ids[0]); }},
      {"GET", cluster + "/tenants", Access::kClusterViewer,
       [h = &e](const Call& c) { return h->ClusterTenants(c.ids[0], c.request.query); }},
      {"GET", "/api/v2/ob/tenants", Access::kAuthenticated,
       [h = &e](const Call& c) {
         return h->Tenants(c.request.query,
                           c.user == nullptr || c.user->Has(auth::Permission::kClusterViewer));
       }},
      {"GET", tenant, Access::kClusterViewer,
       [h = &e](const Call& c) { return h->Tenant(c.ids[0], c.ids[1]); }},
      {"POST", cluster + "/tenants", Access::kAuthenticated,
       [h = &ops](const Call& c) { return h->CreateTenantNow(c.ids[0], c.request.body, c.user); }},
      {"DELETE", tenant, Access::kAuthenticated,
       [h = &ops](const Call& c) { return h->DeleteTenant(c.ids[0], c.ids[1]); }},
      {"POST", tenant + "/lock", Access::kAuthenticated,
       [h = &ops](const Call& c) { return h->LockTenant(c.ids[0], c.ids[1], true); }},
      {"POST", tenant + "/unlock", Access::kAuthenticated,
       [h = &ops](const Call& c) { return h->LockTenant(c.ids[0], c.ids[1], false); }},
      {"GET", "/api/v2/compute/hosts", Access::kHostViewer,
       [h = &e](const Call& c) { return h->Hosts(c.request.query); }},
      {"GET", "/api/v2/compute/hosts/{hostId}", Access::kHostViewer,
       [h = &e](const Call& c) { return h->Host(c.ids[0]); }},
      {"POST", "/api/v2/compute/hosts/batchCreate", Access::kHostManager,
       [h = &ops](const Call& c) { return h->BatchCreateHosts(c.request.body, c.user); }},
      // What clients call to find OCP (docs/reference/ocp-resources-api.md section 5).
      {"GET", "/api/v2/time", Access::kPublic, [h = &probes](const Call&) { return h->Time(); }},
      {"GET", "/api/v2/info", Access::kAuthenticated,
       [h = &probes](const Call&) { return h->Info(); }},
  };
  if (handlers.async_create_tenant) {
    routes.push_back(
        {"POST", cluster + "/tenants/createTenant", Access::kAuthenticated,
         [h = &ops](const Call& c) { return h->CreateTenant(c.ids[0], c.request.body, c.user); }});
  }
  if (handlers.api_status) {
    routes.push_back({"GET", "/api/status", Access::kAuthenticated,
                      [h = &probes](const Call& c) { return h->ApiStatus(c.request.query); }});
  }
  return routes;
}

}  // namespace mock::api
