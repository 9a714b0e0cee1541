#include "mock/families/monitor/metric_query.h"

#include "mock/reply/time_range.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "mock/core/text.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::monitor {
namespace {

// A StringArray as Spring binds it: comma-separated and/or repeated, elements trimmed, blank
// ones dropped.
std::vector<std::string> ArrayOf(const QueryParams& params, std::string_view key) {
  std::vector<std::string> out;
  for (std::string_view v : ValuesOf(params, key)) {
    while (true) {
      const size_t comma = v.find(',');
      const std::string_view item = text::Trim(v.substr(0, comma));
      if (!item.empty()) out.emplace_back(item);
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  return out;
}

// The first of `keys` given (values joined as Spring joins a repeated scalar), else nullopt.
std::optional<std::pair<std::string, std::string>> FirstOf(
    const QueryParams& params, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    const auto values = ValuesOf(params, key);
    if (values.empty()) continue;
    std::string joined;
    for (std::string_view v : values) joined += (joined.empty() ? "" : ",") + std::string(v);
    return std::make_pair(std::string(key), joined);
  }
  return std::nullopt;
}

StatusOr<int64_t> IntegerOf(const QueryParams& params, std::string_view key, int64_t fallback,
                            int64_t least, int64_t most) {
  const auto given = FirstOf(params, {key});
  if (!given || text::IsBlank(given->second)) return fallback;
  const std::string_view v = text::Trim(given->second);
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < least || n > most) {
    return ocp::InvalidParameter(given->first, given->first + ": '" + given->second.substr(0, 64) +
                                                   "' is not an Integer from " +
                                                   std::to_string(least) + " to " +
                                                   std::to_string(most) + ".");
  }
  return n;
}

StatusOr<std::vector<const MetricModel*>> MetricsOf(const QueryParams& params) {
  std::vector<const MetricModel*> out;
  for (const std::string& key : ArrayOf(params, "metrics")) {
    const MetricModel* m = FindMetric(key);
    if (m == nullptr) {
      return ocp::InvalidParameter("metrics", "metrics: '" + key.substr(0, 64) +
                                                  "' is not a metric the mock serves "
                                                  "(GET /api/v2/monitor/metricGroups lists them).");
    }
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  if (out.empty()) return ocp::InvalidParameter("metrics", "metrics is required.");
  if (out.size() > kMaxMetrics) {
    return ocp::InvalidParameter(
        "metrics", "metrics: at most " + std::to_string(kMaxMetrics) + " in one query.");
  }
  return out;
}

// Label `name` (of parameter `param`) as a kLabels index, refused when no series carries it or,
// for tenant_name, when one of `metrics` is a server metric.
StatusOr<size_t> LabelOf(const std::string& param, const std::string& name,
                         const std::vector<const MetricModel*>& metrics) {
  const auto index = LabelIndex(name);
  if (!index) {
    return ocp::InvalidParameter(
        param, param + ": no series carries a label '" + name.substr(0, 64) + "'.");
  }
  if (*index == kTenantLabel) {
    for (const MetricModel* m : metrics) {
      if (m->level == Level::kServer) {
        return ocp::InvalidParameter(param, param + ": " + std::string(m->key) +
                                                " is a server metric, with no tenant_name.");
      }
    }
  }
  return *index;
}

Status BindLabels(const QueryParams& params, MetricQuery& q) {
  for (const std::string& name : ArrayOf(params, "groupBy")) {
    auto index = LabelOf("groupBy", name, q.metrics);
    if (!index.ok()) return index.status();
    if (std::find(q.group_by.begin(), q.group_by.end(), index.value()) == q.group_by.end()) {
      q.group_by.push_back(index.value());
    }
  }
  for (const std::string& label : ArrayOf(params, "labels")) {
    const size_t sep = label.find_first_of(":=");
    if (sep == std::string::npos || sep == 0) {
      return ocp::InvalidParameter(
          "labels", "labels: '" + label.substr(0, 64) + "' is not name:value or name=value.");
    }
    auto index = LabelOf("labels", std::string(text::Trim(label.substr(0, sep))), q.metrics);
    if (!index.ok()) return index.status();
    q.labels.emplace_back(index.value(), std::string(text::Trim(label.substr(sep + 1))));
  }
  return Status();
}

Status BindRange(const QueryParams& params, int64_t now_ms, MetricQuery& q) {
  auto end = api::TimeParam(params, {"endTime", "end_time"});
  if (!end.ok()) return end.status();
  auto start = api::TimeParam(params, {"startTime", "start_time"});
  if (!start.ok()) return start.status();
  q.end = end.value().value_or(now_ms / 1000);
  q.start = start.value().value_or(q.end - kDefaultRangeSeconds);
  return api::CheckRange(q.start, q.end);
}

}  // namespace

int64_t StepFor(int64_t range, int64_t interval, int64_t min_step, int64_t max_points) {
  int64_t step = std::max({interval, min_step, range / max_points + 1});
  if (step % interval != 0) step += interval - step % interval;
  return step;
}

StatusOr<MetricQuery> BindMetricQuery(const QueryParams& params, int64_t now_ms) {
  MetricQuery q;
  if (Status s = BindRange(params, now_ms, q); !s.ok()) return s;
  auto metrics = MetricsOf(params);
  if (!metrics.ok()) return metrics.status();
  q.metrics = std::move(metrics).value();
  if (Status s = BindLabels(params, q); !s.ok()) return s;
  auto interval = IntegerOf(params, "interval", 60, 1, kMaxRangeSeconds);
  if (!interval.ok()) return interval.status();
  auto min_step = IntegerOf(params, "minStep", 0, 0, kMaxRangeSeconds);
  if (!min_step.ok()) return min_step.status();
  auto max_points = IntegerOf(params, "maxPoints", 1440, 1, kMaxPoints);
  if (!max_points.ok()) return max_points.status();
  q.step = StepFor(q.end - q.start, interval.value(), min_step.value(), max_points.value());
  return q;
}

}  // namespace mock::families::monitor
