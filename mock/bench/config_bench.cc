#include "mock/bench/config_bench.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mock/bench/page_bench.h"
#include "mock/entities/entity_store.h"
#include "mock/families/obproxy/obproxy_family.h"
#include "mock/families/parameters/parameters_family.h"
#include "mock/families/tenant_objects/tenant_objects_family.h"
#include "mock/resources/resource_set.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::bench {
// Named, so that a unity build puts these beside the other benchmarks' own without a clash.
namespace config_pages {
namespace {

using entities::Int;
using entities::Str;

// What the families read, kept alive for the benchmarks. Built in this order; families last.
struct ConfigWorld {
  tasks::MockClock clock{0};
  std::unique_ptr<tasks::TaskStore> tasks;  // none: no entity waits on a task
  std::unique_ptr<entities::EntityStore> entities;
  std::unique_ptr<families::ParametersFamily> parameters;
  std::unique_ptr<families::TenantObjectsFamily> objects;
  std::unique_ptr<families::ObproxyFamily> obproxy;
};

StatusOr<std::vector<resources::Row>> Rows(const std::filesystem::path& dir,
                                           const resources::ResourceSpec& spec,
                                           const json::SchemaSet& schemas) {
  return resources::LoadResources(dir, spec, schemas);
}

// The catalogue rows a cluster (`mode` empty) or a tenant of `mode` lists (docs/parameters.md,
// "What the lists hold"), counted from the rows as that page states the rule.
size_t Listed(const std::vector<resources::Row>& catalogue, const std::string& mode) {
  size_t n = 0;
  for (const resources::Row& r : catalogue) {
    const std::string_view scope = Str(*r.doc, "scope");
    const std::string_view compatible = Str(*r.doc, "compatibleType");
    if (mode.empty()) {
      n += scope == "CLUSTER";
    } else {
      n += scope == "TENANT" && (compatible == "ALL" || compatible == mode);
    }
  }
  return n;
}

// The first tenant of `mode`, by id, of `cluster` (any cluster: 0); nullptr when none is.
const entities::Row* TenantOf(const entities::EntitySet& set, int64_t cluster,
                              std::string_view mode) {
  const entities::Row* first = nullptr;
  for (const entities::Row& t : set.tenants) {
    if ((cluster != 0 && Int(*t.doc, "clusterId") != cluster) || Str(*t.doc, "mode") != mode) {
      continue;
    }
    if (first == nullptr || t.id < first->id) first = &t;
  }
  return first;
}

std::vector<PageCase> ParameterCases(const entities::EntitySet& set,
                                     const std::vector<resources::Row>& catalogue,
                                     const entities::Row& cluster, const entities::Row& tenant) {
  const std::string c = "/api/v2/ob/clusters/" + std::to_string(cluster.id);
  const std::string at = "/api/v2/ob/clusters/{id}";
  (void)set;
  return {
      {"config/cluster_parameters",
       at + "/parameters",
       c + "/parameters",
       {cluster.id},
       {},
       Listed(catalogue, "")},
      {"config/tenant_parameters",
       at + "/tenants/{tenantId}/parameters",
       c + "/tenants/" + std::to_string(tenant.id) + "/parameters",
       {cluster.id, tenant.id},
       {},
       Listed(catalogue, "MYSQL")},
  };
}

// The MySQL tenant's databases and users; roles and objects are Oracle tenants' only
// (docs/tenant-objects.md), so they are `oracle`'s.
std::vector<PageCase> ObjectCases(const entities::Row& cluster, const entities::Row& tenant,
                                  const entities::Row& oracle) {
  const std::vector<int64_t> oracle_ids = {Int(*oracle.doc, "clusterId"), oracle.id};
  const std::string oracle_at = "/api/v2/ob/clusters/" + std::to_string(oracle_ids[0]) +
                                "/tenants/" + std::to_string(oracle.id);
  const std::string t =
      "/api/v2/ob/clusters/" + std::to_string(cluster.id) + "/tenants/" + std::to_string(tenant.id);
  const std::string at = "/api/v2/ob/clusters/{id}/tenants/{tenantId}";
  const std::vector<int64_t> ids = {cluster.id, tenant.id};
  return {
      {"config/tenant_databases", at + "/databases", t + "/databases", ids, {}, std::nullopt},
      {"config/tenant_users", at + "/users", t + "/users", ids, {}, std::nullopt},
      {"config/tenant_user",
       at + "/users/{username}",
       t + "/users/root",
       ids,
       {"root"},
       std::nullopt,
       "username"},
      {"config/tenant_roles", at + "/roles", oracle_at + "/roles", oracle_ids, {}, std::nullopt},
      {"config/tenant_objects",
       at + "/objects",
       oracle_at + "/objects",
       oracle_ids,
       {},
       std::nullopt},
  };
}

template <typename Family>
Status RegisterAllOf(const Family& family, const std::vector<PageCase>& cases,
                     const std::shared_ptr<const ConfigWorld>& world) {
  auto routes = std::make_shared<const std::vector<api::Route>>(family.Routes());
  for (const PageCase& c : cases) {
    if (Status s = RegisterPage(c, routes, world); !s.ok()) {
      return Status(s.code(), c.name + " (" + c.target + "): " + s.message());
    }
  }
  return Status();
}

Status Build(const entities::EntitySet& set, const std::filesystem::path& fixtures,
             const std::filesystem::path& bundled, const json::SchemaSet& schemas) {
  if (set.clusters.empty()) return NotFound("no cluster");
  const entities::Row& cluster = set.clusters[set.clusters.size() / 2];
  const entities::Row* tenant = TenantOf(set, cluster.id, "MYSQL");
  const entities::Row* oracle = TenantOf(set, 0, "ORACLE");
  if (tenant == nullptr || oracle == nullptr) {
    return NotFound("no MySQL tenant in cluster " + std::to_string(cluster.id) +
                    ", or no Oracle tenant");
  }
  auto catalogue = Rows(fixtures, families::ParametersFamily::kSpec, schemas);
  if (!catalogue.ok()) return catalogue.status();
  if (catalogue.value().empty()) return NotFound("no parameter catalogue in " + fixtures.string());
  auto objects = Rows(fixtures, families::TenantObjectsFamily::kSpec, schemas);
  if (!objects.ok()) return objects.status();
  auto proxies = Rows(fixtures, families::ObproxyFamily::kSpec, schemas);
  if (proxies.ok() && proxies.value().empty()) {
    proxies = Rows(bundled, families::ObproxyFamily::kSpec, schemas);
  }
  if (!proxies.ok()) return proxies.status();
  if (proxies.value().empty()) return NotFound("no OBProxy cluster");
  const int64_t proxy = proxies.value().front().id;

  const auto params = ParameterCases(set, catalogue.value(), cluster, *tenant);
  auto world = std::make_shared<ConfigWorld>();
  world->tasks = std::make_unique<tasks::TaskStore>(std::vector<model::Task>{}, world->clock);
  world->entities = std::make_unique<entities::EntityStore>(set);
  world->parameters = std::make_unique<families::ParametersFamily>(
      std::move(catalogue).value(), &schemas, std::nullopt, *world->tasks, *world->entities,
      families::ParametersFamily::Options{});
  world->objects = std::make_unique<families::TenantObjectsFamily>(
      std::move(objects).value(), &schemas, std::nullopt, *world->tasks, *world->entities);
  world->obproxy =
      std::make_unique<families::ObproxyFamily>(std::move(proxies).value(), &schemas, std::nullopt,
                                                *world->tasks, *world->entities, world->clock);
  if (Status s = RegisterAllOf(*world->parameters, params, world); !s.ok()) return s;
  if (Status s = RegisterAllOf(*world->objects, ObjectCases(cluster, *tenant, *oracle), world);
      !s.ok()) {
    return s;
  }
  const std::string p = "/api/v2/obproxy/clusters/" + std::to_string(proxy) + "/parameters";
  return RegisterAllOf(*world->obproxy,
                       {{"config/obproxy_parameters",
                         "/api/v2/obproxy/clusters/{id}/parameters",
                         p,
                         {proxy},
                         {},
                         std::nullopt}},
                       world);
}

}  // namespace
}  // namespace config_pages

bool RegisterConfigBenchmarks(const entities::EntitySet& set, const std::filesystem::path& fixtures,
                              const std::filesystem::path& bundled,
                              const json::SchemaSet& schemas) {
  if (Status s = config_pages::Build(set, fixtures, bundled, schemas); !s.ok()) {
    std::fprintf(stderr, "config: %s\n", s.message().c_str());
    return false;
  }
  return true;
}

}  // namespace mock::bench
