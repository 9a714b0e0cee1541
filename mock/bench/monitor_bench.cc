#include "mock/bench/monitor_bench.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "mock/families/monitor/metric_series.h"
#include "mock/json/json_writer.h"

namespace mock::bench {
namespace {

using families::monitor::Level;
using families::monitor::Source;
using families::monitor::UnitSource;

constexpr int64_t kBenchNoon = 2'112'091'200;  // 2036-12-05T12:00:00Z

std::vector<Source> HundredServers() {
  std::vector<Source> out;
  for (int64_t s = 0; s < 100; ++s) {
    Source server{.level = Level::kServer,
                  .labels = {"OB", "bench", "bench", "1", "zone" + std::to_string(s % 3),
                             "10.1.0." + std::to_string(s), ""},
                  .server_id = 1'000'000 + s,
                  .unit = {},
                  .units = {}};
    for (int64_t u = 0; u < 3; ++u) {
      const UnitSource unit{.input = {.tenant_id = 1000 + u,
                                      .server_id = server.server_id,
                                      .units = 100,
                                      .max_cpu = 4.0},
                            .memory_bytes = 8.0 * families::monitor::kGiBytes};
      server.units.push_back(unit);
      Source tenant = server;
      tenant.level = Level::kUnit;
      tenant.labels[families::monitor::kTenantLabel] = "tenant" + std::to_string(u);
      tenant.unit = unit;
      tenant.units.clear();
      out.push_back(std::move(tenant));
    }
    out.push_back(std::move(server));
  }
  return out;
}

}  // namespace

bool RegisterMonitorBenchmarks() {
  static const std::vector<Source> sources = HundredServers();
  QueryParams params = {{"metrics", "cpu_percent"},
                        {"groupBy", "svr_ip"},
                        {"startTime", "2036-12-04T12:00:00Z"},
                        {"endTime", "2036-12-05T12:00:00Z"},
                        {"interval", "60"},
                        {"maxPoints", "1441"}};
  auto query = families::monitor::BindMetricQuery(params, kBenchNoon * 1000);
  if (!query.ok())
    return std::fprintf(stderr, "monitor: %s\n", query.status().message().c_str()), false;
  static const families::monitor::MetricQuery q = std::move(query).value();
  const families::monitor::SeriesContext context{.seed = 0, .now = kBenchNoon};
  auto first = families::monitor::ComputeSeries(context, sources, q, {});
  if (!first.ok() || first.value().groups.size() != 100 ||
      first.value().timestamps.size() != 1'441) {
    std::fprintf(stderr, "monitor: the series is not 100 groups of 1,441 points\n");
    return false;
  }
  benchmark::RegisterBenchmark("monitor/day_100_servers", [context](benchmark::State& state) {
    for (auto _ : state) {
      auto series = families::monitor::ComputeSeries(context, sources, q, {});
      rapidjson::StringBuffer buffer;
      json::JsonWriter w(buffer);
      families::monitor::WriteSeries(w, q, series.value());
      benchmark::DoNotOptimize(buffer.GetSize());
    }
  })->Unit(benchmark::kMillisecond);
  return true;
}

}  // namespace mock::bench
