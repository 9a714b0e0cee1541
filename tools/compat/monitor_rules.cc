#include "tools/compat/monitor_rules.h"

#include <map>
#include <set>

#include "mock/model/timestamp.h"
#include "tools/compat/agreement.h"
#include "tools/compat/judging.h"

namespace compat {
namespace {

// What changes as an alarm lives (A§2.1: resolvedAt "when the alert event was cleared"): not
// compared list to detail.
const std::set<std::string> kAlarmLiveMembers = {"status",          "resolvedAt",  "updatedAt",
                                                 "statusUpdatedAt", "gmtModified", "labels"};

// "HTTP S, expected 200 with data.contents: BODY" when `a` is not a list answer, else nullopt.
std::optional<Outcome> NotAList(const FlowAnswer& a) {
  if (a.response.status == 200 && a.json && Contents(*a.json) != nullptr) return std::nullopt;
  if (a.response.status == 0) return Fail(a.request + ": no answer: " + a.response.transport_error);
  return Fail(a.request + ": HTTP " + std::to_string(a.response.status) +
              ", expected 200 with data.contents: " + Excerpt(a.response.body));
}

// The timestamps of one group's points, or the reason they cannot be read.
std::optional<std::string> GroupTimestamps(const rapidjson::Value& group, const std::string& at,
                                           std::vector<int64_t>* out) {
  const rapidjson::Value* points = At(group, {"data"});
  if (points == nullptr || !points->IsArray()) return at + "/data is not an array";
  for (rapidjson::SizeType i = 0; i < points->Size(); ++i) {
    const rapidjson::Value* t = At((*points)[i], {"timestamp"});
    if (t == nullptr || !t->IsInt64()) {
      return at + "/data/" + std::to_string(i) + "/timestamp is " +
             JsonAt((*points)[i], "/timestamp") + ", not an integer";
    }
    out->push_back(t->GetInt64());
  }
  return std::nullopt;
}

}  // namespace

std::string MemberText(const rapidjson::Value& row, const std::string& param) {
  const rapidjson::Value* v = At(row, {param.c_str()});
  if (v == nullptr) return "";
  if (v->IsString()) return v->GetString();
  return v->IsInt64() ? std::to_string(v->GetInt64()) : "";
}

Outcome OnlyMatching(const std::vector<std::vector<AskedValue>>& asked) {
  for (const std::vector<AskedValue>& request : asked) {
    if (request.empty()) continue;
    const FlowAnswer& a = request.front().answer;
    if (auto bad = NotAList(a)) return *bad;
    const rapidjson::Value& rows = *Contents(*a.json);
    for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
      for (const AskedValue& v : request) {
        const std::string held = MemberText(rows[i], v.param);
        if (held == v.value) continue;
        return Fail(a.request + ": /data/contents/" + std::to_string(i) + " has " + v.param + " " +
                    JsonAt(rows[i], "/" + v.param) + ", not the \"" + v.value +
                    "\" asked: the filter is not applied");
      }
    }
  }
  return Pass();
}

std::optional<std::string> UnheldValue(const rapidjson::Value& rows, const std::string& param,
                                       const std::vector<std::string>& candidates) {
  std::set<std::string> held;
  for (const auto& row : rows.GetArray()) held.insert(MemberText(row, param));
  for (const std::string& c : candidates) {
    if (!held.contains(c)) return c;
  }
  return std::nullopt;
}

std::optional<std::string> RarestHeld(const rapidjson::Value& rows, const std::string& param,
                                      const std::vector<std::string>& candidates) {
  std::map<std::string, size_t> counts;
  for (const auto& row : rows.GetArray()) ++counts[MemberText(row, param)];
  std::optional<std::string> rarest;
  for (const std::string& c : candidates) {
    const auto it = counts.find(c);
    if (it != counts.end() && (!rarest || it->second < counts[*rarest])) rarest = c;
  }
  return rarest;
}

Outcome PointsInRange(const FlowAnswer& series, int64_t start_s, int64_t end_s) {
  if (auto bad = NotAList(series)) return *bad;
  const rapidjson::Value& groups = *Contents(*series.json);
  for (rapidjson::SizeType g = 0; g < groups.Size(); ++g) {
    const std::string at = "/data/contents/" + std::to_string(g);
    std::vector<int64_t> times;
    if (auto why = GroupTimestamps(groups[g], at, &times))
      return Fail(series.request + ": " + *why);
    for (size_t i = 0; i < times.size(); ++i) {
      if (times[i] >= start_s && times[i] <= end_s) continue;
      return Fail(series.request + ": " + at + "/data/" + std::to_string(i) + "/timestamp " +
                  std::to_string(times[i]) + " is outside the range asked, [" +
                  std::to_string(start_s) + ", " + std::to_string(end_s) + "] (" +
                  IsoSeconds(start_s) + " to " + IsoSeconds(end_s) + ")");
    }
  }
  return Pass();
}

Outcome StepsFollowInterval(const FlowAnswer& series, int64_t interval_s) {
  if (auto bad = NotAList(series)) return *bad;
  const rapidjson::Value& groups = *Contents(*series.json);
  bool judged = false;
  for (rapidjson::SizeType g = 0; g < groups.Size(); ++g) {
    const std::string at = "/data/contents/" + std::to_string(g);
    std::vector<int64_t> times;
    if (auto why = GroupTimestamps(groups[g], at, &times))
      return Fail(series.request + ": " + *why);
    for (size_t i = 1; i < times.size(); ++i) {
      judged = true;
      const int64_t step = times[i] - times[i - 1];
      if (step > 0 && step % interval_s == 0) continue;
      return Fail(series.request + ": " + at + "/data/" + std::to_string(i) + "/timestamp " +
                  std::to_string(times[i]) + " is " + std::to_string(step) +
                  " s after the point before, not a whole multiple of the interval asked (" +
                  std::to_string(interval_s) + " s)");
    }
  }
  if (!judged) return NotApplicable(series.request + ": no group has two points");
  return Pass();
}

Outcome AlarmAgreesWithList(const FlowAnswer& detail, const rapidjson::Value& listed,
                            const Contract& c, bool strict) {
  Outcome o =
      Conforms(detail.request, detail.response, detail.json, 200, "alarm-response", c, strict);
  if (Failed(o)) return o;
  const rapidjson::Value& data = (*detail.json)["data"];
  if (auto where = FirstDisagreement(listed, data, "", kAlarmLiveMembers)) {
    return Fail(detail.request + ": /data" + *where + " is " + JsonAt(data, *where) +
                "; the list shows " + JsonAt(listed, *where));
  }
  return o;
}

std::string IsoSeconds(int64_t epoch_s) {
  const std::string text(mock::model::MakeTimestamp(epoch_s * 1000, 0).text());
  // "2026-12-05T10:00:00.000Z" or "...+00:00": seconds and Z, the docs' example's precision.
  return text.substr(0, 19) + "Z";
}

std::optional<int64_t> ServerNow(const std::optional<rapidjson::Document>& json) {
  const rapidjson::Value* t = json && json->IsObject() ? At(*json, {"timestamp"}) : nullptr;
  if (t == nullptr || !t->IsString()) return std::nullopt;
  const auto parsed = mock::model::ParseTimestamp(t->GetString());
  if (!parsed) return std::nullopt;
  return parsed->epoch_ms / 1000;
}

}  // namespace compat
