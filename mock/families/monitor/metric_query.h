// GET /api/v2/monitor/metricsWithLabel's parameters, bound as OCP's Spring controller would,
// and the sampling step they imply (docs/reference/ocp-monitor-and-sql.md §2; docs/monitor.md):
//
//   auto q = BindMetricQuery(params, clock.NowMs());
//   q->step;     // seconds between points; every point's timestamp is a multiple of it
//
// The rules, each with its provenance:
//  - startTime, endTime: ISO-8601 with an offset (doc: "2020-02-16T05:32:16+08:00"); the docs'
//    table spells them start_time and end_time, its sample and the MCP server startTime and
//    endTime: both are read, camelCase first (doc, client). A text ParseTimestamp refuses is
//    invalidParameter naming it. Absent: endTime is now on the mock clock and startTime 30
//    minutes before endTime (mock: the docs mark both required; a lenient mock serves more
//    clients). endTime before startTime, or a range over kMaxRangeSeconds (31 days, mock: the
//    docs give no limit), is the version's timeRangeInvalid.
//  - metrics: required, a StringArray (comma-separated or repeated); each a metric the mock
//    serves (metric_models.h), else invalidParameter naming it; at most kMaxMetrics.
//  - groupBy, labels: StringArrays; a label is `name:value` or `name=value` (doc: both appear in
//    "app:ob,ob_cluster_name=foo"). A name no series carries, or tenant_name with a server
//    metric, is invalidParameter naming the parameter and the label (mock).
//  - interval (seconds, default 60), minStep (default 0, doc), maxPoints (default 1440, doc,
//    at most kMaxPoints): integers, interval and maxPoints at least 1, minStep at least 0.
//  - the step (mock: the docs give the defaults, not the rule): max(interval, minStep), raised
//    to the least step at which the range holds at most maxPoints aligned points
//    (range / maxPoints + 1), then rounded up to a multiple of interval.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/families/monitor/metric_models.h"
#include "mock/reply/time_range.h"

namespace mock::families::monitor {

using api::kMaxRangeSeconds;  // mock/reply/time_range.h
inline constexpr int64_t kDefaultRangeSeconds = int64_t{30} * 60;
inline constexpr int64_t kMaxPoints = 10'000;
inline constexpr size_t kMaxMetrics = 20;

struct MetricQuery {
  int64_t start = 0;  // epoch seconds
  int64_t end = 0;
  std::vector<const MetricModel*> metrics;
  std::vector<size_t> group_by;                        // kLabels indexes, as asked
  std::vector<std::pair<size_t, std::string>> labels;  // filters
  int64_t step = 60;
};

StatusOr<MetricQuery> BindMetricQuery(const QueryParams& params, int64_t now_ms);

// The step for a range of `range` seconds (the header's rule).
int64_t StepFor(int64_t range, int64_t interval, int64_t min_step, int64_t max_points);

}  // namespace mock::families::monitor
