#include "mock/families/monitor/monitor_family.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/families/monitor/metric_series.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using listing::SortAs;
using monitor::MetricOverride;

constexpr char kMonitorPath[] = "/api/v2/monitor";
constexpr char kOverridesPath[] = "/__mock/metricOverrides";

void WriteOverride(json::JsonWriter& w, const MetricOverride& o) {
  w.StartObject();
  w.Field("id", o.id);
  w.Field("metric", o.metric->key);
  w.Key("labels");
  w.StartObject();
  for (const auto& [index, value] : o.labels) w.Field(monitor::kLabels[index], value);
  w.EndObject();
  w.Field("startTime", o.start_text);
  w.Field("endTime", o.end_text);
  w.OptionalField("value", o.value);
  w.OptionalField("scale", o.scale);
  w.EndObject();
}

}  // namespace

const resources::ResourceSpec MonitorFamily::kSpec{.name = "metricGroups",
                                                   .folder = "monitor",
                                                   .schema = "metric-category",
                                                   .items = "metricCategories"};

MonitorFamily::MonitorFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                             std::optional<resources::ResourceSource> source,
                             tasks::TaskStore& tasks, const entities::EntityStore& entities,
                             const tasks::MockClock& clock, Options options)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      list_{.filters = {{"type", listing::Match::kAnyOf, {"type"}, {"TOP", "NORMAL"}},
                        {"scope",
                         listing::Match::kAnyOf,
                         {"scope"},
                         {"CLUSTER", "TENANT", "HOST", "OBPROXY"}}},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"key", SortAs::kText},
                          {"name", SortAs::kFoldedText}}},
      tasks_(tasks),
      entities_(entities),
      clock_(clock),
      options_(options),
      overrides_(options.max_overrides) {}

std::vector<api::Route> MonitorFamily::OcpRoutes() const {
  const std::string m = kMonitorPath;
  const std::string o = kOverridesPath;
  return {
      {"GET", m + "/metricGroups", Access::kAuthenticated,
       [this](const Call& c) { return MetricGroups(c.request.query); }},
      {"GET", m + "/metricsWithLabel", Access::kAuthenticated,
       [this](const Call& c) { return MetricsWithLabel(c.request.query); }},
      {"POST", o, Access::kControl, [this](const Call& c) { return AddOverride(c.request.body); }},
      {"GET", o, Access::kControl,
       [this](const Call&) -> StatusOr<api::Reply> { return ListOverrides(); }},
      {"DELETE", o + "/{id}", Access::kControl,
       [this](const Call& c) { return RemoveOverride(c.ids[0]); }}};
}

void MonitorFamily::Reset() const {
  ResourceFamily::Reset();
  overrides_.Clear();
}

StatusOr<api::Family::Commit> MonitorFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    overrides_.Clear();
  }};
}

StatusOr<api::Reply> MonitorFamily::MetricGroups(const QueryParams& params) const {
  auto query = listing::Bind(list_, params);
  if (!query.ok()) return query.status();
  return resources::ListReply(store().Rows(), query.value());
}

std::vector<monitor::Source> MonitorFamily::Sources() const {
  // The statuses of the tasks pending entities wait on, read before the entity store's lock is
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities_, tasks_);
  std::vector<int64_t> ids;
  for (const entities::Row& r : entities_.Rows(entities::Kind::kCluster, snapshot)) {
    ids.push_back(r.id);
  }
  std::sort(ids.begin(), ids.end());
  return monitor::SourcesOf(*cache_.Get(entities_, snapshot), ids);
}

StatusOr<api::Reply> MonitorFamily::MetricsWithLabel(const QueryParams& params) const {
  const int64_t now_ms = clock_.NowMs();
  auto query = monitor::BindMetricQuery(params, now_ms);
  if (!query.ok()) return query.status();
  const monitor::SeriesContext context{.seed = options_.seed, .now = now_ms / 1000};
  auto series = monitor::ComputeSeries(context, Sources(), query.value(), overrides_.All());
  if (!series.ok()) return series.status();
  return api::Reply{[q = std::move(query).value(), s = std::move(series).value()](
                        json::JsonWriter& w) { monitor::WriteSeries(w, q, s); }};
}

StatusOr<api::Reply> MonitorFamily::AddOverride(const std::string& body) const {
  if (schemas() == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "metric-override-request", *schemas());
  if (!doc.ok()) return doc.status();
  auto parsed = monitor::ParseOverride(doc.value());
  if (!parsed.ok()) return parsed.status();
  auto added = overrides_.Add(std::move(parsed).value());
  if (!added.ok()) return added.status();
  return api::Reply{[o = std::move(added).value()](json::JsonWriter& w) { WriteOverride(w, o); }};
}

api::Reply MonitorFamily::ListOverrides() const {
  return api::Reply{[all = overrides_.All()](json::JsonWriter& w) {
    w.StartArray();
    for (const MetricOverride& o : all) WriteOverride(w, o);
    w.EndArray();
  }};
}

StatusOr<api::Reply> MonitorFamily::RemoveOverride(int64_t id) const {
  if (!overrides_.Remove(id)) {
    return NotFound("no metric override " + std::to_string(id) +
                    "; GET /__mock/metricOverrides lists them.");
  }
  return api::Reply{};
}

}  // namespace mock::families
