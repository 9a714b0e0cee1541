#include "mock/families/alarms/alarms_family.h"

#include <memory>
#include <string>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/families/alarms/alarm_conditions.h"
#include "mock/families/alarms/alarm_request.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"
#include "mock/resources/resource_reply.h"

namespace mock::families {
namespace {

using alarms::Alarm;
using api::Access;
using api::Call;
using api::Reply;
using listing::Match;
using listing::SortAs;

constexpr char kAlarmsPath[] = "/api/v2/alarm/alarms";

// The newest FAILED tasks, at most `limit`.
std::vector<tasks::TaskSnapshot> FailedTasks(tasks::TaskStore& tasks, int32_t limit) {
  query::TaskQuery q;
  q.filter.statuses = {model::TaskStatus::kFailed};
  q.page = {.number = 1, .size = limit};
  return tasks.Query(q).items;
}

// The alarms as rows the list engine reads.
std::vector<resources::Row> RowsOf(const std::vector<Alarm>& held, int64_t now_ms,
                                   const alarms::Vocabulary& words) {
  std::vector<resources::Row> rows;
  rows.reserve(held.size());
  for (const Alarm& a : held) {
    auto doc = std::make_shared<rapidjson::Document>();
    const std::string text = alarms::AlarmJson(a, now_ms, words);
    doc->Parse(text.data(), text.size());
    rows.push_back({.id = a.id, .doc = std::move(doc)});
  }
  return rows;
}

Reply AlarmReply(const Alarm& a, int64_t now_ms, const alarms::Vocabulary& words) {
  return Reply{
      [text = alarms::AlarmJson(a, now_ms, words)](json::JsonWriter& w) { w.RawObject(text); }};
}

}  // namespace

AlarmsFamily::AlarmsFamily(tasks::TaskStore& tasks, const entities::EntityStore& entities,
                           const tasks::MockClock& clock, const json::SchemaSet* schemas,
                           std::string_view ocp_version)
    : tasks_(tasks),
      entities_(entities),
      clock_(clock),
      schemas_(schemas),
      words_(alarms::VocabularyOf(ocp_version)),
      // The documented filters with enum values, and keyword (§1); level and the two times are
      // bound in alarm_request.cc (an Integer and Datetimes, which the engine does not bind).
      list_{.filters = {{"appType", Match::kAnyOf, {"appType"}, words_.app_types},
                        {"scope", Match::kAnyOf, {"scope"}, words_.scopes},
                        {"status",
                         Match::kAnyOf,
                         {"status"},
                         {std::begin(alarms::kStatuses), std::end(alarms::kStatuses)}},
                        {"keyword",
                         Match::kContains,
                         {"summary", "description", "target", "alarmType"}}},
            .sort_keys = {{"id", SortAs::kNumber},
                          {"level", SortAs::kNumber},
                          {"activeAt", SortAs::kTime},
                          {"resolvedAt", SortAs::kTime},
                          {"updatedAt", SortAs::kTime}}} {}

std::vector<api::Route> AlarmsFamily::Routes() const {
  const std::string one = std::string(kAlarmsPath) + "/{id}";
  // "You have the alert read permissions" (§1, §3): CLUSTER_VIEWER holds ALARM:*:READ.
  return {{"GET", kAlarmsPath, Access::kClusterViewer,
           [this](const Call& c) { return List(c.request.query); }},
          {"GET", one, Access::kClusterViewer, [this](const Call& c) { return Detail(c.ids[0]); }},
          {"GET", "/__mock/alarms", Access::kControl,
           [this](const Call&) -> StatusOr<Reply> { return Held(); }},
          {"POST", "/__mock/alarms", Access::kControl,
           [this](const Call& c) { return Raise(c.request.body); }},
          {"POST", "/__mock/alarms/{id}/resolve", Access::kControl,
           [this](const Call& c) { return Resolve(c.ids[0]); }}};
}

void AlarmsFamily::Reset() const { book_.Clear(); }

int64_t AlarmsFamily::Observe() const {
  MutexLock lock(observe_mutex_);
  const entities::TaskStatuses statuses = entities::PendingStatuses(entities_, tasks_);
  std::vector<Alarm> now = alarms::HostAlarms(entities_.Rows(entities::Kind::kHost, statuses));
  for (Alarm& a : alarms::TenantAlarms(entities_.Rows(entities::Kind::kTenant, statuses), words_)) {
    now.push_back(std::move(a));
  }
  for (Alarm& a : alarms::TaskAlarms(FailedTasks(tasks_, kMaxFailedTasks), words_)) {
    now.push_back(std::move(a));
  }
  // Read after the stores: the task store advanced its tasks to a now no later than this one.
  const int64_t now_ms = clock_.NowMs();
  book_.Observe(std::move(now), now_ms);
  return now_ms;
}

StatusOr<Reply> AlarmsFamily::List(const QueryParams& params) const {
  auto asked = alarms::BindAlarmQuery(list_, params);
  if (!asked.ok()) return asked.status();
  const int64_t now_ms = Observe();
  std::vector<Alarm> held = book_.All();
  std::erase_if(held, [&](const Alarm& a) { return !asked.value().Keeps(a); });
  return resources::ListReply(RowsOf(held, now_ms, words_), asked.value().list);
}

StatusOr<Reply> AlarmsFamily::Detail(int64_t id) const {
  const int64_t now_ms = Observe();
  auto alarm = book_.Get(id);
  if (!alarm) {
    return ocp::OcpError(
        ocp::ErrorKind::kRecordNotFound,
        "No alert event has id " + std::to_string(id) + "; GET " + kAlarmsPath + " lists them.",
        {"ALARM_EVENT", "id=" + std::to_string(id)});
  }
  return AlarmReply(*alarm, now_ms, words_);
}

Reply AlarmsFamily::Held() const {
  const int64_t now_ms = Observe();
  std::vector<std::string> texts;
  for (const Alarm& a : book_.All()) texts.push_back(alarms::AlarmJson(a, now_ms, words_));
  return Reply{[texts = std::move(texts)](json::JsonWriter& w) {
    w.StartArray();
    for (const std::string& t : texts) w.RawObject(t);
    w.EndArray();
  }};
}

StatusOr<Reply> AlarmsFamily::Raise(const std::string& body) const {
  if (schemas_ == nullptr) return FailedPrecondition("this server has no schemas");
  auto doc = api::CheckedBody(body, "raise-alarm-request", *schemas_);
  if (!doc.ok()) return doc.status();
  auto asked = alarms::ReadRaise(doc.value(), words_);
  if (!asked.ok()) return asked.status();
  const int64_t now_ms = Observe();
  alarms::Raised r = std::move(asked).value();
  if (r.duration_ms) r.alarm.resolve_at_ms = now_ms + *r.duration_ms;
  auto raised = book_.Raise(std::move(r.alarm), now_ms);
  if (!raised.ok()) return raised.status();
  return AlarmReply(raised.value(), now_ms, words_);
}

StatusOr<Reply> AlarmsFamily::Resolve(int64_t id) const {
  const int64_t now_ms = Observe();
  auto resolved = book_.Resolve(id, now_ms);
  if (!resolved.ok()) return resolved.status();
  return AlarmReply(resolved.value(), now_ms, words_);
}

}  // namespace mock::families
