#include "mock/bench/topology_bench.h"

#include <benchmark/benchmark.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mock/entities/cluster_topology.h"
#include "mock/entities/entity_store.h"
#include "mock/families/topology/topology_family.h"
#include "mock/http/message.h"
#include "mock/json/json_writer.h"
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

struct Case {
  std::string name;     // "topology/..."
  std::string pattern;  // the route's
  std::string target;
  std::vector<int64_t> ids;
  std::vector<std::string> texts;
  std::optional<size_t> listed;  // data.contents' size it must answer; nullopt: unchecked
  bool object = false;           // data is one object (the stats), not a list
};

// What a request costs below HTTP: the handler, then its data written as JSON.
Status Answer(const api::Route& route, const api::Call& call, rapidjson::StringBuffer& buf) {
  auto reply = route.handler(call);
  if (!reply.ok()) return reply.status();
  json::JsonWriter w(buf);
  reply.value().write_data(w);
  return Status();
}

Status Check(const Case& c, const api::Route& route, const api::Call& call) {
  rapidjson::StringBuffer buf;
  if (Status s = Answer(route, call, buf); !s.ok()) return s;
  rapidjson::Document d;
  d.Parse(buf.GetString(), buf.GetSize());
  if (d.HasParseError() || !d.IsObject()) return InternalError("not a JSON object");
  if (c.object) return d.HasMember("clusterId") ? Status() : InternalError("no clusterId");
  if (!d.HasMember("contents") || !d["contents"].IsArray()) return InternalError("not a list");
  if (c.listed && d["contents"].Size() != *c.listed) {
    return InternalError(std::to_string(d["contents"].Size()) + " items, expected " +
                         std::to_string(*c.listed));
  }
  return Status();
}

Status Register(const Case& c, const std::shared_ptr<const World>& world) {
  auto routes = std::make_shared<const std::vector<api::Route>>(world->family->Routes());
  const api::Route* route = nullptr;
  for (const api::Route& r : *routes) {
    if (r.method == "GET" && r.pattern == c.pattern) route = &r;
  }
  if (route == nullptr) return NotFound("no route GET " + c.pattern);
  auto request = http::MakeRequest("GET", c.target);
  if (!request.ok()) return request.status();
  auto held = std::make_shared<const http::Request>(std::move(request).value());
  if (Status s = Check(c, *route, api::Call{*held, c.ids, nullptr, c.texts}); !s.ok()) return s;
  benchmark::RegisterBenchmark(c.name.c_str(),
                               [world, routes, route, held, c](benchmark::State& state) {
                                 const api::Call call{*held, c.ids, nullptr, c.texts};
                                 for (auto _ : state) {
                                   rapidjson::StringBuffer buf;
                                   benchmark::DoNotOptimize(Answer(*route, call, buf));
                                   benchmark::DoNotOptimize(buf.GetString());
                                 }
                               });
  return Status();
}

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

std::vector<Case> Cases(const entities::EntitySet& set) {
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
      {"topology/stats", at + "{id}/stats", c + "/stats", id, {}, std::nullopt, true},
  };
}

bool RegisterAll(const entities::EntitySet& set) {
  if (set.clusters.empty()) return std::fprintf(stderr, "topology: no cluster\n"), false;
  auto world = std::make_shared<World>();
  world->tasks = std::make_unique<tasks::TaskStore>(std::vector<model::Task>{}, world->clock);
  world->entities = std::make_unique<entities::EntityStore>(set);
  world->family =
      std::make_unique<families::TopologyFamily>(*world->tasks, *world->entities, world->clock);
  for (const Case& c : Cases(set)) {
    if (Status s = Register(c, world); !s.ok()) {
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
