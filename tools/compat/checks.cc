#include "tools/compat/checks.h"

#include <ctime>
#include <tuple>

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"
#include "tools/client/signing.h"
#include "tools/compat/agreement.h"
#include "tools/compat/judging.h"

namespace compat {
namespace {

constexpr std::string_view kList = "/api/v2/tasks/instances";

enum CheckIndex : size_t {
  kListCheck,
  kPaging,
  kTotals,
  kFilter,
  kSort,
  kSortEach,
  kFilterEach,
  kPagingEdges,
  kPagesConcatenate,
  kDetail,
  kDetailAgrees,
  kLog,
  kUnknownTask,
  kUnsupportedSort,
  kNoCredentials,
  kAkSk,
  kClusters,
  kTenants,
  kTenantDetail,
  kHosts,
};

// Pages of 2000 that list-totals follows; a server with more tasks is not walked.
constexpr int kTotalsPageLimit = 5;

// The id of the first listed task that has finished (FAILED or SUCCESSFUL), else the first's.
int64_t FinishedOrFirst(const rapidjson::Value& contents) {
  for (const auto& t : contents.GetArray()) {
    const rapidjson::Value* status = At(t, {"status"});
    const rapidjson::Value* id = At(t, {"id"});
    if (status == nullptr || !status->IsString() || id == nullptr || !id->IsInt64()) continue;
    const std::string_view s = status->GetString();
    if (s == "FAILED" || s == "SUCCESSFUL") return id->GetInt64();
  }
  return contents[0]["id"].GetInt64();
}

}  // namespace

Probe::Exchange Probe::Get(const std::string& target, bool basic,
                           const std::vector<std::string>& headers) const {
  Exchange e;
  e.request = "GET " + target;
  e.response = client_.Send("GET", target, headers, basic);
  auto doc = mock::json::ParseJson(e.response.body);
  if (doc.ok()) e.json = std::move(doc).value();
  return e;
}

Probe::Probe(contract::HttpClient client, bool strict, ListRules list_rules)
    : client_(std::move(client)), strict_(strict), list_rules_(std::move(list_rules)) {}

void Probe::SendRequests(const Target& target) {
  const std::string list(kList);
  exchanges_[kListCheck] = Get(list + "?page=1&size=10");
  exchanges_[kPaging] = Get(list + "?page=2&size=1");
  exchanges_[kFilter] = Get(list + "?status=FAILED&size=50");
  exchanges_[kSort] = Get(list + "?sort=id,asc&size=50");
  exchanges_[kUnknownTask] = Get(list + "/9223372036854775806");
  exchanges_[kUnsupportedSort] = Get(list + "?sort=noSuchField,asc");
  exchanges_[kNoCredentials] = Get(list + "?size=1", false);
  for (int page = 1; page <= kTotalsPageLimit; ++page) {
    pages_.push_back(Get(list + "?size=2000&page=" + std::to_string(page)));
    const auto& e = pages_.back();
    const rapidjson::Value* c = e.json ? Contents(*e.json) : nullptr;
    if (c == nullptr || c->Size() < 2000) break;
  }
  const auto& first = exchanges_[kListCheck];
  const rapidjson::Value* contents = first.json ? Contents(*first.json) : nullptr;
  const rapidjson::Value* total =
      first.json ? At(*first.json, {"data", "page", "totalElements"}) : nullptr;
  if (total == nullptr || !total->IsInt64() || total->GetInt64() < 2) {
    exchanges_[kPaging].not_applicable = "the list has fewer than 2 tasks";
  }
  if (contents == nullptr || contents->Empty() || !At((*contents)[0], {"id"}) ||
      !(*contents)[0]["id"].IsInt64()) {
    exchanges_[kDetail].not_applicable = "the list shows no task";
    exchanges_[kDetailAgrees].not_applicable = "the list shows no task";
    exchanges_[kLog].not_applicable = "the list shows no task";
    exchanges_[CheckNamed("tasks-by-id")].not_applicable = "the list shows no task";
  } else {
    // A finished task, whose fields no longer change between the list and the detail.
    const int64_t id = FinishedOrFirst(*contents);
    exchanges_[kDetail] = Get(list + "/" + std::to_string(id));
    exchanges_[CheckNamed("tasks-by-id")] = Get("/api/v2/tasks/" + std::to_string(id));
    const auto& detail = exchanges_[kDetail];
    const rapidjson::Value* subtasks =
        detail.json ? At(*detail.json, {"data", "subtasks"}) : nullptr;
    // A subtask that has run, which has a log for certain; else the first.
    const rapidjson::Value* chosen = nullptr;
    for (size_t k = 0; subtasks != nullptr && subtasks->IsArray() && k < subtasks->Size(); ++k) {
      const rapidjson::Value& s = (*subtasks)[static_cast<rapidjson::SizeType>(k)];
      const rapidjson::Value* sid = At(s, {"id"});
      if (sid == nullptr || !sid->IsInt64()) continue;
      const rapidjson::Value* status = At(s, {"status"});
      const bool ran = status != nullptr && status->IsString() &&
                       std::string_view(status->GetString()) != "PENDING";
      if (chosen == nullptr || ran) chosen = sid;
      if (ran) break;
    }
    if (chosen == nullptr) {
      exchanges_[kLog].not_applicable = "the task's detail shows no subtask";
    } else {
      exchanges_[kLog] = Get(list + "/" + std::to_string(id) + "/subtasks/" +
                             std::to_string(chosen->GetInt64()) + "/log");
    }
  }
  if (target.access_key && target.secret_key) {
    const std::string t = list + "?size=1";
    exchanges_[kAkSk] = Get(t, false,
                            contract::AkSkHeaders(target.base_url, t, *target.access_key,
                                                  *target.secret_key, std::time(nullptr)));
  } else {
    exchanges_[kAkSk].not_applicable = "no access key given (--access-key, --secret-key)";
  }
  ProbeEntities();
  exchanges_[CheckNamed("time")] = Get("/api/v2/time", false);
  exchanges_[CheckNamed("info")] = Get("/api/v2/info");
  exchanges_[CheckNamed("api-status")] = Get("/api/status");
  ProbeFlows(target);
  ProbeTopology();
  ProbeConfig();
  ProbeMonitor();
  ProbeAlarms();
  ProbeInspection();
  ProbeSql();
  // Last: the writes, when allowed, follow every read, so that no read row sees what they make.
  ProbeInspectionRun(target.allow_writes);
  if (target.allow_writes) {
    ProbeWrites();
    ProbeParameterWrites();
  } else {
    exchanges_[CheckNamed("parameter-round-trip")].not_applicable =
        "writes are off (--allow-writes, or OCP_ALLOW_WRITES=1, runs it; it sets a cluster "
        "parameter and a tenant parameter to the values they already have)";
  }
}

namespace {

// Page 2 of size 1, as OCP numbers pages from 1.
Outcome SecondPageOfOne(const std::string& request, const rapidjson::Document& json) {
  const auto& page = json["data"]["page"];
  if (page["number"].GetInt64() == 2 && page["size"].GetInt64() == 1 &&
      Contents(json)->Size() <= 1) {
    return Pass();
  }
  return Fail(request + ": page " + std::to_string(page["number"].GetInt64()) + ", size " +
              std::to_string(page["size"].GetInt64()) +
              "; expected page 2 of size 1 (pages start at 1)");
}

Outcome OnlyFailedTasks(const std::string& request, const rapidjson::Document& json) {
  for (const auto& t : Contents(json)->GetArray()) {
    if (std::string_view(t["status"].GetString()) != "FAILED") {
      return Fail(request + ": task " + std::to_string(t["id"].GetInt64()) + " is " +
                  t["status"].GetString());
    }
  }
  return Pass();
}

Outcome IdsAscending(const std::string& request, const rapidjson::Document& json) {
  int64_t previous = INT64_MIN;
  for (const auto& t : Contents(json)->GetArray()) {
    if (t["id"].GetInt64() <= previous) {
      return Fail(request + ": id " + std::to_string(t["id"].GetInt64()) + " follows " +
                  std::to_string(previous));
    }
    previous = t["id"].GetInt64();
  }
  return Pass();
}

// A list that conforms, then passes `also` (which may assume the schema holds).
Outcome ListWhere(const std::string& request, const contract::HttpResult& r,
                  const std::optional<rapidjson::Document>& json, const Contract& c, bool strict,
                  Outcome (*also)(const std::string&, const rapidjson::Document&)) {
  Outcome o = Conforms(request, r, json, 200, "task-list-response", c, strict);
  if (Failed(o) || also == nullptr) return o;
  Outcome more = also(request, *json);
  return Failed(more) ? more : o;
}

}  // namespace

Outcome Probe::JudgeOne(size_t check, const Contract& c) const {
  if (auto entity = JudgeEntityRule(check)) return *entity;
  const Exchange& e = exchanges_[check];
  if (!e.not_applicable.empty()) return NotApplicable(e.not_applicable);
  if (auto flow = JudgeFlow(check, c)) return *flow;
  if (auto topology = JudgeTopology(check, c)) return *topology;
  if (auto config = JudgeConfig(check, c)) return *config;
  if (auto monitor = JudgeMonitor(check, c)) return *monitor;
  if (auto sql = JudgeSql(check, c)) return *sql;
  if (check == CheckNamed("tasks-by-id")) {
    return Conforms(e.request, e.response, e.json, 200, "task-detail-response", c, strict_);
  }
  if (check >= CheckNamed("time")) return JudgeProbe(check, c);
  const auto& [request, r, json] = std::tie(e.request, e.response, e.json);
  const bool s = strict_;
  switch (check) {
    case kListCheck:
      return ListWhere(request, r, json, c, s, nullptr);
    case kPaging:
      return ListWhere(request, r, json, c, s, SecondPageOfOne);
    case kTotals:
      return Totals(c);
    case kFilter:
      return ListWhere(request, r, json, c, s, OnlyFailedTasks);
    case kSort:
      return ListWhere(request, r, json, c, s, IdsAscending);
    case kSortEach:
      return list_rules_.SortEach();
    case kFilterEach:
      return list_rules_.FilterEach();
    case kPagingEdges:
      return list_rules_.PagingEdges();
    case kPagesConcatenate:
      return list_rules_.PagesConcatenate();
    case kDetail:
      return Conforms(request, r, json, 200, "task-detail-response", c, s);
    case kDetailAgrees:
      return DetailAgrees();
    case kLog:
      return Conforms(request, r, json, 200, "subtask-log-response", c, s);
    case kUnknownTask:
      return IsError(request, r, json, 404, mock::ocp::ErrorKind::kTaskNotFound, c, s);
    case kUnsupportedSort:
      return IsError(request, r, json, 400, mock::ocp::ErrorKind::kUnsupportedSort, c, s);
    case kNoCredentials:
      return IsError(request, r, json, 401, mock::ocp::ErrorKind::kUnauthenticated, c, s);
    case kAkSk:
      if (!c.profile.ak_sk) {
        return NotApplicable("OCP " + c.profile.version + " has no AK/SK; its clients use Basic");
      }
      return ListWhere(request, r, json, c, s, nullptr);
    case kClusters:
      return Conforms(request, r, json, 200, "cluster-list-response", c, s);
    case kTenants:
      return Conforms(request, r, json, 200, "tenant-list-response", c, s);
    case kTenantDetail:
      return Conforms(request, r, json, 200, "tenant-detail-response", c, s);
    case kHosts:
      return Conforms(request, r, json, 200, "host-list-response", c, s);
  }
  return NotApplicable("unknown check");
}

// Every page conforms, and together they hold page.totalElements tasks in page.totalPages pages.
Outcome Probe::Totals(const Contract& c) const {
  int64_t listed = 0;
  for (const Exchange& e : pages_) {
    Outcome o = ListWhere(e.request, e.response, e.json, c, strict_, nullptr);
    if (Failed(o)) return o;
    listed += static_cast<int64_t>(Contents(*e.json)->Size());
  }
  const Exchange& first = pages_.front();
  const int64_t total = (*first.json)["data"]["page"]["totalElements"].GetInt64();
  const int64_t pages = (*first.json)["data"]["page"]["totalPages"].GetInt64();
  if (total > int64_t{2000} * kTotalsPageLimit) {
    return NotApplicable("more than " + std::to_string(2000 * kTotalsPageLimit) + " tasks");
  }
  if (listed != total) {
    return Fail(first.request + ": page.totalElements is " + std::to_string(total) + ", but the " +
                "pages list " + std::to_string(listed) + " tasks");
  }
  if (pages != (total + 1999) / 2000) {
    return Fail(first.request + ": page.totalPages is " + std::to_string(pages) + " for " +
                std::to_string(total) + " tasks in pages of 2000");
  }
  return Pass();
}

// Every field the listed task and its detail both carry has the same value (the task is a
// finished one where the list shows one, so nothing changes between the two requests).
Outcome Probe::DetailAgrees() const {
  const Exchange& list = exchanges_[kListCheck];
  const Exchange& detail = exchanges_[kDetail];
  const rapidjson::Value* items = list.json ? Contents(*list.json) : nullptr;
  const rapidjson::Value* data = detail.json ? At(*detail.json, {"data"}) : nullptr;
  const rapidjson::Value* id = data != nullptr ? At(*data, {"id"}) : nullptr;
  if (items == nullptr || data == nullptr || !data->IsObject() || id == nullptr) {
    return Fail(detail.request + ": no detail to compare with the list");
  }
  for (rapidjson::SizeType row = 0; row < items->Size(); ++row) {
    const rapidjson::Value& item = (*items)[row];
    const rapidjson::Value* listed = At(item, {"id"});
    if (listed == nullptr || *listed != *id) continue;
    const auto where = FirstDisagreement(item, *data);
    if (!where) return Pass();
    // The pointer is the list row's; the detail's is the same but for subtasks paired by id.
    return Fail(detail.request + ": the list (" + list.request + ") shows /data/contents/" +
                std::to_string(row) + *where + " = " +
                JsonAt(*list.json, "/data/contents/" + std::to_string(row) + *where) +
                "; the detail disagrees" +
                (where->starts_with("/subtasks/")
                     ? ""
                     : ": /data" + *where + " = " + JsonAt(*detail.json, "/data" + *where)));
  }
  return Fail(detail.request + ": /data/id is " + JsonAt(*detail.json, "/data/id") +
              ", a task the list (" + list.request + ") does not show");
}

const char* SchemaJudgedBy(size_t check) {
  switch (check) {
    case kListCheck:
    case kPaging:
    case kTotals:
    case kFilter:
    case kSort:
    case kAkSk:
      return "task-list-response";
    case kDetail:
      return "task-detail-response";
    case kLog:
      return "subtask-log-response";
    case kUnknownTask:
    case kUnsupportedSort:
    case kNoCredentials:
      return "error-envelope";
    case kClusters:
      return "cluster-list-response";
    case kTenants:
      return "tenant-list-response";
    case kTenantDetail:
      return "tenant-detail-response";
    case kHosts:
      return "host-list-response";
    default:
      return check == CheckNamed("cluster-detail") ? "cluster-response" : nullptr;
  }
}

std::vector<Outcome> Probe::Judge(const Contract& c) const {
  std::vector<Outcome> out;
  for (size_t i = 0; i < kChecks.size(); ++i) {
    out.push_back(JudgeOne(i, c));
    // A client rule does not bind OCP, nor a mock rule: its failure is an observation.
    const std::string_view source = kChecks[i].source;
    if (source == "client" && out.back().verdict == Verdict::kFail) {
      out.back() = {Verdict::kObserved,
                    "differs from what clients rely on [client: " + std::string(kChecks[i].what) +
                        "] " + out.back().detail};
    }
    if (source == "mock" && out.back().verdict == Verdict::kFail) {
      out.back() = Observed(kChecks[i].what, out.back().detail);
    }
    // --strict: ocp-mock's own rules fail too, with the words of the observation.
    if (strict_ && out.back().verdict == Verdict::kObserved) out.back().verdict = Verdict::kFail;
  }
  return out;
}

}  // namespace compat
