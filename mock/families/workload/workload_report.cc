#include "mock/families/workload/workload_report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <memory>

#include "mock/families/workload/workload_snapshots.h"
#include "mock/http/url.h"
#include "mock/model/task_state.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::workload {
namespace {

bool IsFormBody(const http::Request& request) {
  const std::string* type = http::FindHeader(request.headers, "Content-Type");
  if (type == nullptr) return false;
  std::string lower(*type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.rfind("application/x-www-form-urlencoded", 0) == 0;
}

// The first value of `key`: the query string's before the body's, as Tomcat merges them.
const std::string* First(const QueryParams& query, const QueryParams& form, const char* key) {
  if (auto it = query.find(key); it != query.end()) return &it->second;
  if (auto it = form.find(key); it != form.end()) return &it->second;
  return nullptr;
}

StatusOr<int64_t> LongParam(const QueryParams& query, const QueryParams& form, const char* key) {
  const std::string* v = First(query, form, key);
  if (v == nullptr || v->empty()) {
    return ocp::InvalidParameter(key, std::string(key) + " is required (a snapshot id).");
  }
  int64_t n = 0;
  const char* begin = v->data() + (v->front() == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size()) {
    return ocp::InvalidParameter(
        key, std::string(key) + ": '" + v->substr(0, 64) + "' is not a 64-bit integer.");
  }
  return n;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Text(const rapidjson::Value& row, const char* key) {
  auto it = row.FindMember(key);
  if (it == row.MemberEnd()) return "";
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return "";
}

// The subtasks of the bundled fixtures' "Generate workload report" tasks (the docs name none).
struct SubtaskDef {
  const char* name;
  int timeout;
};
constexpr std::array<SubtaskDef, 3> kSubtasks = {
    {{"Wait node", 1800}, {"Generate report", 300}, {"Store workload report", 60}}};

}  // namespace

StatusOr<ReportRequest> BindReportRequest(const http::Request& request) {
  QueryParams form;
  if (IsFormBody(request) && !request.body.empty()) {
    auto parsed = http::ParseQuery(request.body);
    if (!parsed.ok())
      return ocp::BadRequest("the form body does not decode: " + parsed.status().message());
    form = std::move(parsed).value();
  }
  ReportRequest r;
  const std::string* name = First(request.query, form, "name");
  if (name == nullptr ||
      std::all_of(name->begin(), name->end(), [](unsigned char c) { return std::isspace(c); })) {
    return ocp::InvalidParameter("name", "name is required (the report's name).");
  }
  r.name = *name;
  auto start = LongParam(request.query, form, "startSnapshotId");
  if (!start.ok()) return start.status();
  auto end = LongParam(request.query, form, "endSnapshotId");
  if (!end.ok()) return end.status();
  r.start_snapshot_id = start.value();
  r.end_snapshot_id = end.value();
  return r;
}

resources::Row NewReportRow(const NewReport& report) {
  const NewReport& n = report;
  auto doc = std::make_shared<rapidjson::Document>(rapidjson::kObjectType);
  auto& a = doc->GetAllocator();
  auto str = [&](const std::string& s) { return rapidjson::Value(s.c_str(), a); };
  doc->AddMember("id", n.id, a);
  doc->AddMember("clusterId", n.cluster_id, a);
  doc->AddMember("clusterName", str(n.cluster_name), a);
  doc->AddMember("obClusterId", n.ob_cluster_id, a);
  doc->AddMember("name", str(n.request.name), a);
  doc->AddMember("scope", "CLUSTER", a);
  doc->AddMember("startSnapshotId", n.request.start_snapshot_id, a);
  doc->AddMember("endSnapshotId", n.request.end_snapshot_id, a);
  doc->AddMember("beginReportTime", str(std::string(model::MakeTimestamp(n.begin_ms).text())), a);
  doc->AddMember("endReportTime", str(std::string(model::MakeTimestamp(n.end_ms).text())), a);
  doc->AddMember("generateTime", str(std::string(model::MakeTimestamp(n.now_ms).text())), a);
  doc->AddMember("status", "CREATING", a);
  doc->AddMember("taskInstanceId", n.task_id, a);
  doc->AddMember("creator", str(n.creator), a);
  return resources::Row{n.id, std::move(doc)};
}

StatusOr<model::Task> ReportTask(int64_t task_id, const model::Cluster& cluster,
                                 const model::Creator& creator, int64_t now_ms) {
  const model::Timestamp start = model::MakeTimestamp(now_ms);
  model::Task task;
  task.id = task_id;
  task.name = "Generate workload report";
  task.status = model::TaskStatus::kRunning;
  task.type = model::TaskType::kManual;
  task.creator = creator;
  task.cluster = cluster;
  task.create_time = start;
  task.start_time = start;
  // Subtask ids follow from the task's, as the entity operations' do: unique in the mock.
  for (size_t i = 0; i < kSubtasks.size(); ++i) {
    model::Subtask s;
    s.id = task_id * 100 + static_cast<int64_t>(i);
    s.name = kSubtasks[i].name;
    s.description = kSubtasks[i].name;
    s.status = i == 0 ? model::SubtaskStatus::kReady : model::SubtaskStatus::kPending;
    s.operation = model::Operation::kExecute;
    s.series_id = static_cast<int64_t>(i);
    s.timeout = kSubtasks[i].timeout;
    if (i > 0) s.upstreams = {s.id - 1};
    if (i + 1 < kSubtasks.size()) s.downstreams = {s.id + 1};
    s.create_time = start;
    s.initial_log_pending = true;
    task.subtasks.push_back(std::move(s));
  }
  if (auto impossible = model::ImpossibleState(task)) {
    return InternalError("Generate workload report task: " + *impossible);
  }
  return task;
}

std::string ReportHtml(const rapidjson::Value& row) {
  auto snapshot = [&](const char* id_key, const char* time_key) {
    std::string text = Escape(Text(row, id_key));
    auto id = row.FindMember(id_key);
    if (id != row.MemberEnd() && id->value.IsInt64()) {
      text += " (" + SnapshotTimeText(SnapshotTimeMs(id->value.GetInt64())) + ")";
    } else if (!Text(row, time_key).empty()) {
      text += " (" + Escape(Text(row, time_key)) + ")";
    }
    return text;
  };
  const std::string name = Escape(Text(row, "name"));
  const std::string cluster = Escape(Text(row, "clusterName"));
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + name +
         "</title>\n</head>\n<body>\n<h1>Performance report " + name + "</h1>\n<table>\n" +
         "<tr><th>Cluster</th><td>" + cluster + " (id " + Escape(Text(row, "clusterId")) +
         ", obClusterId " + Escape(Text(row, "obClusterId")) + ")</td></tr>\n" +
         "<tr><th>Snapshot Start Point</th><td>" + snapshot("startSnapshotId", "beginReportTime") +
         "</td></tr>\n" + "<tr><th>Snapshot End Point</th><td>" +
         snapshot("endSnapshotId", "endReportTime") + "</td></tr>\n<tr><th>Generated At</th><td>" +
         Escape(Text(row, "generateTime")) +
         "</td></tr>\n</table>\n<p>Generated by ocp-mock: no workload statistics, SQL or wait "
         "events; only the report's facts.</p>\n</body>\n</html>\n";
}

}  // namespace mock::families::workload
