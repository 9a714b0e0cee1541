// One OCP alert event as the mock holds it, and its JSON: the fields of the docs' "Data structure
// of an alert event" (docs/reference/ocp-alarms-and-inspection.md §2), identical in every version
// from 3.1.1 to 4.2.2.
//
//   Alarm a{.id = 1000001, .alarm_type = "host_unavailable", .level = 1, ...};
//   a.StatusAt(now_ms);              // "Active" until resolved_ms, then "Inactive"
//   std::string json = AlarmJson(a, now_ms);
//
// An alarm is Active from active_ms until it is resolved: when its condition clears
// (alarm_book.h), when a test resolves it, or when the mock clock passes resolve_at_ms (a raised
// alarm's durationSeconds). A raised alarm may instead carry the documented status Silenced or
// Inhibited, which it keeps until it is resolved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mock::families::alarms {

// The documented values of appType and scope, and the names the mock's own alarms take, for one
// version. 3.1.1 to 4.0.3, and 4.2.x's English pages: appType OB, OCP, OMS, OBProxy, Backup;
// scope ObCluster, ObTenant, AppCluster, Service, Host (§2). 4.2.x's Chinese pages, whose sample
// is a 2023 capture of OCP 4.x: appType OceanBase, OCP, OMS, OBProxy, Log, Backup; scope Cluster,
// Tenant, Host, Service, Arbitration, Backup, OceanBaseLog, OBProxyLog, HostLog; the level label
// a digit ("alarm_level": "2"), and the event's name and statusUpdatedAt (§2.3). The mock plays
// 4.2.x by its Chinese pages (docs/alarms.md).
struct Vocabulary {
  std::vector<std::string> app_types;
  std::vector<std::string> scopes;
  std::string ob_app;         // an OceanBase cluster's or tenant's alarm: "OB" or "OceanBase"
  std::string cluster_scope;  // "ObCluster" or "Cluster"
  std::string tenant_scope;   // "ObTenant" or "Tenant"
  bool v42 = false;           // the level label a digit; name and statusUpdatedAt written
};

// 4.2.0 and later: the Chinese pages' vocabulary; every other version: the English one.
const Vocabulary& VocabularyOf(std::string_view ocp_version);

// Every status (§2): the same in every version.
inline constexpr const char* kStatuses[] = {"Active", "Inactive", "Silenced", "Inhibited"};
inline constexpr int kMinLevel = 1;  // Stopped (Down in the Chinese pages)
inline constexpr int kMaxLevel = 5;  // Reminder (Info)

// "Stopped", "Critical", "Warning", "Caution", "Reminder" for 1..5 (§2); "" otherwise.
std::string_view LevelName(int level);

struct Alarm {
  int64_t id = 0;
  // What opened it: "host:6", "tenant:171", "task:35000312" for the world's conditions
  // (alarm_conditions.h); empty for an alarm a test raised.
  std::string key = {};
  std::string app_type = {};
  std::string alarm_type = {};
  std::string name = {};  // the rule's name: the labels' alarm_name
  std::string scope = {};
  int level = kMaxLevel;
  std::string target = {};
  std::string summary = {};
  std::string description = {};
  std::vector<std::pair<std::string, std::string>> labels = {};  // beside the alarm_* ones
  std::string held_status = "Active";  // Active, Silenced or Inhibited while not resolved
  int64_t active_ms = 0;
  std::optional<int64_t> resolved_ms = {};
  std::optional<int64_t> resolve_at_ms = {};  // resolves itself when the clock reaches it
  int64_t updated_ms = 0;

  // Whether it is resolved at `now_ms`.
  bool ResolvedAt(int64_t now_ms) const;
  // When it was resolved, as seen at `now_ms`; nullopt while it is not.
  std::optional<int64_t> ResolvedTime(int64_t now_ms) const;
  // The last change as seen at `now_ms`: its resolution, else updated_ms.
  int64_t UpdatedTime(int64_t now_ms) const;
  // "Inactive" once resolved, else held_status.
  std::string_view StatusAt(int64_t now_ms) const;
};

// The alert event as OCP answers it in `words`' version (§2): id, appType, alarmType, scope, level,
// status, target, summary, description, activeAt, resolvedAt (only once resolved), updatedAt,
// labels (the documented alarm_* labels first, then the alarm's own), and the sample's gmtCreate
// and gmtModified; in 4.2.x also name and statusUpdatedAt. Times in the machine's zone, as the mock
// writes every time.
std::string AlarmJson(const Alarm& alarm, int64_t now_ms, const Vocabulary& words);

}  // namespace mock::families::alarms
