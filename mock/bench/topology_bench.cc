#include "mock/bench/topology_bench.h"

#include "mock/bench/page_bench.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mock/entities/cluster_topology.h"
#include "mock/entities/entity_store.h"
#include "mock/families/topology/topology_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::bench {
// Named, so that a unity build puts these beside family_bench.cc's own without a clash.
namespace topology_pages {
namespace {

using entities::Int;
using entities::Str;

// What the family reads, kept alive for the benchmarks. Built in this order; the family goes
// first.
struct World {
  tasks::MockClock clock{0};
  std::unique_ptr<tasks::TaskStore> tasks;  // none: no entity waits on a task
  std::unique_ptr<entities::EntityStore> entities;
  std::unique_ptr<families::TopologyFamily> family;
};

// What the rows imply for `cluster`: the hosts whose services name it, its tenants' units, its
// zones (independently of the derivation, as docs/topology.md states the rules).
struct Expected {
  size_t servers = 0;
  size_t units = 0;
  size_t zones = 0;
  size_t tenant_units = 0;  // of its first tenant
  int64_t first_tenant = 0;
  std::string first_zone;
};

Expected ExpectedOf(const entities::EntitySet& set, const entities::Row& cluster) {
  Expected e;
  const std::string service = std::string(Str(*cluster.doc, "name")) + ":" +
                              std::to_string(Int(*cluster.doc, "obClusterId"));
  for (const entities::Row& h : set.hosts) {
    for (const auto& s : (*h.doc)["services"].GetArray())
      e.servers += Str(s, "type") == "OB_CLUSTER" && Str(s, "name") == service;
  }
  const auto& zones = (*cluster.doc)["zones"];
  e.zones = zones.Size();
  if (e.zones > 0) e.first_zone = std::string(Str(zones[0], "name"));
  for (const entities::Row& t : set.tenants) {
    if (Int(*t.doc, "clusterId") != cluster.id) continue;
    size_t own = 0;
    for (const auto& z : (*t.doc)["zones"].GetArray())
      own += static_cast<size_t>(Int(z["resourcePool"], "unitCount"));
    if (e.first_tenant == 0 || t.id < e.first_tenant) {
      e.first_tenant = t.id;
      e.tenant_units = own;
    }
    e.units += own;
  }
  return e;
}

std::vector<PageCase> Cases(const entities::EntitySet& set) {
  const entities::Row& cluster = set.clusters[set.clusters.size() / 2];
  const Expected e = ExpectedOf(set, cluster);
  const std::string c = "/api/v2/ob/clusters/" + std::to_string(cluster.id);
  const std::string at = "/api/v2/ob/clusters/";
  const std::vector<int64_t> id = {cluster.id};
  const std::string tenant = std::to_string(e.first_tenant);
  const std::optional<size_t> one_zone = e.zones == 1 ? std::optional(e.servers) : std::nullopt;
  return {
      {"topology/zones", at + "{id}/zones", c + "/zones", id, {}, e.zones},
      {"topology/servers", at + "{clusterId}/servers", c + "/servers", id, {}, e.servers},
      {"topology/servers_idcName",
       at + "{clusterId}/servers",
       c + "/servers?idcName=idc1",
       id,
       {},
       std::nullopt},
      {"topology/zone_servers",
       at + "{clusterId}/zones/{zoneName}/servers",
       c + "/zones/" + e.first_zone + "/servers",
       id,
       {e.first_zone},
       one_zone},
      {"topology/units", at + "{id}/units", c + "/units", id, {}, e.units},
      {"topology/units_tenantId",
       at + "{id}/units",
       c + "/units?tenantId=" + tenant,
       id,
       {},
       e.tenant_units},
      {"topology/tenant_units",
       at + "{clusterId}/tenants/{tenantId}/units",
       c + "/tenants/" + tenant + "/units",
       {cluster.id, e.first_tenant},
       {},
       e.tenant_units},
      {"topology/server_stats", at + "{id}/serverStats", c + "/serverStats", id, {}, e.servers},
      {"topology/stats", at + "{id}/stats", c + "/stats", id, {}, std::nullopt, "clusterId"},
  };
}

bool RegisterAll(const entities::EntitySet& set) {
  if (set.clusters.empty()) return std::fprintf(stderr, "topology: no cluster\n"), false;
  auto world = std::make_shared<World>();
  world->tasks = std::make_unique<tasks::TaskStore>(std::vector<model::Task>{}, world->clock);
  world->entities = std::make_unique<entities::EntityStore>(set);
  world->family =
      std::make_unique<families::TopologyFamily>(*world->tasks, *world->entities, world->clock);
  auto routes = std::make_shared<const std::vector<api::Route>>(world->family->Routes());
  for (const PageCase& c : Cases(set)) {
    if (Status s = RegisterPage(c, routes, world); !s.ok()) {
      std::fprintf(stderr, "%s (%s): %s\n", c.name.c_str(), c.target.c_str(), s.message().c_str());
      return false;
    }
  }
  benchmark::RegisterBenchmark("topology/derive", [set](benchmark::State& state) {
    for (auto _ : state) {
      benchmark::DoNotOptimize(entities::DeriveTopology(set.clusters, set.tenants, set.hosts));
    }
  });
  return true;
}

}  // namespace
}  // namespace topology_pages

bool RegisterTopologyBenchmarks(const entities::EntitySet& set) {
  return topology_pages::RegisterAll(set);
}

}  // namespace mock::bench
