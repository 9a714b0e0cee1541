// The metrics the mock can compute, each with the level its series live at, how a group of them
// adds up, and its value at an instant from the load model (load_model.h). The keys are OCP's
// (docs/reference/ocp-monitor-and-sql.md §3: the "Monitoring metrics list" of 4.2.2); the
// catalogue fixtures/monitor/ lists each of them in its metric groups, and a test checks the two
// agree.
//
//   const MetricModel* m = FindMetric("sql_all_count");
//   m->level;        // kUnit: one series per tenant unit, labelled with its tenant
//   m->aggregate;    // kSum: a group's value is the sum of its series'
//
// A series source is one tenant unit (kUnit) or one OBServer (kServer) of the topology the
// entity store implies; its labels (kLabels) are what `labels` filters on and `groupBy` groups
// by. A server-level metric has no tenant_name label.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/families/monitor/load_model.h"

namespace mock::families::monitor {

enum class Level { kUnit, kServer };
enum class Aggregate {
  kSum,         // counts and sizes: a cluster's QPS is its tenants' summed
  kAverage,     // percentages and loads: the mean of the group's series
  kQpsWeighted  // response times: weighted by each series' QPS (total time / total count)
};

struct MetricModel {
  std::string_view key;
  Level level;
  Aggregate aggregate;
  std::optional<double> maximum;  // percentages: 100
};

// The metric of that key, or nullptr.
const MetricModel* FindMetric(std::string_view key);
// Every metric, in a fixed order.
const std::vector<MetricModel>& AllMetrics();

// The labels a series carries, in this order. obregion is the name OCP used for
// ob_cluster_name before 4.2.1 (doc); both are served, with the same value.
inline constexpr std::array<std::string_view, 7> kLabels = {
    "app", "ob_cluster_name", "obregion", "ob_cluster_id", "obzone", "svr_ip", "tenant_name"};
inline constexpr size_t kTenantLabel = 6;
// The index of `name` in kLabels, or nullopt.
std::optional<size_t> LabelIndex(std::string_view name);

// The cores the mock gives every OBServer: the topology's kServerCapacity (docs/topology.md,
// "Resource statistics"); hosts carry no core count.
inline constexpr double kServerCores = 32.0;
inline constexpr double kGiBytes = 1024.0 * 1024.0 * 1024.0;

// One unit of a tenant, as a series source or as a part of its server.
struct UnitSource {
  UnitInput input;
  double memory_bytes = 0;  // the unit's memory (its config's max_memory)
};

// One series source: a unit, or a server with the units placed on it.
struct Source {
  Level level = Level::kUnit;
  std::array<std::string, kLabels.size()> labels;  // tenant_name empty for a server
  int64_t server_id = 0;
  UnitSource unit;                // kUnit
  std::vector<UnitSource> units;  // kServer: its units
};

// `metric`'s value for `source` (of the metric's level) at second `t`, before any steering.
// For kQpsWeighted, `*weight` is set to the source's QPS then.
double ValueAt(uint64_t seed, const MetricModel& metric, const Source& source, int64_t t,
               double* weight);

}  // namespace mock::families::monitor
