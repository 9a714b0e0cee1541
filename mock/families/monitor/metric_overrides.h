// What a test steers: a metric's value or shape over a time window, on the series whose labels
// match (POST /__mock/metricOverrides, docs/monitor.md "Steering"):
//
//   {"metric": "cpu_percent", "labels": {"svr_ip": "10.0.0.4"},
//    "startTime": "2026-12-05T10:00:00Z", "endTime": "2026-12-05T10:10:00Z", "value": 95}
//
// Exactly one of `value` and `scale`: `value` sets each matching series source (one tenant
// unit, or one server: metric_models.h) to that value; `scale` multiplies what the load model
// gives. A metric with a maximum (a percentage) never goes past it. Where several overrides cover
// an instant, the one added last wins. Held in memory, at most kDefaultMax at once (a POST beyond
// is refused and changes nothing), all forgotten by POST /__mock/reset (all, or only=metricGroups)
// and by a reload. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/families/monitor/metric_models.h"

namespace mock::families::monitor {

struct MetricOverride {
  int64_t id = 0;
  const MetricModel* metric = nullptr;
  std::vector<std::pair<size_t, std::string>> labels;  // kLabels index, value
  int64_t start_s = 0;                                 // inclusive, epoch seconds
  int64_t end_s = 0;                                   // inclusive
  std::optional<double> value;
  std::optional<double> scale;
  std::string start_text;  // as given, for GET /__mock/metricOverrides
  std::string end_text;

  // Whether it covers `source` at second `t`.
  bool Covers(const Source& source, int64_t t) const;
  // `v` as steered (the caller checked Covers).
  double Apply(double v) const;
};

// The override a body describes; the body is valid against metric-override-request. A metric the
// mock does not know, a label it does not know or that the metric's series do not carry, and an
// end before the start are invalidParameter naming the member (`metric`, `labels.tenant_name`,
// `endTime`), as are a `value` past the metric's maximum and both or neither of value and scale.
StatusOr<MetricOverride> ParseOverride(const rapidjson::Value& body);

class MetricOverrides {
 public:
  static constexpr size_t kDefaultMax = 100;
  explicit MetricOverrides(size_t max = kDefaultMax) : max_(max) {}

  // Adds `o` under the next id (from 1, again after Clear); kFailedPrecondition when full.
  StatusOr<MetricOverride> Add(MetricOverride o) OCPMOCK_EXCLUDES(mutex_);
  // Whether override `id` was held (it is not any more).
  bool Remove(int64_t id) OCPMOCK_EXCLUDES(mutex_);
  // Those held, in the order added.
  std::vector<MetricOverride> All() const OCPMOCK_EXCLUDES(mutex_);
  void Clear() OCPMOCK_EXCLUDES(mutex_);

 private:
  const size_t max_;
  mutable Mutex mutex_;
  std::vector<MetricOverride> held_ OCPMOCK_GUARDED_BY(mutex_);
  int64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = 1;
};

}  // namespace mock::families::monitor
