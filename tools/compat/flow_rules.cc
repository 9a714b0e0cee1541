#include "tools/compat/flow_rules.h"

#include <algorithm>
#include <set>
#include <string_view>

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/model/timestamp.h"
#include "tools/compat/agreement.h"
#include "tools/compat/judging.h"

namespace compat {
namespace {

// Values that change between two requests on a live server: not compared list to detail.
const std::set<std::string> kLiveCounters = {"lastActiveTime", "connections"};

// The JSON pointer of a member that holds a secret in clear under `v`: a key naming a password,
// passphrase, secret or private key whose value is a string neither empty nor all '*'.
std::optional<std::string> ClearSecret(const rapidjson::Value& v, const std::string& at) {
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      if (auto p = ClearSecret(v[i], at + "/" + std::to_string(i))) return p;
    }
  }
  if (!v.IsObject()) return std::nullopt;
  for (const auto& m : v.GetObject()) {
    const std::string key(m.name.GetString(), m.name.GetStringLength());
    const std::string path = at + "/" + key;
    if (NamesASecret(key) && m.value.IsString()) {
      const std::string_view text(m.value.GetString(), m.value.GetStringLength());
      if (text.find_first_not_of('*') != std::string_view::npos) return path;
    }
    if (auto p = ClearSecret(m.value, path)) return p;
  }
  return std::nullopt;
}

// A secret in clear in `a`'s data, or the secret `sent` anywhere in its body: the failure.
std::optional<std::string> Leak(const FlowAnswer& a, const std::string& sent) {
  if (!sent.empty() && a.response.body.find(sent) != std::string::npos) {
    return a.request + ": the answer carries the secret the creation sent (its passphrase)";
  }
  const rapidjson::Value* data = a.json ? At(*a.json, {"data"}) : nullptr;
  if (data == nullptr) return std::nullopt;
  if (auto p = ClearSecret(*data, "/data")) {
    const rapidjson::Value* secret = rapidjson::Pointer(p->c_str()).Get(*a.json);
    return a.request + ": " + *p + " carries a secret in clear (" +
           std::to_string(secret != nullptr ? secret->GetStringLength() : 0) +
           " characters, not shown); expected it absent, null or masked as ******";
  }
  return std::nullopt;
}

// The body with every string snapshotTime made a valid one: the documented row demands a String
// there (EP-SNAP's table); its form is snapshot-times' matter.
std::string WithTimesAsDocumented(const rapidjson::Document& json) {
  rapidjson::Document copy;
  copy.CopyFrom(json, copy.GetAllocator());
  rapidjson::Value* rows = copy.IsObject() && copy.HasMember("data") && copy["data"].IsObject() &&
                                   copy["data"].HasMember("contents")
                               ? &copy["data"]["contents"]
                               : nullptr;
  for (rapidjson::SizeType i = 0; rows != nullptr && rows->IsArray() && i < rows->Size(); ++i) {
    rapidjson::Value& row = (*rows)[i];
    auto t = row.IsObject() ? row.FindMember("snapshotTime") : row.MemberEnd();
    if (row.IsObject() && t != row.MemberEnd() && t->value.IsString()) {
      t->value.SetString("1970-01-01T00:00:00.0Z");
    }
  }
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  copy.Accept(w);
  return buf.GetString();
}

// How obdiag misreads one snapshotTime (section 5.0: it cuts the text at the '.', parses
// %Y-%m-%dT%H:%M:%S and adds a fixed 8 hours, reading it as UTC); "" when it reads it right.
std::string ObdiagMisreads(const std::string& text) {
  const auto t = mock::model::ParseTimestamp(text);
  if (!t) {
    return mock::model::ParseTimestamp(text + "Z")
               ? "has no zone (the documented sample's times end in Z, UTC)"
               : "is not a time like 2023-01-12T10:01:00.72Z";
  }
  if (text.find('.') == std::string::npos) {
    return "has no fraction of a second: obdiag cuts the text at the '.', so its parse fails and "
           "the snapshot is dropped without a word";
  }
  if (mock::model::OffsetMinutes(*t).value_or(0) != 0) {
    return "is not in UTC: obdiag drops the zone and reads the time as UTC";
  }
  return "";
}

// The answer's data, 200 and `schema`, then data.name equal to what was sent and an integer
// data.taskInstanceId.
Outcome OneReport(const std::string& how, const FlowAnswer& a, const Contract& c, bool strict) {
  Outcome o = Conforms(a.request, a.response, a.json, 200, "workload-report-response", c, strict);
  if (Failed(o)) return Fail(how + ": " + o.detail);
  const rapidjson::Value* name = At(*a.json, {"data", "name"});
  if (name == nullptr || !name->IsString() || a.sent != name->GetString()) {
    return Fail(how + ": " + a.request + ": /data/name is " + JsonAt(*a.json, "/data/name") +
                ", not the name sent, \"" + a.sent + "\" (obdiag finds its report by name)");
  }
  const rapidjson::Value* task = At(*a.json, {"data", "taskInstanceId"});
  if (task == nullptr || !task->IsInt64()) {
    return Fail(how + ": " + a.request + ": /data/taskInstanceId is " +
                JsonAt(*a.json, "/data/taskInstanceId") + "; obdiag polls that task");
  }
  return o;
}

}  // namespace

std::string NotServedWhy(const FlowAnswer& a) {
  return a.request + ": not served (HTTP " + std::to_string(a.response.status) +
         (a.response.status == 200 ? ", an HTML page" : "") +
         "): workload snapshots and reports are OCP Enterprise Edition features (the zh docs of "
         "OCP 4.2.1 and 4.2.2), absent from the Community Edition";
}

Outcome ClusterDetail(const FlowAnswer& a, const Contract& c, bool strict) {
  Outcome o = Conforms(a.request, a.response, a.json, 200, "cluster-response", c, strict);
  if (Failed(o)) return o;
  const std::string asked = a.request.substr(a.request.rfind('/') + 1);
  if (JsonAt(*a.json, "/data/id") != asked) {
    return Fail(a.request + ": /data/id is " + JsonAt(*a.json, "/data/id") +
                ", not the cluster asked for");
  }
  return o;
}

Outcome AgreesWithList(const FlowAnswer& detail, const FlowAnswer& list, const Contract& c,
                       bool strict) {
  Outcome o = Conforms(detail.request, detail.response, detail.json, 200,
                       "obproxy-cluster-response", c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value& row = (*Contents(*list.json))[0];  // the detail asked was its id's
  const rapidjson::Value& data = (*detail.json)["data"];
  if (auto where = FirstDisagreement(row, data, "", kLiveCounters)) {
    return Fail(detail.request + ": /data" + *where + " is " + JsonAt(data, *where) +
                "; the list (" + list.request + ") shows " + JsonAt(row, *where));
  }
  return o;
}

Outcome SecondOfOne(const FlowAnswer& page, const FlowAnswer& whole) {
  const rapidjson::Value* all = whole.json ? Contents(*whole.json) : nullptr;
  if (whole.response.status != 200 || all == nullptr) {
    return Fail(whole.request + ": expected HTTP 200 with data.contents; came HTTP " +
                std::to_string(whole.response.status) + ": " + Excerpt(whole.response.body));
  }
  if (all->Size() < 2) return NotApplicable(whole.request + " lists fewer than two rows");
  const rapidjson::Value* rows = page.json ? Contents(*page.json) : nullptr;
  if (rows == nullptr || JsonAt(*page.json, "/data/page/number") != "2" ||
      JsonAt(*page.json, "/data/page/size") != "1") {
    return Fail(page.request + ": HTTP " + std::to_string(page.response.status) +
                (rows == nullptr ? ", no data.contents"
                                 : ", page.number " + JsonAt(*page.json, "/data/page/number") +
                                       ", page.size " + JsonAt(*page.json, "/data/page/size")) +
                "; expected page 2 of size 1 (pages start at 1)");
  }
  const std::string want = JsonAt((*all)[1], "/id");
  if (rows->Size() != 1 || JsonAt((*rows)[0], "/id") != want) {
    return Fail(page.request + ": " + std::to_string(rows->Size()) + " rows, the first id " +
                (rows->Empty() ? "none" : JsonAt((*rows)[0], "/id")) + "; the whole list (" +
                whole.request + ") has id " + want + " second");
  }
  const std::string total = JsonAt(*whole.json, "/data/page/totalElements");
  if (JsonAt(*page.json, "/data/page/totalElements") != total) {
    return Fail(page.request + ": page.totalElements " +
                JsonAt(*page.json, "/data/page/totalElements") + ", the whole list's " + total);
  }
  return Pass();
}

Outcome Masked(const FlowAnswer& list, const std::optional<FlowAnswer>& created,
               const std::optional<FlowAnswer>& after) {
  if (list.response.status != 200 || !list.json || Contents(*list.json) == nullptr) {
    return NotApplicable(list.request + " answered no list (HTTP " +
                         std::to_string(list.response.status) + "); the credentials row judges it");
  }
  const std::string none;
  if (auto leak = Leak(list, none)) return Fail(*leak);
  for (const auto& a : {created, after}) {
    if (!a) continue;
    if (auto leak = Leak(*a, created ? created->sent : none)) return Fail(*leak);
  }
  return Pass();
}

Outcome Snapshots(const FlowAnswer& a, const Contract& c, bool strict) {
  if (NotServed(a.response)) return NotApplicable(NotServedWhy(a));
  const std::string body = a.json ? WithTimesAsDocumented(*a.json) : a.response.body;
  return Conforms(a.request, a.response, a.json, 200, "workload-snapshot-list-response", c, strict,
                  &body);
}

Outcome SnapshotTimes(const FlowAnswer& a) {
  if (NotServed(a.response)) return NotApplicable(NotServedWhy(a));
  const rapidjson::Value* rows = a.json ? Contents(*a.json) : nullptr;
  if (a.response.status != 200 || rows == nullptr) {
    return Fail(a.request + ": expected HTTP 200 with data.contents (obdiag reads it); came HTTP " +
                std::to_string(a.response.status) + ": " + Excerpt(a.response.body));
  }
  if (rows->Empty()) return NotApplicable(a.request + " lists no snapshot");
  int64_t last_ms = INT64_MIN, last_id = INT64_MIN;
  for (rapidjson::SizeType i = 0; i < rows->Size(); ++i) {
    const std::string at = a.request + ": /data/contents/" + std::to_string(i);
    const rapidjson::Value* time = At((*rows)[i], {"snapshotTime"});
    const rapidjson::Value* id = At((*rows)[i], {"snapshotId"});
    if (time == nullptr || !time->IsString()) return Fail(at + "/snapshotTime is not a string");
    const std::string text = time->GetString();
    if (std::string why = ObdiagMisreads(text); !why.empty()) {
      return Fail(at + "/snapshotTime \"" + text + "\" " + why);
    }
    const int64_t ms = mock::model::ParseTimestamp(text)->epoch_ms;
    if (ms < last_ms || (id != nullptr && id->IsInt64() && id->GetInt64() <= last_id)) {
      return Fail(at +
                  " comes before the snapshot above it: obdiag takes the first and the last "
                  "listed as the report's start and end (the sample ascends)");
    }
    last_ms = ms;
    if (id != nullptr && id->IsInt64()) last_id = id->GetInt64();
  }
  return Pass();
}

Outcome ReportEncodings(const FlowAnswer& form, const FlowAnswer& query, const Contract& c,
                        bool strict) {
  Outcome by_form = OneReport("as a form body (obdiag)", form, c, strict);
  if (Failed(by_form)) return by_form;
  Outcome by_query = OneReport("as a query-only POST (the MCP server)", query, c, strict);
  if (Failed(by_query) || by_form.verdict == Verdict::kPass) return by_query;
  return by_form;
}

Outcome CredentialCreated(const FlowAnswer& created, const FlowAnswer& after, const Contract& c,
                          bool strict) {
  Outcome o = Conforms(created.request, created.response, created.json, 200, "credential-response",
                       c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value* id = At(*created.json, {"data", "id"});
  if (id == nullptr || !id->IsInt64()) {
    return Fail(created.request + ": /data/id is " + JsonAt(*created.json, "/data/id") +
                "; obdeploy reads the new credential's id there");
  }
  const rapidjson::Value* rows = after.json ? Contents(*after.json) : nullptr;
  const bool listed = rows != nullptr && std::any_of(rows->Begin(), rows->End(), [&](auto& row) {
                        const rapidjson::Value* rid = At(row, {"id"});
                        return rid != nullptr && *rid == *id;
                      });
  if (!listed) {
    return Fail(after.request + ": HTTP " + std::to_string(after.response.status) +
                ", the new credential (id " + std::to_string(id->GetInt64()) +
                ") is not listed; obdeploy finds a credential by name in the list");
  }
  return o;
}

}  // namespace compat
