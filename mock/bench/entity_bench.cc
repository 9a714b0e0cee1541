#include "mock/bench/entity_bench.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "mock/entities/entity_loader.h"
#include "mock/entities/entity_query.h"
#include "mock/entities/entity_store.h"

namespace mock::bench {
namespace {

using entities::Kind;

struct NamedList {
  std::string name;
  Kind kind;
  QueryParams params;
  std::optional<int64_t> cluster_id;  // a cluster's tenants
};

// The name or address fragment of the first row of `kind`, so that a keyword selects something.
std::string FragmentOf(const entities::EntitySet& set, Kind kind, const char* key) {
  if (set.Of(kind).empty()) return "x";
  const std::string value(entities::Str(*set.Of(kind).front().doc, key));
  return value.substr(0, std::min<size_t>(value.size(), 4));
}

std::vector<NamedList> Lists(const entities::EntitySet& set) {
  const int64_t cluster = set.clusters.empty() ? 1 : set.clusters.front().id;
  return {
      {"clusters_all", Kind::kCluster, {}, std::nullopt},
      {"clusters_status", Kind::kCluster, {{"status", "RUNNING"}}, std::nullopt},
      {"tenants_all", Kind::kTenant, {}, std::nullopt},
      {"tenants_status+mode",
       Kind::kTenant,
       {{"status", "NORMAL"}, {"mode", "MYSQL"}},
       std::nullopt},
      {"tenants_name",
       Kind::kTenant,
       {{"name", FragmentOf(set, Kind::kTenant, "name")}},
       std::nullopt},
      {"tenants_of_cluster", Kind::kTenant, {}, cluster},
      {"tenants_sort_name", Kind::kTenant, {{"sort", "name,desc"}}, std::nullopt},
      {"hosts_status", Kind::kHost, {{"status", "ONLINE"}}, std::nullopt},
      {"hosts_keyword",
       Kind::kHost,
       {{"keyword", FragmentOf(set, Kind::kHost, "innerIpAddress")}},
       std::nullopt},
  };
}

StatusOr<entities::ListQuery> Parse(const NamedList& l, const entities::ListRules& rules) {
  switch (l.kind) {
    case Kind::kCluster:
      return entities::ParseClusterList(l.params, rules);
    case Kind::kTenant:
      return entities::ParseTenantList(l.params, rules, l.cluster_id);
    case Kind::kHost:
      return entities::ParseHostList(l.params, rules);
  }
  return entities::ParseHostList(l.params, rules);
}

}  // namespace

StatusOr<entities::EntitySet> LoadEntities(const std::vector<model::Task>& tasks,
                                           const std::filesystem::path& fixtures,
                                           const json::SchemaSet& schemas) {
  auto set = entities::LoadEntityFixtures(fixtures, schemas);
  if (!set.ok()) return set.status();
  if (Status completed = entities::Complete(set.value(), tasks); !completed.ok()) return completed;
  return set;
}

bool RegisterEntityBenchmarks(const std::vector<model::Task>& tasks, const entities::EntitySet& set,
                              const json::SchemaSet& schemas) {
  const std::vector<NamedList> lists = Lists(set);
  benchmark::AddCustomContext("clusters", std::to_string(set.clusters.size()));
  benchmark::AddCustomContext("tenants", std::to_string(set.tenants.size()));
  benchmark::AddCustomContext("hosts", std::to_string(set.hosts.size()));
  // How many of them no entity file describes (generated sets describe all: tools/gen-fixtures).
  size_t derived = 0;
  for (Kind kind : {Kind::kCluster, Kind::kTenant, Kind::kHost}) {
    for (const entities::Row& row : set.Of(kind)) derived += row.origin.str() == entities::kDerived;
  }
  benchmark::AddCustomContext("derived", std::to_string(derived));
  // The tasks' statuses by id, answered from a hash map as TaskStore::Statuses does.
  auto statuses = std::make_shared<std::unordered_map<int64_t, model::TaskStatus>>();
  for (const model::Task& t : tasks) statuses->emplace(t.id, t.status);
  auto store = std::make_shared<entities::EntityStore>(set);
  // Each read takes the snapshot of the pending entities' tasks the API takes
  // (pending_statuses.h, PendingStatuses): none for the fixtures' entities.
  auto snapshot = [store, statuses] {
    entities::TaskStatuses s;
    for (int64_t id : store->PendingTaskIds()) {
      auto it = statuses->find(id);
      s.Set(id, it == statuses->end() ? std::nullopt : std::optional(it->second));
    }
    return s;
  };
  // Shared with the benchmarks, which run after this returns: each query points into its rules.
  auto rules =
      std::make_shared<const entities::ListRules>(entities::ListRulesFor(schemas, "4.2.2"));
  for (const NamedList& l : lists) {
    auto query = Parse(l, *rules);
    if (!query.ok()) {
      std::fprintf(stderr, "entities/%s: %s\n", l.name.c_str(), query.status().message().c_str());
      return false;
    }
    benchmark::RegisterBenchmark(
        ("entities/" + l.name).c_str(), [store, snapshot, rules, kind = l.kind,
                                         q = std::move(query).value()](benchmark::State& state) {
          for (auto _ : state) {
            const std::vector<entities::Row> rows = store->Rows(kind, snapshot());
            benchmark::DoNotOptimize(entities::RunList(rows, q));
          }
        });
  }
  return true;
}

}  // namespace mock::bench
