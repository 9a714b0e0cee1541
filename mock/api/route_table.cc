#include "mock/api/route_table.h"

#include "mock/families/alarms/alarms_family.h"
#include "mock/families/arbitration/arbitration_family.h"
#include "mock/families/clusters/clusters_family.h"
#include "mock/families/entities/entity_family.h"
#include "mock/families/host_types/host_types_family.h"
#include "mock/families/inspection/inspection_family.h"
#include "mock/families/monitor/monitor_family.h"
#include "mock/families/obproxy/obproxy_family.h"
#include "mock/families/packages/packages_family.h"
#include "mock/families/parameters/parameters_family.h"
#include "mock/families/sql_diagnostics/sql_diagnostics_family.h"
#include "mock/families/system/system_family.h"
#include "mock/families/takeover/takeover_family.h"
#include "mock/families/tasks/task_family.h"
#include "mock/families/tenant_objects/tenant_objects_family.h"
#include "mock/families/topology/topology_family.h"
#include "mock/families/workload/workload_family.h"

namespace mock::api {
namespace {

// The specs of the families with data of their own, which LoadFamilyData reads.
const resources::ResourceSpec* const kResourceSpecs[] = {
    &families::HostTypesFamily::kSpec,     &families::WorkloadFamily::kSpec,
    &families::ObproxyFamily::kSpec,       &families::CredentialsFamily::kSpec,
    &families::ArbitrationFamily::kSpec,   &families::PackagesFamily::kSpec,
    &families::ParametersFamily::kSpec,    &families::TenantObjectsFamily::kSpec,
    &families::InspectionFamily::kSpec,    &families::MonitorFamily::kSpec,
    &families::SqlDiagnosticsFamily::kSpec};

std::vector<resources::Row> Take(FamilyData& data, const std::string& name) {
  auto it = data.find(name);
  if (it == data.end()) return {};
  return std::move(it->second);
}

}  // namespace

StatusOr<FamilyData> LoadFamilyData(const std::filesystem::path& fixtures,
                                    const json::SchemaSet& schemas,
                                    const fixtures::FixtureVersion& version,
                                    std::vector<std::filesystem::path>* skipped) {
  FamilyData data;
  for (const resources::ResourceSpec* spec : kResourceSpecs) {
    auto rows = resources::LoadResources(fixtures, *spec, schemas, version, skipped);
    if (!rows.ok()) return rows.status();
    data.emplace(spec->name, std::move(rows).value());
  }
  return data;
}

Families MakeFamilies(FamilyContext c) {
  Families all;
  all.push_back(std::make_unique<families::TaskFamily>(c.tasks));
  all.push_back(
      std::make_unique<families::EntityFamily>(EntityContext{c.entities, c.tasks, c.rules}, c.clock,
                                               c.schemas, c.async_create_tenant, c.quirks));
  all.push_back(std::make_unique<families::ClustersFamily>(c.tasks, c.entities, c.clock, c.schemas,
                                                           c.quirks));
  all.push_back(std::make_unique<families::SystemFamily>(c.tasks, c.clock, c.ocp_version,
                                                         c.api_status, QuirkList(c.quirks)));
  all.push_back(std::make_unique<families::HostTypesFamily>(
      Take(c.data, families::HostTypesFamily::kSpec.name), c.schemas, c.source, c.clock));
  all.push_back(std::make_unique<families::WorkloadFamily>(
      Take(c.data, families::WorkloadFamily::kSpec.name), c.schemas, c.source, c.clock, c.tasks,
      c.entities));
  all.push_back(std::make_unique<families::ObproxyFamily>(
      Take(c.data, families::ObproxyFamily::kSpec.name), c.schemas, c.source, c.tasks, c.entities,
      c.clock, c.quirks));
  all.push_back(std::make_unique<families::ArbitrationFamily>(
      Take(c.data, families::ArbitrationFamily::kSpec.name), c.schemas, c.source, c.tasks,
      c.entities, c.clock, families::ArbitrationFamily::Options{c.arbitration, c.quirks}));
  auto credentials = std::make_unique<families::CredentialsFamily>(
      Take(c.data, families::CredentialsFamily::kSpec.name), c.schemas, c.source, c.clock);
  const families::CredentialsFamily& box = *credentials;
  all.push_back(std::move(credentials));
  all.push_back(
      std::make_unique<families::TakeoverFamily>(c.tasks, c.entities, c.clock, c.schemas, box));
  all.push_back(std::make_unique<families::PackagesFamily>(
      Take(c.data, families::PackagesFamily::kSpec.name), c.schemas, c.source));
  all.push_back(std::make_unique<families::TopologyFamily>(c.tasks, c.entities, c.clock));
  all.push_back(std::make_unique<families::ParametersFamily>(
      Take(c.data, families::ParametersFamily::kSpec.name), c.schemas, c.source, c.tasks,
      c.entities, families::ParametersFamily::Options{}));
  all.push_back(std::make_unique<families::TenantObjectsFamily>(
      Take(c.data, families::TenantObjectsFamily::kSpec.name), c.schemas, c.source, c.tasks,
      c.entities));
  all.push_back(std::make_unique<families::AlarmsFamily>(c.tasks, c.entities, c.clock, c.schemas,
                                                         c.ocp_version));
  all.push_back(std::make_unique<families::InspectionFamily>(
      Take(c.data, families::InspectionFamily::kSpec.name), c.schemas, c.source, c.clock, c.tasks,
      c.entities, c.seed));
  all.push_back(std::make_unique<families::MonitorFamily>(
      Take(c.data, families::MonitorFamily::kSpec.name), c.schemas, c.source, c.tasks, c.entities,
      c.clock, families::MonitorFamily::Options{.seed = c.seed}));
  all.push_back(std::make_unique<families::SqlDiagnosticsFamily>(
      Take(c.data, families::SqlDiagnosticsFamily::kSpec.name), c.schemas, c.source, c.tasks,
      c.entities, c.clock, families::SqlDiagnosticsFamily::Options{.seed = c.seed}));
  return all;
}

std::vector<const Family*> WithData(const Families& families) {
  std::vector<const Family*> out;
  for (const auto& f : families) {
    if (f->Resets()) out.push_back(f.get());
  }
  return out;
}

std::vector<Route> RouteTable(const Families& families, const ControlPlane& control,
                              std::vector<Route> api_own) {
  std::vector<Route> routes;
  for (const auto& f : families) {
    std::vector<Route> own = f->Routes();
    routes.insert(routes.end(), std::make_move_iterator(own.begin()),
                  std::make_move_iterator(own.end()));
  }
  std::vector<Route> mock = control.Routes();
  routes.insert(routes.end(), std::make_move_iterator(mock.begin()),
                std::make_move_iterator(mock.end()));
  routes.insert(routes.end(), std::make_move_iterator(api_own.begin()),
                std::make_move_iterator(api_own.end()));
  return routes;
}

}  // namespace mock::api
