// The answer of GET /api/v2/monitor/metricsWithLabel, computed from the topology the entity
// store implies (entities/cluster_topology.h), the load model and the overrides a test set:
//
//   auto groups = ComputeSeries({.seed = 0, .now = now_s}, *topology, query, overrides.All());
//   WriteSeries(w, query, groups.value());   // {"contents": [...], "page": {...}}
//
// - Sources: one per tenant unit (unit metrics) and one per OBServer (server metrics) of every
//   cluster the cluster list shows, labelled as metric_models.h says; a server that is not
//   RUNNING (or OPERATING) reports nothing, nor do the units on it (a stopped cluster, an OFFLINE
//   host). `labels` keeps the sources whose labels all match (app case-insensitively: the docs
//   filter "app:ob" and answer "OB").
// - Groups: the kept sources by the values of the `groupBy` labels, ordered by those values;
//   no groupBy is one group. A group's value is its sources' by the metric's Aggregate, so a
//   cluster's sql_all_count is exactly the sum of its tenants' (before rounding to 2 decimals).
// - Points: every multiple of the step from startTime to endTime, but none after now on the mock
//   clock (a real OCP has no data from the future); each carries every asked metric the group
//   has sources for, then `timestamp` in epoch seconds (doc).
// - Bound: at most kMaxValues values in one answer (invalidParameter naming maxPoints beyond).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/entities/cluster_topology.h"
#include "mock/families/monitor/metric_overrides.h"
#include "mock/families/monitor/metric_query.h"
#include "mock/json/json_writer.h"

namespace mock::families::monitor {

inline constexpr int64_t kMaxValues = 2'000'000;

struct SeriesContext {
  uint64_t seed = 0;
  int64_t now = 0;  // epoch seconds
};

struct SeriesGroup {
  std::vector<std::string> labels;  // the groupBy labels' values, in groupBy's order
  // values[m][p]: metric m (the query's order) at point p; has[m]: whether the group has sources
  // for metric m.
  std::vector<std::vector<double>> values;
  std::vector<bool> has;
};

struct Series {
  std::vector<int64_t> timestamps;
  std::vector<SeriesGroup> groups;
};

// The series sources of the clusters `cluster_ids` of `topology` (metric_models.h), in that
// order; an id the topology lacks adds none.
std::vector<Source> SourcesOf(const entities::Topology& topology,
                              const std::vector<int64_t>& cluster_ids);

StatusOr<Series> ComputeSeries(const SeriesContext& context, const std::vector<Source>& sources,
                               const MetricQuery& query,
                               const std::vector<MetricOverride>& overrides);

// `{"contents": [...], "page": {...}}`: the page as the docs' sample gives one, a single page
// holding every group (size 2147483647, the sample's; doc).
void WriteSeries(json::JsonWriter& w, const MetricQuery& query, const Series& series);

}  // namespace mock::families::monitor
