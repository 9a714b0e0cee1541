#include "mock/families/monitor/metric_overrides.h"

#include <algorithm>

#include "mock/core/text.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::monitor {
namespace {

std::string_view TextOf(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The member's time in epoch seconds (the schema's pattern let it through; ParseTimestamp is the
// judge of a day 31 of February).
StatusOr<int64_t> SecondsOf(const rapidjson::Value& body, const char* member) {
  const auto t = model::ParseTimestamp(TextOf(body[member]));
  if (!t) {
    return ocp::InvalidParameter(member, std::string(member) + ": '" +
                                             Excerpt(TextOf(body[member])) +
                                             "' is not an ISO-8601 date-time with an offset.");
  }
  return t->epoch_ms / 1000;
}

StatusOr<std::vector<std::pair<size_t, std::string>>> LabelsOf(const rapidjson::Value& body,
                                                               const MetricModel& metric) {
  std::vector<std::pair<size_t, std::string>> out;
  auto labels = body.FindMember("labels");
  if (labels == body.MemberEnd()) return out;
  for (const auto& m : labels->value.GetObject()) {
    const std::string name(TextOf(m.name));
    const auto index = LabelIndex(name);
    if (!index) {
      return ocp::InvalidParameter("labels." + name,
                                   "labels." + name + ": no series carries that label.");
    }
    if (*index == kTenantLabel && metric.level == Level::kServer) {
      return ocp::InvalidParameter("labels." + name, "labels." + name + ": " +
                                                         std::string(metric.key) +
                                                         " is a server metric, with no tenant.");
    }
    out.emplace_back(*index, std::string(TextOf(m.value)));
  }
  return out;
}

}  // namespace

bool MetricOverride::Covers(const Source& source, int64_t t) const {
  if (t < start_s || t > end_s) return false;
  return std::all_of(labels.begin(), labels.end(), [&source](const auto& label) {
    const std::string& have = source.labels[label.first];
    return label.first == 0 ? text::EqualsIgnoreCase(have, label.second) : have == label.second;
  });
}

double MetricOverride::Apply(double v) const {
  const double steered = value ? *value : v * scale.value_or(1.0);
  return metric->maximum ? std::min(*metric->maximum, steered) : steered;
}

StatusOr<MetricOverride> ParseOverride(const rapidjson::Value& body) {
  MetricOverride o;
  const std::string key(TextOf(body["metric"]));
  o.metric = FindMetric(key);
  if (o.metric == nullptr) {
    return ocp::InvalidParameter("metric", "metric: '" + Excerpt(key) +
                                               "' is not a metric the mock serves "
                                               "(GET /api/v2/monitor/metricGroups lists them).");
  }
  auto labels = LabelsOf(body, *o.metric);
  if (!labels.ok()) return labels.status();
  o.labels = std::move(labels).value();
  auto start = SecondsOf(body, "startTime");
  if (!start.ok()) return start.status();
  auto end = SecondsOf(body, "endTime");
  if (!end.ok()) return end.status();
  if (end.value() < start.value()) {
    return ocp::InvalidParameter("endTime", "endTime: before startTime.");
  }
  o.start_s = start.value();
  o.end_s = end.value();
  o.start_text = std::string(TextOf(body["startTime"]));
  o.end_text = std::string(TextOf(body["endTime"]));
  if (body.HasMember("value") == body.HasMember("scale")) {
    return body.HasMember("value")
               ? ocp::InvalidParameter("scale", "scale: give value or scale, not both.")
               : ocp::InvalidParameter("value", "value (or scale) is required.");
  }
  if (auto v = body.FindMember("value"); v != body.MemberEnd()) o.value = v->value.GetDouble();
  if (auto s = body.FindMember("scale"); s != body.MemberEnd()) o.scale = s->value.GetDouble();
  if (o.value && o.metric->maximum && *o.value > *o.metric->maximum) {
    return ocp::InvalidParameter("value", "value: " + key + " is at most " +
                                              std::to_string(static_cast<int>(*o.metric->maximum)) +
                                              ".");
  }
  return o;
}

StatusOr<MetricOverride> MetricOverrides::Add(MetricOverride o) {
  MutexLock lock(mutex_);
  if (held_.size() >= max_) {
    return FailedPrecondition("the mock holds at most " + std::to_string(max_) +
                              " metric overrides between resets; nothing was added. DELETE "
                              "/__mock/metricOverrides/{id} or POST /__mock/reset frees them.");
  }
  o.id = next_id_++;
  held_.push_back(o);
  return o;
}

bool MetricOverrides::Remove(int64_t id) {
  MutexLock lock(mutex_);
  auto it = std::find_if(held_.begin(), held_.end(),
                         [id](const MetricOverride& o) { return o.id == id; });
  if (it == held_.end()) return false;
  held_.erase(it);
  return true;
}

std::vector<MetricOverride> MetricOverrides::All() const {
  MutexLock lock(mutex_);
  return held_;
}

void MetricOverrides::Clear() {
  MutexLock lock(mutex_);
  held_.clear();
  next_id_ = 1;
}

}  // namespace mock::families::monitor
