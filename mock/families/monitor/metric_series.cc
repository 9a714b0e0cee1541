#include "mock/families/monitor/metric_series.h"

#include <cmath>
#include <map>

#include "mock/core/text.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::monitor {
namespace {

using entities::ClusterTopology;

// The labels every source of cluster `c` on server `s` carries.
std::array<std::string, kLabels.size()> ServerLabels(const ClusterTopology& c,
                                                     const entities::Server& s) {
  const std::string name(entities::Str(*c.cluster.doc, "name"));
  return {"OB",   name, name, std::to_string(entities::Int(*c.cluster.doc, "obClusterId")),
          s.zone, s.ip, ""};
}

UnitSource UnitSourceOf(const ClusterTopology& c, const entities::Unit& u) {
  int64_t units = 0;
  for (const entities::Unit& other : c.units) units += other.tenant_id == u.tenant_id ? 1 : 0;
  return {.input = {.tenant_id = u.tenant_id,
                    .server_id = c.servers[u.server].id,
                    .units = units,
                    .max_cpu = u.config.max_cpu},
          .memory_bytes = static_cast<double>(u.config.max_memory_gb) * kGiBytes};
}

// Whether a server reports series: a running one (OPERATING: a running cluster under an
// operation); a stopped, unreachable (an OFFLINE host), starting or deleted one reports nothing.
bool Reports(const entities::Server& s) { return s.status == "RUNNING" || s.status == "OPERATING"; }

void AddCluster(const ClusterTopology& c, std::vector<Source>& out) {
  std::vector<Source> servers(c.servers.size());
  for (size_t i = 0; i < c.servers.size(); ++i) {
    servers[i].level = Level::kServer;
    servers[i].labels = ServerLabels(c, c.servers[i]);
    servers[i].server_id = c.servers[i].id;
  }
  for (const entities::Unit& u : c.units) {
    if (!Reports(c.servers[u.server])) continue;
    Source unit{.level = Level::kUnit,
                .labels = servers[u.server].labels,
                .server_id = c.servers[u.server].id,
                .unit = UnitSourceOf(c, u),
                .units = {}};
    unit.labels[kTenantLabel] = u.tenant_name;
    servers[u.server].units.push_back(unit.unit);
    out.push_back(std::move(unit));
  }
  for (size_t i = 0; i < servers.size(); ++i) {
    if (Reports(c.servers[i])) out.push_back(std::move(servers[i]));
  }
}

bool Keeps(const MetricQuery& q, const Source& s) {
  for (const auto& [index, value] : q.labels) {
    const std::string& have = s.labels[index];
    if (index == 0 ? !text::EqualsIgnoreCase(have, value) : have != value) return false;
  }
  return true;
}

// One metric's sources in one group, each with the overrides that may cover it.
struct Member {
  const Source* source;
  std::vector<const MetricOverride*> overrides;
};

double Aggregated(const SeriesContext& context, const MetricModel& m,
                  const std::vector<Member>& members, int64_t t) {
  double sum = 0;
  double weights = 0;
  for (const Member& member : members) {
    double weight = 0;
    double v = ValueAt(context.seed, m, *member.source, t, &weight);
    for (auto it = member.overrides.rbegin(); it != member.overrides.rend(); ++it) {
      if (!(*it)->Covers(*member.source, t)) continue;
      v = (*it)->Apply(v);
      break;
    }
    if (m.aggregate == Aggregate::kQpsWeighted) {
      sum += v * weight;
      weights += weight;
    } else {
      sum += v;
    }
  }
  if (m.aggregate == Aggregate::kSum) return sum;
  if (m.aggregate == Aggregate::kQpsWeighted && weights > 0) return sum / weights;
  return members.empty() ? 0 : sum / static_cast<double>(members.size());
}

std::vector<int64_t> Timestamps(const SeriesContext& context, const MetricQuery& q) {
  std::vector<int64_t> out;
  const int64_t last = std::min(q.end, context.now);
  int64_t t = q.start >= 0 ? (q.start + q.step - 1) / q.step * q.step : q.start / q.step * q.step;
  for (; t <= last; t += q.step) out.push_back(t);
  return out;
}

using GroupKey = std::vector<std::string>;
using Members = std::map<GroupKey, std::vector<std::vector<Member>>>;  // [metric] members

Members GroupMembers(const std::vector<Source>& sources, const MetricQuery& q,
                     const std::vector<MetricOverride>& overrides) {
  Members groups;
  for (const Source& s : sources) {
    if (!Keeps(q, s)) continue;
    GroupKey key;
    for (size_t index : q.group_by) key.push_back(s.labels[index]);
    for (size_t m = 0; m < q.metrics.size(); ++m) {
      if (q.metrics[m]->level != s.level) continue;
      auto& per_metric = groups[key];
      per_metric.resize(q.metrics.size());
      Member member{&s, {}};
      for (const MetricOverride& o : overrides) {
        if (o.metric == q.metrics[m] && o.Covers(s, o.start_s)) member.overrides.push_back(&o);
      }
      per_metric[m].push_back(std::move(member));
    }
  }
  return groups;
}

double Rounded(double v) { return std::round(v * 100.0) / 100.0; }

}  // namespace

std::vector<Source> SourcesOf(const entities::Topology& topology,
                              const std::vector<int64_t>& cluster_ids) {
  std::vector<Source> out;
  for (int64_t id : cluster_ids) {
    if (const ClusterTopology* c = topology.Of(id)) AddCluster(*c, out);
  }
  return out;
}

StatusOr<Series> ComputeSeries(const SeriesContext& context, const std::vector<Source>& sources,
                               const MetricQuery& query,
                               const std::vector<MetricOverride>& overrides) {
  Series series;
  series.timestamps = Timestamps(context, query);
  const Members groups = GroupMembers(sources, query, overrides);
  const int64_t values =
      static_cast<int64_t>(groups.size() * series.timestamps.size() * query.metrics.size());
  if (values > kMaxValues) {
    return ocp::InvalidParameter(
        "maxPoints", "maxPoints: the answer would hold " + std::to_string(values) +
                         " values, over the mock's bound of " + std::to_string(kMaxValues) +
                         "; ask fewer points, metrics or groups.");
  }
  for (const auto& [key, members] : groups) {
    SeriesGroup g{.labels = key, .values = {}, .has = {}};
    for (size_t m = 0; m < query.metrics.size(); ++m) {
      g.has.push_back(!members[m].empty());
      std::vector<double> points;
      if (!members[m].empty()) {
        points.reserve(series.timestamps.size());
        for (int64_t t : series.timestamps) {
          points.push_back(Rounded(Aggregated(context, *query.metrics[m], members[m], t)));
        }
      }
      g.values.push_back(std::move(points));
    }
    series.groups.push_back(std::move(g));
  }
  return series;
}

void WriteSeries(json::JsonWriter& w, const MetricQuery& query, const Series& series) {
  w.StartObject();
  w.Key("contents");
  w.StartArray();
  for (const SeriesGroup& g : series.groups) {
    w.StartObject();
    for (size_t i = 0; i < query.group_by.size(); ++i) {
      w.Field(kLabels[query.group_by[i]], g.labels[i]);
    }
    w.Key("data");
    w.StartArray();
    for (size_t p = 0; p < series.timestamps.size(); ++p) {
      w.StartObject();
      for (size_t m = 0; m < query.metrics.size(); ++m) {
        if (g.has[m]) w.Field(query.metrics[m]->key, g.values[m][p]);
      }
      w.Field("timestamp", series.timestamps[p]);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("page");
  w.StartObject();
  w.Field("number", 1);
  w.Field("size", 2147483647);
  w.Field("totalElements", static_cast<int64_t>(series.groups.size()));
  w.Field("totalPages", 1);
  w.EndObject();
  w.EndObject();
}

}  // namespace mock::families::monitor
