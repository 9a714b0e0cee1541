#include "contract_tests/support/monitor_breakages.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <string>

namespace contract {
namespace {

namespace http = mock::http;

constexpr char kMonitorGroupsPath[] = "/api/v2/monitor/metricGroups";
constexpr char kMonitorSeriesPath[] = "/api/v2/monitor/metricsWithLabel";
constexpr char kMonitorAlarmsPath[] = "/api/v2/alarm/alarms";
constexpr char kMonitorInspectionTasksPath[] = "/api/v2/inspection/task";

bool IsMonitorPage(const http::Request& request, const char* path) {
  return request.method == "GET" && request.path == path;
}

// `target` without its `key=` parameters.
std::string MonitorTargetWithout(const std::string& target, const std::string& key) {
  const size_t q = target.find('?');
  if (q == std::string::npos) return target;
  std::string kept;
  std::string_view rest = std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.empty() || pair.starts_with(key + "=")) continue;
    kept += (kept.empty() ? "" : "&") + std::string(pair);
  }
  return target.substr(0, q) + (kept.empty() ? "" : "?" + kept);
}

// Moves point `index` of every series group (data.contents[].data[index]) by `seconds`.
void ShiftPoint(rapidjson::Value& data, bool last, int64_t seconds) {
  if (!data.HasMember("contents") || !data["contents"].IsArray()) return;
  for (auto& group : data["contents"].GetArray()) {
    if (!group.IsObject() || !group.HasMember("data") || !group["data"].IsArray()) continue;
    auto points = group["data"].GetArray();
    if (points.Size() < 2) continue;
    rapidjson::Value& p = points[last ? points.Size() - 1 : 1];
    if (p.IsObject() && p.HasMember("timestamp") && p["timestamp"].IsInt64()) {
      p["timestamp"].SetInt64(p["timestamp"].GetInt64() + seconds);
    }
  }
}

// Applies `b` to the answer's data; false when `b` leaves this answer alone.
bool BreakMonitor(Breakage b, const http::Request& request, rapidjson::Value& data,
                  rapidjson::Document::AllocatorType& a) {
  switch (b) {
    case Breakage::kMetricPointOutOfRange:
      if (!IsMonitorPage(request, kMonitorSeriesPath)) return false;
      ShiftPoint(data, true, 3600);
      return true;
    case Breakage::kMetricStepIrregular:
      if (!IsMonitorPage(request, kMonitorSeriesPath)) return false;
      ShiftPoint(data, false, -1);
      return true;
    case Breakage::kInspectionTasksUnpaged:
      if (!IsMonitorPage(request, kMonitorInspectionTasksPath)) return false;
      data.RemoveMember("page");
      return true;
    case Breakage::kTopSqlExecutionsAsText:
      if (request.method != "GET" || !request.path.ends_with("/topSql")) return false;
      if (!data.HasMember("contents") || !data["contents"].IsArray()) return false;
      for (auto& row : data["contents"].GetArray()) {
        if (!row.IsObject() || !row.HasMember("executions") || !row["executions"].IsInt64()) {
          continue;
        }
        const std::string text = std::to_string(row["executions"].GetInt64());
        row["executions"].SetString(text.c_str(), static_cast<rapidjson::SizeType>(text.size()), a);
      }
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string BreakMonitorRequest(Breakage b, const http::Request& request, std::string target) {
  if (b == Breakage::kMetricGroupTypeIgnored && IsMonitorPage(request, kMonitorGroupsPath)) {
    return MonitorTargetWithout(target, "type");
  }
  if (b == Breakage::kAlarmLevelFilterIgnored && IsMonitorPage(request, kMonitorAlarmsPath)) {
    return MonitorTargetWithout(target, "level");
  }
  return target;
}

void BreakMonitorAnswer(Breakage b, const http::Request& request, http::Response& r) {
  rapidjson::Document doc;
  doc.Parse(r.body.c_str(), r.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
      !BreakMonitor(b, request, doc["data"], doc.GetAllocator())) {
    return;
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.Accept(w);
  r.body = buf.GetString();
}

std::string_view MonitorBreakageName(Breakage b) {
  switch (b) {
    case Breakage::kMetricGroupTypeIgnored:
      return "MetricGroupTypeIgnored";
    case Breakage::kMetricPointOutOfRange:
      return "MetricPointOutOfRange";
    case Breakage::kMetricStepIrregular:
      return "MetricStepIrregular";
    case Breakage::kAlarmLevelFilterIgnored:
      return "AlarmLevelFilterIgnored";
    case Breakage::kInspectionTasksUnpaged:
      return "InspectionTasksUnpaged";
    case Breakage::kTopSqlExecutionsAsText:
      return "TopSqlExecutionsAsText";
    default:
      return "?";
  }
}

}  // namespace contract
