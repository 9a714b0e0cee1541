#include "mock/families/alarms/alarm_request.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"

namespace mock::families::alarms {
namespace {

// activeAtStart or activeAtEnd: absent, blank, or a date-time with an offset.
StatusOr<std::optional<int64_t>> TimeParam(const QueryParams& params, const char* name) {
  const std::optional<std::string> text = query::Scalar(params, name);
  if (!text || text->empty()) return std::optional<int64_t>();
  auto t = model::ParseTimestamp(*text);
  if (!t) {
    return ocp::InvalidParameter(name, std::string(name) + ": '" + Excerpt(*text) +
                                           "' is not an ISO-8601 date-time with an offset, "
                                           "e.g. 2020-11-11T11:12:13.127+08:00.");
  }
  return std::optional<int64_t>(t->epoch_ms);
}

StatusOr<std::optional<int>> LevelParam(const QueryParams& params) {
  auto level = query::ParseId(params, "level");
  if (!level.ok()) return level.status();
  if (!level.value()) return std::optional<int>();
  const int64_t v = *level.value();
  if (v < kMinLevel || v > kMaxLevel) {
    return ocp::InvalidParameter("level", "level: " + std::to_string(v) +
                                              " is not an alert level; valid values are 1 "
                                              "(Stopped) to 5 (Reminder).");
  }
  return std::optional<int>(static_cast<int>(v));
}

std::string Text(const rapidjson::Value& body, const char* key, std::string fallback) {
  auto it = body.FindMember(key);
  if (it == body.MemberEnd() || !it->value.IsString()) return fallback;
  return {it->value.GetString(), it->value.GetStringLength()};
}

// `value` of `field` when `allowed` documents it, else invalidParameter naming the field.
Status OneOf(const std::string& field, const std::string& value,
             const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status();
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return ocp::InvalidParameter(
      field, field + ": '" + value + "' is not one this version documents: " + list + ".");
}

bool Reserved(std::string_view label) { return label.starts_with("alarm_") || label == "app_type"; }

}  // namespace

bool AlarmQuery::Keeps(const Alarm& a) const {
  if (level && a.level != *level) return false;
  if (active_from_ms && a.active_ms < *active_from_ms) return false;
  return !active_to_ms || a.active_ms <= *active_to_ms;
}

StatusOr<AlarmQuery> BindAlarmQuery(const listing::ListSpec& spec, const QueryParams& params) {
  AlarmQuery q;
  auto level = LevelParam(params);
  if (!level.ok()) return level.status();
  q.level = level.value();
  auto from = TimeParam(params, "activeAtStart");
  if (!from.ok()) return from.status();
  auto to = TimeParam(params, "activeAtEnd");
  if (!to.ok()) return to.status();
  q.active_from_ms = from.value();
  q.active_to_ms = to.value();
  if (q.active_from_ms && q.active_to_ms && *q.active_to_ms < *q.active_from_ms) {
    return ocp::OcpError(ocp::ErrorKind::kTimeRangeInvalid, "activeAtEnd is before activeAtStart.");
  }
  // Bound for its refusal alone: the mock holds no subscriptions (docs/alarms.md).
  if (auto subscribed = query::ParseBool(params, "isSubscribedByMe"); !subscribed.ok()) {
    return subscribed.status();
  }
  QueryParams sorted = params;
  if (sorted.find("sort") == sorted.end()) sorted.emplace("sort", "id,desc");
  auto list = listing::Bind(spec, sorted);
  if (!list.ok()) return list.status();
  q.list = std::move(list).value();
  return q;
}

StatusOr<Raised> ReadRaise(const rapidjson::Value& body, const Vocabulary& words) {
  Raised r;
  Alarm& a = r.alarm;
  a.summary = Text(body, "summary", "");
  a.target = Text(body, "target", "");
  a.scope = Text(body, "scope", "");
  a.level = body["level"].GetInt();
  a.app_type = Text(body, "appType", words.ob_app);
  if (Status s = OneOf("appType", a.app_type, words.app_types); !s.ok()) return s;
  if (Status s = OneOf("scope", a.scope, words.scopes); !s.ok()) return s;
  a.alarm_type = Text(body, "alarmType", "mock_raised_alarm");
  a.name = Text(body, "name", a.summary);
  a.description = Text(body, "description", a.summary);
  a.held_status = Text(body, "status", "Active");
  if (auto labels = body.FindMember("labels"); labels != body.MemberEnd()) {
    for (const auto& m : labels->value.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      if (Reserved(key)) {
        return ocp::InvalidParameter("labels." + key,
                                     "labels." + key +
                                         ": the mock writes the alarm_* and app_type labels "
                                         "itself, from the alarm's fields.");
      }
      a.labels.emplace_back(key, std::string(m.value.GetString(), m.value.GetStringLength()));
    }
  }
  if (auto d = body.FindMember("durationSeconds"); d != body.MemberEnd()) {
    r.duration_ms = d->value.GetInt64() * 1000;
  }
  return r;
}

}  // namespace mock::families::alarms
