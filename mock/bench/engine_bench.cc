// Google Benchmark of the task-list engine: each filter alone and combined, deep pages and each
// sort, answered by TaskIndex, with the reference engine (a scan and a partial sort) measured on
// the same tasks in the same run as the baseline; the cluster, tenant and host lists over the
// same fixtures' entities (entity_bench.h); and the client flows' lists over rows sized by those
// entities (family_bench.h).
//
//   ocp-engine-bench --fixtures=DIR [google benchmark flags]
//
// tools/bench runs it on 10k, 100k and 1M generated tasks; tools/test runs it once on the
// bundled fixtures so that it keeps compiling and working.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "mock/bench/config_bench.h"
#include "mock/bench/entity_bench.h"
#include "mock/bench/family_bench.h"
#include "mock/bench/monitor_bench.h"
#include "mock/bench/topology_bench.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/query/reference_engine.h"
#include "mock/query/task_index.h"

namespace {

using mock::model::Task;
using mock::query::SortKey;
using mock::query::TaskQuery;

// The most common value of `key` among `tasks`, so that a filter selects a realistic share.
template <typename Key>
int64_t MostCommon(const std::vector<Task>& tasks, Key key) {
  std::map<int64_t, size_t> counts;
  for (const Task& t : tasks) {
    if (key(t) != -1) ++counts[key(t)];  // -1: the task has none
  }
  if (counts.empty()) return -1;
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best->first;
}

struct NamedQuery {
  std::string name;
  TaskQuery query;
};

std::vector<NamedQuery> Queries(const std::vector<Task>& tasks) {
  auto with = [](auto fill) {
    TaskQuery q;
    fill(q);
    return q;
  };
  const int64_t cluster =
      MostCommon(tasks, [](const Task& t) { return t.cluster ? t.cluster->id : -1; });
  const int64_t tenant =
      MostCommon(tasks, [](const Task& t) { return t.tenant ? t.tenant->id : -1; });
  const int64_t host =
      MostCommon(tasks, [](const Task& t) { return t.host_ids.empty() ? -1 : t.host_ids.front(); });
  using S = mock::model::TaskStatus;
  using T = mock::model::TaskType;
  const auto half = static_cast<int32_t>(tasks.size() / 2 / 10 + 1);  // the middle page of all
  return {
      {"all", {}},
      {"status", with([](TaskQuery& q) { q.filter.statuses = {S::kFailed}; })},
      {"status_two", with([](TaskQuery& q) {
         q.filter.statuses = {S::kFailed, S::kRunning};
       })},
      {"type", with([](TaskQuery& q) { q.filter.type = T::kManual; })},
      {"cluster_id", with([&](TaskQuery& q) { q.filter.cluster_id = cluster; })},
      {"tenant_id", with([&](TaskQuery& q) { q.filter.tenant_id = tenant; })},
      {"host_id", with([&](TaskQuery& q) { q.filter.host_id = host; })},
      {"status+type+cluster", with([&](TaskQuery& q) {
         q.filter.statuses = {S::kSuccessful};
         q.filter.type = T::kManual;
         q.filter.cluster_id = cluster;
       })},
      {"status+tenant+host", with([&](TaskQuery& q) {
         q.filter.statuses = {S::kFailed};
         q.filter.tenant_id = tenant;
         q.filter.host_id = host;
       })},
      {"name", with([](TaskQuery& q) { q.filter.name = "tenant"; })},
      {"name_rare", with([](TaskQuery& q) { q.filter.name = "switchover"; })},
      {"cluster_name", with([](TaskQuery& q) { q.filter.cluster_names = {"prod"}; })},
      {"name+status", with([](TaskQuery& q) {
         q.filter.name = "tenant";
         q.filter.statuses = {S::kFailed};
       })},
      {"deep_page", with([&](TaskQuery& q) { q.page.number = half; })},
      {"deep_page_status", with([&](TaskQuery& q) {
         q.filter.statuses = {S::kSuccessful};
         q.page.number = half / 2;
       })},
      {"sort_id_asc", with([](TaskQuery& q) {
         q.sort = {{SortKey::kId, false}};
       })},
      {"sort_name", with([](TaskQuery& q) {
         q.sort = {{SortKey::kName, false}};
       })},
      {"sort_status", with([](TaskQuery& q) {
         q.sort = {{SortKey::kStatus, true}};
       })},
      {"sort_type", with([](TaskQuery& q) {
         q.sort = {{SortKey::kType, false}};
       })},
      {"sort_create_time", with([](TaskQuery& q) {
         q.sort = {{SortKey::kCreateTime, true}};
       })},
      {"sort_start_time", with([](TaskQuery& q) {
         q.sort = {{SortKey::kStartTime, false}};
       })},
      {"sort_finish_time", with([](TaskQuery& q) {
         q.sort = {{SortKey::kFinishTime, true}};
       })},
      {"sort_finish_time+cluster", with([&](TaskQuery& q) {
         q.sort = {{SortKey::kFinishTime, true}};
         q.filter.cluster_id = cluster;
       })},
      {"sort_two_keys", with([](TaskQuery& q) {
         q.sort = {{SortKey::kName, false}, {SortKey::kCreateTime, true}};
       })},
      {"sort_deep_page", with([&](TaskQuery& q) {
         q.sort = {{SortKey::kCreateTime, false}};
         q.page.number = half;
       })},
  };
}

// Takes --fixtures=DIR out of argv, leaving the rest to Google Benchmark.
std::string TakeFixturesFlag(int& argc, char** argv) {
  std::string dir;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--fixtures=", 11) == 0) {
      dir = argv[i] + 11;
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = TakeFixturesFlag(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (dir.empty() || benchmark::ReportUnrecognizedArguments(argc, argv)) {
    std::fprintf(stderr, "usage: ocp-engine-bench --fixtures=DIR [benchmark flags]\n");
    return 2;
  }
  auto schemas = mock::json::SchemaSet::Load(OCPMOCK_SCHEMAS_DIR);
  if (!schemas.ok()) return std::fprintf(stderr, "%s\n", schemas.status().message().c_str()), 2;
  auto loaded = mock::fixtures::LoadTaskFixtures(dir, schemas.value());
  if (!loaded.ok()) return std::fprintf(stderr, "%s\n", loaded.status().message().c_str()), 2;
  static const std::vector<Task> tasks = std::move(loaded).value();
  static const mock::query::TaskIndex index(tasks);
  benchmark::AddCustomContext("tasks", std::to_string(tasks.size()));
  for (const NamedQuery& q : Queries(tasks)) {
    benchmark::RegisterBenchmark(("index/" + q.name).c_str(), [q](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(index.Execute(q.query));
    });
  }
  // The baseline: the reference engine, on the queries whose cost differs in kind.
  for (const NamedQuery& q : Queries(tasks)) {
    if (q.name != "all" && q.name != "status+type+cluster" && q.name != "name" &&
        q.name != "sort_name") {
      continue;
    }
    benchmark::RegisterBenchmark(("reference/" + q.name).c_str(), [q](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(mock::query::ExecuteQuery(tasks, q.query));
    });
  }
  auto set = mock::bench::LoadEntities(tasks, dir, schemas.value());
  if (!set.ok()) return std::fprintf(stderr, "entities: %s\n", set.status().message().c_str()), 2;
  if (!mock::bench::RegisterEntityBenchmarks(tasks, set.value(), schemas.value())) return 2;
  if (!mock::bench::RegisterFamilyBenchmarks(set.value(), schemas.value())) return 2;
  if (!mock::bench::RegisterTopologyBenchmarks(set.value())) return 2;
  if (!mock::bench::RegisterMonitorBenchmarks()) return 2;
  const std::filesystem::path bundled =
      std::filesystem::path(OCPMOCK_SCHEMAS_DIR) / ".." / "fixtures";
  if (!mock::bench::RegisterConfigBenchmarks(set.value(), dir, bundled, schemas.value())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
