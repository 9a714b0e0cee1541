#include "mock/families/alarms/alarm.h"

#include <algorithm>

#include <rapidjson/stringbuffer.h>

#include "mock/json/json_writer.h"
#include "mock/model/timestamp.h"

namespace mock::families::alarms {
namespace {

std::string TimeText(int64_t ms) { return std::string(model::MakeTimestamp(ms).text()); }

void Member(json::JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.Scalar(value);
}

// The labels the docs' sample shows on every event, from the event's own fields (§2).
void WriteLabels(json::JsonWriter& w, const Alarm& a, int64_t now_ms, const Vocabulary& words) {
  w.Key("labels");
  w.StartObject();
  Member(w, "alarm_name", a.name);
  Member(w, "alarm_type", a.alarm_type);
  if (words.v42) {
    Member(w, "alarm_level", std::to_string(a.level));
  } else {
    Member(w, "alarm_level", LevelName(a.level));
  }
  Member(w, "alarm_scope", a.scope);
  Member(w, "alarm_status", a.StatusAt(now_ms));
  Member(w, "alarm_target", a.target);
  Member(w, "alarm_summary", a.summary);
  Member(w, "alarm_description", a.description);
  Member(w, "alarm_active_at", TimeText(a.active_ms));
  if (auto resolved = a.ResolvedTime(now_ms)) {
    Member(w, "alarm_resolved_at", TimeText(*resolved));
  }
  Member(w, "alarm_updated_at", TimeText(a.UpdatedTime(now_ms)));
  Member(w, "app_type", a.app_type);
  for (const auto& [key, value] : a.labels) Member(w, key.c_str(), value);
  w.EndObject();
}

}  // namespace

std::string_view LevelName(int level) {
  static constexpr std::string_view kNames[] = {"Stopped", "Critical", "Warning", "Caution",
                                                "Reminder"};
  if (level < kMinLevel || level > kMaxLevel) return "";
  return kNames[level - kMinLevel];
}

bool Alarm::ResolvedAt(int64_t now_ms) const { return ResolvedTime(now_ms).has_value(); }

std::optional<int64_t> Alarm::ResolvedTime(int64_t now_ms) const {
  if (resolved_ms) return resolved_ms;
  if (resolve_at_ms && *resolve_at_ms <= now_ms) return resolve_at_ms;
  return std::nullopt;
}

int64_t Alarm::UpdatedTime(int64_t now_ms) const {
  const std::optional<int64_t> resolved = ResolvedTime(now_ms);
  return resolved ? std::max(updated_ms, *resolved) : updated_ms;
}

std::string_view Alarm::StatusAt(int64_t now_ms) const {
  return ResolvedAt(now_ms) ? "Inactive" : std::string_view(held_status);
}

const Vocabulary& VocabularyOf(std::string_view ocp_version) {
  static const Vocabulary kEnglish{
      .app_types = {"OB", "OCP", "OMS", "OBProxy", "Backup"},
      .scopes = {"ObCluster", "ObTenant", "AppCluster", "Service", "Host"},
      .ob_app = "OB",
      .cluster_scope = "ObCluster",
      .tenant_scope = "ObTenant"};
  static const Vocabulary kChinese42{
      .app_types = {"OceanBase", "OCP", "OMS", "OBProxy", "Log", "Backup"},
      .scopes = {"Cluster", "Tenant", "Host", "Service", "Arbitration", "Backup", "OceanBaseLog",
                 "OBProxyLog", "HostLog"},
      .ob_app = "OceanBase",
      .cluster_scope = "Cluster",
      .tenant_scope = "Tenant",
      .v42 = true};
  return ocp_version.starts_with("4.2") ? kChinese42 : kEnglish;
}

std::string AlarmJson(const Alarm& a, int64_t now_ms, const Vocabulary& words) {
  rapidjson::StringBuffer out;
  json::JsonWriter w(out);
  const std::optional<int64_t> resolved = a.ResolvedTime(now_ms);
  const int64_t updated = a.UpdatedTime(now_ms);
  w.StartObject();
  w.Key("id");
  w.Int64(a.id);
  Member(w, "appType", a.app_type);
  Member(w, "alarmType", a.alarm_type);
  Member(w, "scope", a.scope);
  w.Key("level");
  w.Int(a.level);
  Member(w, "status", a.StatusAt(now_ms));
  Member(w, "target", a.target);
  Member(w, "summary", a.summary);
  Member(w, "description", a.description);
  Member(w, "activeAt", TimeText(a.active_ms));
  if (resolved) Member(w, "resolvedAt", TimeText(*resolved));
  Member(w, "updatedAt", TimeText(updated));
  Member(w, "gmtCreate", TimeText(a.active_ms));
  Member(w, "gmtModified", TimeText(updated));
  if (words.v42) {
    Member(w, "name", a.name);
    Member(w, "statusUpdatedAt", TimeText(resolved ? *resolved : a.active_ms));
  }
  WriteLabels(w, a, now_ms, words);
  w.EndObject();
  return {out.GetString(), out.GetSize()};
}

}  // namespace mock::families::alarms
