#include "mock/api/api_description.h"

#include <utility>

#include "mock/entities/entity_query.h"

namespace mock::api {
namespace {

struct Described {
  std::string_view name;
  std::string_view description;
};

// One line per part: what it is, and the page that says the rest.
constexpr Described kParts[] = {
    {"tasks",
     "OCP's task API: task instances listed and read, tasks retried and rolled back, subtasks' "
     "logs read, subtasks retried, skipped and cancelled (docs/api.md; "
     "docs/reference/ocp-task-api.md section 2)."},
    {"entities",
     "Clusters, tenants and hosts: their lists and details, and the tenant and host operations, "
     "each a task (docs/entities.md; docs/reference/ocp-resources-api.md)."},
    {"clusters", "OceanBase clusters created and deleted, each a task (docs/terraform.md)."},
    {"system",
     "What clients call to find OCP: its time, its info, its status (4.2.1 on); and the mock's "
     "readiness probe (docs/api.md; docs/reference/ocp-resources-api.md section 5)."},
    {"hostTypes",
     "Host types, listed and created (docs/host-types.md; docs/reference/ocp-host-types.md)."},
    {"workloadReports",
     "Workload (AWR) snapshots and performance reports, as obdiag's `gather awr` uses them "
     "(docs/awr-reports.md)."},
    {"obproxyClusters",
     "OBProxy clusters created, read and deleted, each change a task (docs/terraform.md)."},
    {"arbitrationServices",
     "Arbitration services (OCP 4.2.1 and 4.2.2): listed, created, read, deleted, each change a "
     "task (docs/terraform.md)."},
    {"credentials",
     "Host credentials: the password box obdeploy's takeover fills and reads (docs/takeover.md)."},
    {"takeover",
     "obdeploy's takeover of a cluster: the pre-check and the takeover task (docs/takeover.md)."},
    {"softwarePackages",
     "Software packages uploaded as obdeploy uploads them, multipart (docs/takeover.md)."},
    {"parameters",
     "Cluster and tenant parameters, read and changed as the MCP server does, each value checked "
     "against the parameter's type and range (docs/parameters.md; "
     "docs/reference/ocp-cluster-topology.md sections 9 to 15)."},
    {"topology",
     "A cluster's zones, OBServers, resource units and resource statistics, derived from the "
     "clusters, tenants and hosts served, so that they agree with those pages (docs/topology.md; "
     "docs/reference/ocp-cluster-topology.md sections 2 to 8)."},
    {"tenantObjects",
     "A tenant's databases, database users, roles and database objects, as the MCP server's "
     "tenant tools read them: the built-in ones of the tenant's mode, and fixture rows "
     "(docs/tenant-objects.md; docs/reference/ocp-tenant-objects-and-obproxy.md sections 5 to "
     "10)."},
    {"alarms",
     "Alert events, listed and read as the MCP server does, opened and resolved on the mock "
     "clock by the world's state (an OFFLINE host, a locked tenant, a FAILED task) and by tests "
     "through /__mock/alarms (docs/alarms.md; docs/reference/ocp-alarms-and-inspection.md)."},
    {"metricGroups",
     "Metric groups and metric series grouped by labels, deterministic on the seed and the mock "
     "clock, steered by tests through /__mock/metricOverrides (docs/monitor.md; "
     "docs/reference/ocp-monitor-and-sql.md sections 1 to 3)."},
    {"sqlStatements",
     "A tenant's top and slow SQL, their text, plans and plan trees, deterministic on the seed, "
     "a statement catalogue and the mock clock, steered by tests through /__mock/slowSql "
     "(docs/sql-diagnostics.md; docs/reference/ocp-monitor-and-sql.md section 4)."},
    {"inspectionItems",
     "Inspection as the MCP server calls it (no OCP page documents it): tasks, objects, reports "
     "and runs on the mock clock, results found from the world and a seeded item catalogue "
     "(docs/inspection.md; docs/reference/ocp-alarms-and-inspection.md section 5)."},
    {"control",
     "ocp-mock's own control plane: the mock clock, reset, the request journal, fault rules, "
     "tasks put at runtime, reloads (docs/testing-clients.md)."},
    {"openapi", "These OpenAPI documents (docs/openapi.md)."},
};

openapi::Part PartOf(std::string_view name, std::vector<Route> routes,
                     std::vector<Operation> operations) {
  return {.name = std::string(name),
          .description = PartDescription(name),
          .routes = std::move(routes),
          .operations = std::move(operations)};
}

}  // namespace

bool HasAsyncCreateTenant(std::string_view ocp_version) { return ocp_version != "3.1.1"; }

std::string PartDescription(std::string_view name) {
  for (const Described& d : kParts) {
    if (d.name == name) return std::string(d.description);
  }
  return "";
}

std::vector<openapi::Part> DescribeParts(const Families& families, const ControlPlane& control,
                                         openapi::Part own) {
  std::vector<openapi::Part> parts;
  for (const auto& f : families) parts.push_back(PartOf(f->Name(), f->Routes(), f->Operations()));
  parts.push_back(PartOf("control", control.Routes(), control.Operations()));
  parts.push_back(std::move(own));
  return parts;
}

StatusOr<std::unique_ptr<StandIn>> StandIn::Make(const versions::Profile& profile) {
  auto schemas = json::SchemaSet::Load(profile.schema_dirs);
  if (!schemas.ok()) {
    return ConfigError("OCP " + profile.version + "'s schemas: " + schemas.status().message());
  }
  return std::unique_ptr<StandIn>(new StandIn(profile, std::move(schemas).value()));
}

StandIn::StandIn(const versions::Profile& profile, json::SchemaSet schemas)
    : schemas_(std::move(schemas)) {
  FamilyContext c{tasks_,
                  clock_,
                  entities_,
                  &schemas_,
                  entities::ListRulesFor(schemas_, profile.version),
                  profile.version};
  c.api_status = profile.api_status;
  c.async_create_tenant = profile.async_create_tenant;
  c.arbitration = profile.arbitration;
  families_ = MakeFamilies(std::move(c));
  control_ = std::make_unique<ControlPlane>(
      ControlState{{tasks_, clock_, journal_, throttle_, faults_, entities_, WithData(families_)},
                   &schemas_,
                   std::nullopt,
                   nullptr});
}

std::vector<openapi::Part> StandIn::Parts(openapi::Part own) const {
  return DescribeParts(families_, *control_, std::move(own));
}

}  // namespace mock::api
