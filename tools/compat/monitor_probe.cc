// The requests of the monitor, alarm and inspection rows (issue #28; checks.h) and which rule
// judges each (monitor_rules.h). All GETs but the last, sent after the topology's reads:
//
//   metric-groups              doc     GET /api/v2/monitor/metricGroups?type=NORMAL&scope=CLUSTER
//   metric-groups-filter       doc     ... type=TOP&scope=CLUSTER, NORMAL&TENANT, NORMAL&HOST
//   metric-series              doc     GET /api/v2/monitor/metricsWithLabel, the first metric key
//                                      listed (else sql_all_count), the half hour before the
//                                      server's now (its envelope's timestamp), interval 60
//   metric-steps               mock    that answer
//   metric-range-refused       doc     the same with the end an hour before the start
//   alarms                     doc     GET /api/v2/alarm/alarms?page=1&size=200
//   alarms-filter-each         doc     ?level= and ?status=, the rarest value listed and one
//                                      that none is (both within the documented values)
//   alarm-detail               doc     GET /api/v2/alarm/alarms/{the first listed id}
//   inspection-tasks           client  GET /api/v2/inspection/task?page=1&size=10
//   inspection-overview        client  GET /api/v2/inspection/overview, OB_CLUSTER's
//   inspection-report-info     client  GET /api/v2/inspection/report/info, tag 1, OB_CLUSTER's
//   inspection-run             client  write (--allow-writes only, after every read): POST
//                                      /api/v2/inspection/run?inspectionObjectType=OB_CLUSTER&
//                                      objectIds={first listed cluster}&tag=1, no body
#include <ctime>
#include <string>
#include <vector>

#include <rapidjson/pointer.h>

#include "tools/compat/checks.h"
#include "tools/compat/judging.h"
#include "tools/compat/monitor_rules.h"

namespace compat {
namespace {

constexpr char kMetricGroupsPath[] = "/api/v2/monitor/metricGroups";
constexpr char kMetricSeriesPath[] = "/api/v2/monitor/metricsWithLabel";
constexpr char kAlarmsPath[] = "/api/v2/alarm/alarms";

// M§1: type and scope are required; the first pair is the metric-groups row's own request.
constexpr const char* kGroupFilters[][2] = {
    {"NORMAL", "CLUSTER"}, {"TOP", "CLUSTER"}, {"NORMAL", "TENANT"}, {"NORMAL", "HOST"}};
// What more_ keeps a filtered answer under: "metric-groups-filter type=T&scope=S".
constexpr char kGroupsFiltered[] = "metric-groups-filter ";
constexpr char kAlarmsFiltered[] = "alarms-filter ";

// The series' interval (M§2: "in seconds", example 60) and the range asked: the half hour
// before the server's now.
constexpr int64_t kSeriesInterval = 60;
constexpr int64_t kSeriesRange = 1800;

// A§1's values of the two filters the row asks.
const std::vector<std::string> kAlarmLevels = {"1", "2", "3", "4", "5"};
const std::vector<std::string> kAlarmStatuses = {"Active", "Inactive", "Silenced", "Inhibited"};

// The series query of metric `key` over [start, end], with both spellings of the range (M§2:
// the table's start_time, the sample's and the MCP server's startTime; a binder ignores the
// other) and the docs' labels, app:ob.
std::string SeriesQuery(const std::string& key, int64_t start, int64_t end) {
  const std::string s = IsoSeconds(start), e = IsoSeconds(end);
  return std::string(kMetricSeriesPath) + "?metrics=" + key +
         "&groupBy=app,ob_cluster_id&labels=app:ob&interval=" + std::to_string(kSeriesInterval) +
         "&startTime=" + s + "&endTime=" + e + "&start_time=" + s + "&end_time=" + e;
}

// The first metric key the metric groups list (data.contents[0].metricGroups[0].metrics[0]),
// else sql_all_count, M§3's first key.
std::string FirstMetricKey(const std::optional<rapidjson::Document>& groups) {
  const rapidjson::Value* key =
      groups ? rapidjson::Pointer("/data/contents/0/metricGroups/0/metrics/0/key").Get(*groups)
             : nullptr;
  return key != nullptr && key->IsString() ? key->GetString() : "sql_all_count";
}

}  // namespace

void Probe::ProbeMonitor() {
  for (const auto& [type, scope] : kGroupFilters) {
    const std::string ask = std::string("type=") + type + "&scope=" + scope;
    more_[kGroupsFiltered + ask] =
        Get(std::string(kMetricGroupsPath) + "?" + ask + "&page=1&size=100");
  }
  exchanges_[CheckNamed("metric-groups")] =
      Get(std::string(kMetricGroupsPath) + "?type=NORMAL&scope=CLUSTER&page=1&size=100");
  const auto& groups = exchanges_[CheckNamed("metric-groups")].json;
  const int64_t now = ServerNow(groups).value_or(static_cast<int64_t>(std::time(nullptr)));
  const std::string key = FirstMetricKey(groups);
  Exchange& series = exchanges_[CheckNamed("metric-series")];
  series = Get(SeriesQuery(key, now - kSeriesRange, now));
  series.sent = std::to_string(now - kSeriesRange) + " " + std::to_string(now);
  exchanges_[CheckNamed("metric-range-refused")] =
      Get(SeriesQuery(key, now - kSeriesRange, now - 2 * kSeriesRange));
}

void Probe::ProbeAlarms() {
  Exchange& list = exchanges_[CheckNamed("alarms")];
  list = Get(std::string(kAlarmsPath) + "?page=1&size=200");
  const rapidjson::Value* rows = list.json ? Contents(*list.json) : nullptr;
  const rapidjson::Value* id = rows != nullptr && !rows->Empty() ? At((*rows)[0], {"id"}) : nullptr;
  if (id != nullptr && id->IsInt64()) {
    exchanges_[CheckNamed("alarm-detail")] =
        Get(std::string(kAlarmsPath) + "/" + std::to_string(id->GetInt64()));
  } else {
    exchanges_[CheckNamed("alarm-detail")].not_applicable = "the alarm list shows no alarm";
  }
  if (rows == nullptr) return;  // the alarms row judges the list
  for (const auto& [param, values] :
       {std::pair{"level", &kAlarmLevels}, std::pair{"status", &kAlarmStatuses}}) {
    for (const auto& value :
         {RarestHeld(*rows, param, *values), UnheldValue(*rows, param, *values)}) {
      if (!value) continue;
      const std::string ask = std::string(param) + "=" + *value;
      more_[kAlarmsFiltered + ask] = Get(std::string(kAlarmsPath) + "?size=200&" + ask);
    }
  }
}

void Probe::ProbeInspection() {
  exchanges_[CheckNamed("inspection-tasks")] = Get("/api/v2/inspection/task?page=1&size=10");
  exchanges_[CheckNamed("inspection-overview")] =
      Get("/api/v2/inspection/overview?inspectionObjectType=OB_CLUSTER");
  exchanges_[CheckNamed("inspection-report-info")] =
      Get("/api/v2/inspection/report/info?tagId=1&objectType=OB_CLUSTER");
}

void Probe::ProbeInspectionRun(bool allowed) {
  Exchange& run = exchanges_[CheckNamed("inspection-run")];
  if (!allowed) {
    run.not_applicable =
        "writes are off (--allow-writes, or OCP_ALLOW_WRITES=1, runs it; it starts a basic "
        "inspection of the first listed cluster)";
    return;
  }
  const rapidjson::Value* id =
      exchanges_[CheckNamed("clusters")].json
          ? rapidjson::Pointer("/data/contents/0/id").Get(*exchanges_[CheckNamed("clusters")].json)
          : nullptr;
  if (id == nullptr || !id->IsInt64()) {
    run.not_applicable = "the cluster list shows no cluster";
    return;
  }
  // The MCP server's request (A§5): the parameters in the query, no body.
  run = Send("POST",
             "/api/v2/inspection/run?inspectionObjectType=OB_CLUSTER&objectIds=" +
                 std::to_string(id->GetInt64()) + "&tag=1",
             "application/json", "");
}

std::optional<Outcome> Probe::JudgeMonitor(size_t check, const Contract& c) const {
  const std::string_view row = kChecks[check].name;
  auto answer = [&](const Exchange& e) {
    return FlowAnswer{e.request, e.response, e.json, e.sent};
  };
  // The filtered answers more_ keeps under `prefix`, each with the values it asked.
  auto filtered = [&](const std::string& prefix) {
    std::vector<std::vector<AskedValue>> out;
    for (auto it = more_.lower_bound(prefix); it != more_.end() && it->first.starts_with(prefix);
         ++it) {
      std::vector<AskedValue> asked;
      std::string_view rest = std::string_view(it->first).substr(prefix.size());
      while (!rest.empty()) {
        const std::string_view pair = rest.substr(0, rest.find('&'));
        rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
        const size_t eq = pair.find('=');
        asked.push_back({std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)),
                         answer(it->second)});
      }
      out.push_back(std::move(asked));
    }
    return out;
  };
  const Exchange& e = exchanges_[check];
  const FlowAnswer a = answer(e);
  const bool s = strict_;
  // A page no OCP documents (inspection, A§5): n/a where it is not served.
  auto client_page = [&](const char* schema) -> Outcome {
    if (NotServed(a.response)) {
      return NotApplicable(a.request + ": not served (HTTP " + std::to_string(a.response.status) +
                           "): no OCP page documents the inspection API (only the MCP server "
                           "calls it)");
    }
    return Conforms(a.request, a.response, a.json, 200, schema, c, s);
  };
  if (row == "metric-groups") {
    return Conforms(a.request, a.response, a.json, 200, "metric-category-list-response", c, s);
  }
  if (row == "metric-groups-filter") return OnlyMatching(filtered(kGroupsFiltered));
  if (row == "metric-series" || row == "metric-steps") {
    const Exchange& se = exchanges_[CheckNamed("metric-series")];
    const FlowAnswer series = answer(se);
    if (row == "metric-steps") return StepsFollowInterval(series, kSeriesInterval);
    Outcome o = Conforms(series.request, series.response, series.json, 200,
                         "metrics-with-label-response", c, s);
    if (Failed(o)) return o;
    const size_t space = se.sent.find(' ');
    Outcome in = PointsInRange(series, std::stoll(se.sent.substr(0, space)),
                               std::stoll(se.sent.substr(space + 1)));
    return Failed(in) ? in : o;
  }
  if (row == "metric-range-refused") {
    return IsError(a.request, a.response, a.json, 400, mock::ocp::ErrorKind::kTimeRangeInvalid, c,
                   s);
  }
  if (row == "alarms") {
    return Conforms(a.request, a.response, a.json, 200, "alarm-list-response", c, s);
  }
  if (row == "alarms-filter-each") {
    auto asked = filtered(kAlarmsFiltered);
    if (asked.empty()) return NotApplicable("the alarm list did not answer a list");
    return OnlyMatching(asked);
  }
  if (row == "alarm-detail") {
    const auto& list = exchanges_[CheckNamed("alarms")].json;
    return AlarmAgreesWithList(a, (*Contents(*list))[0], c, s);  // the id asked was its first's
  }
  if (row == "inspection-tasks") return client_page("inspection-task-list-response");
  if (row == "inspection-overview") return client_page("inspection-overview-response");
  if (row == "inspection-report-info") return client_page("inspection-report-info-response");
  if (row == "inspection-run") return client_page("async-task-response");
  return std::nullopt;
}

}  // namespace compat
