#include "mock/families/monitor/metric_models.h"

#include <algorithm>

namespace mock::families::monitor {
namespace {

const std::vector<MetricModel> kMetricModels = {
    {"sql_all_count", Level::kUnit, Aggregate::kSum, std::nullopt},
    {"transaction_count", Level::kUnit, Aggregate::kSum, std::nullopt},
    {"sql_all_rt", Level::kUnit, Aggregate::kQpsWeighted, std::nullopt},
    {"active_session", Level::kUnit, Aggregate::kSum, std::nullopt},
    {"ob_cpu_percent", Level::kUnit, Aggregate::kAverage, 100.0},
    {"tenant_memory_usage_percent", Level::kUnit, Aggregate::kAverage, 100.0},
    {"cpu_percent", Level::kServer, Aggregate::kAverage, 100.0},
    {"load1", Level::kServer, Aggregate::kAverage, std::nullopt},
    {"memory_used", Level::kServer, Aggregate::kSum, std::nullopt},
    {"host_disk_used", Level::kServer, Aggregate::kSum, std::nullopt},
};

double UnitValue(std::string_view key, const UnitLoad& u) {
  if (key == "sql_all_count") return u.qps;
  if (key == "transaction_count") return u.tps;
  if (key == "sql_all_rt") return u.rt_us;
  if (key == "active_session") return u.sessions;
  if (key == "ob_cpu_percent") return u.cpu_percent;
  if (key == "tenant_memory_usage_percent") return u.memory_percent;
  return 0;
}

double ServerValue(uint64_t seed, std::string_view key, const Source& s, int64_t t) {
  if (key == "host_disk_used") return ServerDiskUsed(seed, s.server_id, t);
  double cores = 0;
  double memory = 0;
  for (const UnitSource& unit : s.units) {
    const UnitLoad u = UnitLoadAt(seed, unit.input, t);
    cores += u.cpu_cores;
    memory += unit.memory_bytes * u.memory_percent / 100.0;
  }
  const double busy = std::min(kServerCores, ServerOwnCores(seed, s.server_id, t) + cores);
  if (key == "cpu_percent") return ServerCpuPercent(busy, kServerCores);
  if (key == "load1") return ServerLoad1(seed, s.server_id, busy, t);
  return ServerMemoryUsed(memory);  // memory_used
}

}  // namespace

const MetricModel* FindMetric(std::string_view key) {
  auto it = std::find_if(kMetricModels.begin(), kMetricModels.end(),
                         [key](const MetricModel& m) { return m.key == key; });
  return it == kMetricModels.end() ? nullptr : &*it;
}

const std::vector<MetricModel>& AllMetrics() { return kMetricModels; }

std::optional<size_t> LabelIndex(std::string_view name) {
  for (size_t i = 0; i < kLabels.size(); ++i) {
    if (kLabels[i] == name) return i;
  }
  return std::nullopt;
}

double ValueAt(uint64_t seed, const MetricModel& metric, const Source& source, int64_t t,
               double* weight) {
  if (metric.level == Level::kServer) return ServerValue(seed, metric.key, source, t);
  const UnitLoad u = UnitLoadAt(seed, source.unit.input, t);
  if (weight != nullptr) *weight = u.qps;
  return UnitValue(metric.key, u);
}

}  // namespace mock::families::monitor
