#include "tools/record/recorder.h"

#include <fcntl.h>
#include <unistd.h>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "mock/json/json.h"
#include "mock/loader/fixture_loader.h"
#include "tools/client/http_client.h"
#include "tools/client/signing.h"
#include "tools/record/anonymiser.h"
#include "tools/record/entity_recorder.h"
#include "tools/record/session.h"

namespace record {
namespace {

namespace fs = std::filesystem;
using rapidjson::Value;

constexpr std::string_view kList = "/api/v2/tasks/instances";

// The keys fixture-file.schema.json admits for a task and a subtask.
const std::set<std::string> kTaskKeys = {"id",        "name",
                                         "status",    "type",
                                         "operation", "taskDefinitionId",
                                         "executor",  "prohibitRollback",
                                         "cluster",   "tenant",
                                         "creator",   "createTime",
                                         "startTime", "finishTime",
                                         "subtasks"};
const std::set<std::string> kSubtaskKeys = {
    "id",          "name",      "description", "status",           "operation",
    "seriesId",    "timeout",   "executor",    "runTime",          "nodeType",
    "parallelIdx", "upstreams", "downstreams", "prohibitRollback", "createTime",
    "startTime",   "finishTime"};

// The base URL without a user part ("http://user:pw@host" -> "http://host").
std::string WithoutUserInfo(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  const size_t at = url.find('@', start);
  const size_t slash = url.find('/', start);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

// `from`'s members named in `keys`, copied; the others counted in `dropped`.
Value Filtered(const Value& from, const std::set<std::string>& keys,
               rapidjson::Document::AllocatorType& a, std::map<std::string, size_t>& dropped) {
  Value out(rapidjson::kObjectType);
  if (!from.IsObject()) return out;
  for (const auto& m : from.GetObject()) {
    const std::string name = m.name.GetString();
    if (!keys.count(name)) {
      ++dropped[name];
      continue;
    }
    out.AddMember(Value(name.c_str(), a), Value(m.value, a), a);
  }
  return out;
}

Value TaskOf(const Value& task, rapidjson::Document::AllocatorType& a,
             std::map<std::string, size_t>& dropped) {
  Value out = Filtered(task, kTaskKeys, a, dropped);
  if (out.HasMember("subtasks") && out["subtasks"].IsArray()) {
    Value subtasks(rapidjson::kArrayType);
    for (const auto& s : out["subtasks"].GetArray()) {
      subtasks.PushBack(Filtered(s, kSubtaskKeys, a, dropped), a);
    }
    out["subtasks"] = std::move(subtasks);
  }
  return out;
}

void SetString(Value& obj, const char* key, const std::string& s,
               rapidjson::Document::AllocatorType& a) {
  if (obj.IsObject() && obj.HasMember(key)) obj[key].SetString(s.c_str(), a);
}

int64_t IdOf(const Value& v) {
  return v.IsObject() && v.HasMember("id") && v["id"].IsInt64() ? v["id"].GetInt64() : 0;
}

std::string StringOf(const Value& v, const char* key) {
  return v.IsObject() && v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "";
}

// Names and hosts first (so that Text knows them all), then free text.
void Anonymise(Value& entries, rapidjson::Document::AllocatorType& a) {
  Anonymiser an;
  for (auto& e : entries.GetArray()) {
    Value& t = e["task"];
    for (const char* key : {"cluster", "tenant", "creator"}) {
      if (!t.HasMember(key) || !t[key].IsObject()) continue;
      Value& o = t[key];
      const int64_t id = IdOf(o);
      const std::string name = StringOf(o, "name");
      const std::string fresh = key[1] == 'l'   ? an.Cluster(id, name)
                                : key[1] == 'e' ? an.Tenant(id, name)
                                                : an.User(id, name);
      SetString(o, "name", fresh, a);
    }
    if (t.HasMember("executor")) SetString(t, "executor", an.Host(StringOf(t, "executor")), a);
    if (t.HasMember("subtasks") && t["subtasks"].IsArray()) {
      for (auto& s : t["subtasks"].GetArray()) {
        if (s.IsObject() && s.HasMember("executor"))
          SetString(s, "executor", an.Host(StringOf(s, "executor")), a);
      }
    }
  }
  for (auto& e : entries.GetArray()) {
    Value& t = e["task"];
    SetString(t, "name", an.Text(StringOf(t, "name")), a);
    if (t.HasMember("subtasks") && t["subtasks"].IsArray()) {
      for (auto& s : t["subtasks"].GetArray()) {
        SetString(s, "name", an.Text(StringOf(s, "name")), a);
        SetString(s, "description", an.Text(StringOf(s, "description")), a);
      }
    }
    if (e.HasMember("logs")) {
      for (auto& l : e["logs"].GetArray()) SetString(l, "log", an.Text(StringOf(l, "log")), a);
    }
  }
}

// One entry per line: compact, yet a diff between two recordings reads task by task.
std::string Render(const std::string& description, const Value& entries) {
  auto json = [](const Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return std::string(buf.GetString(), buf.GetSize());
  };
  rapidjson::Document head(rapidjson::kObjectType);
  head.AddMember("format", "ocp-mock-fixtures/1", head.GetAllocator());
  head.AddMember("description", Value(description.c_str(), head.GetAllocator()),
                 head.GetAllocator());
  std::string text = json(head);
  text.pop_back();  // the closing brace
  text += ",\n \"tasks\": [\n";
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    text += "  " + json(entries[i]) + (i + 1 < entries.Size() ? ",\n" : "\n");
  }
  return text + " ]\n}\n";
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

mock::StatusOr<RecordReport> Record(const RecordOptions& o, const mock::json::SchemaSet& schemas,
                                    const std::function<void(const std::string&)>& progress) {
  RecordReport report;
  Session session(o, schemas, report);
  rapidjson::Document doc(rapidjson::kArrayType);
  auto& a = doc.GetAllocator();
  std::map<std::string, size_t> dropped;
  std::set<int64_t> seen;
  // Sorted by id so that pages stay stable while the live server adds tasks.
  for (size_t page = 1; report.tasks < o.max_tasks; ++page) {
    const std::string target = std::string(kList) + "?page=" + std::to_string(page) +
                               "&size=" + std::to_string(o.page_size) + "&sort=id,desc";
    auto list = session.Get(target, "task-list-response");
    if (!list.ok()) return list.status();
    const Value* data = mock::json::Find(list.value(), "data");
    const Value* contents = data != nullptr ? mock::json::Find(*data, "contents") : nullptr;
    if (contents == nullptr || !contents->IsArray()) {
      return mock::InvalidArgument("GET " + target + ": not a task list (no data.contents array)");
    }
    if (contents->Empty()) break;
    for (const auto& item : contents->GetArray()) {
      if (report.tasks >= o.max_tasks || !seen.insert(IdOf(item)).second) continue;
      Value entry(rapidjson::kObjectType);
      entry.AddMember("task", TaskOf(item, a, dropped), a);
      doc.PushBack(entry, a);
      ++report.tasks;
    }
    progress("listed " + std::to_string(report.tasks) + " tasks (page " + std::to_string(page) +
             ")");
    if (contents->Size() < o.page_size) break;
  }
  for (auto& entry : doc.GetArray()) {
    const int64_t id = IdOf(entry["task"]);
    const std::string path = std::string(kList) + "/" + std::to_string(id);
    if (report.details < o.max_details) {
      auto detail = session.Get(path, "task-detail-response");
      if (!detail.ok()) {
        report.notes.push_back(detail.status().message() + " (kept the list's view of the task)");
      } else if (const Value* data = mock::json::Find(detail.value(), "data")) {
        entry["task"] = TaskOf(*data, a, dropped);
        ++report.details;
      }
    }
    Value logs(rapidjson::kArrayType);
    static const Value kNone(rapidjson::kArrayType);
    const Value* found = mock::json::Find(entry["task"], "subtasks");
    const Value& subtasks = found != nullptr ? *found : kNone;
    for (rapidjson::SizeType i = 0; subtasks.IsArray() && i < subtasks.Size(); ++i) {
      if (report.logs >= o.max_logs) break;
      if (StringOf(subtasks[i], "status") == "PENDING") continue;  // never ran: no log
      const int64_t sid = IdOf(subtasks[i]);
      auto log =
          session.Get(path + "/subtasks/" + std::to_string(sid) + "/log", "subtask-log-response");
      if (!log.ok()) {
        report.notes.push_back(log.status().message());
        continue;
      }
      const Value* data = mock::json::Find(log.value(), "data");
      const Value* text = data ? mock::json::Find(*data, "log") : nullptr;
      if (text == nullptr || !text->IsString()) continue;
      Value l(rapidjson::kObjectType);
      l.AddMember("subtaskId", sid, a);
      l.AddMember("log", Value(*text, a), a);
      logs.PushBack(l, a);
      ++report.logs;
    }
    if (!logs.Empty()) entry.AddMember("logs", logs, a);
  }
  progress("fetched " + std::to_string(report.details) + " details and " +
           std::to_string(report.logs) + " subtask logs");
  if (report.details < report.tasks) {
    report.notes.push_back(std::to_string(report.tasks - report.details) +
                           " tasks have only the list's view (no detail fetched, see "
                           "--max-details): ocp-mock gives them type MANUAL and no createTime");
  }
  for (const auto& [key, count] : dropped) {
    report.notes.push_back("dropped `" + key + "` from " + std::to_string(count) +
                           " tasks or subtasks: the fixture format has no such field");
  }
  if (o.anonymise) Anonymise(doc, a);
  const std::string source = o.anonymise ? "a live OCP" : WithoutUserInfo(o.base_url);
  const std::string description = "Recorded by ocp-record from " + source + " on " + UtcNow() +
                                  " (OCP " + o.ocp_version +
                                  " schemas): " + std::to_string(report.tasks) + " tasks" +
                                  (o.anonymise ? ", names and hosts anonymised" : "");
  const std::string text = Render(description, doc);
  report.file = o.out / "tasks" / "recorded.json";
  // The same checks as ocp-mock's at load: what is written is loadable.
  auto loadable = mock::fixtures::ParseTaskFixtures(text, report.file.string(), schemas);
  if (!loadable.ok()) {
    std::string why =
        "the recording would not load in ocp-mock, nothing written: " + loadable.status().message();
    // What the answers broke is why: say it here, since no report is returned.
    for (const std::string& v : report.violations) {
      why += "\nviolates OCP " + o.ocp_version + "'s schemas: " + v;
    }
    return mock::InvalidArgument(why);
  }
  std::error_code ec;
  fs::create_directories(o.out / "tasks", ec);
  if (ec) return mock::Unavailable("cannot create " + (o.out / "tasks").string());
  if (mock::Status written = WriteAtomically(report.file, text); !written.ok()) return written;
  RecordEntities(session, o, schemas, loadable.value(), report);
  report.observations = session.Observations();
  if (!report.entity_file.empty()) {
    progress("recorded " + std::to_string(report.clusters) + " clusters, " +
             std::to_string(report.tenants) + " tenants and " + std::to_string(report.hosts) +
             " hosts");
  }
  return report;
}

}  // namespace record
