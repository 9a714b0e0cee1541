// libFuzzer target: the parsers of issue 28's pages, called directly (not through the API: a
// whole request per input was about ten times slower), with the version's schemas loaded once.
// The first byte, modulo 12, picks what the rest is (the order of the seeds' first bytes,
// mock/fuzz/corpus/diagnosis/):
//  0  POST /__mock/alarms: request_body.h's CheckedBody, then alarm_request.h's ReadRaise;
//  1  POST /__mock/metricOverrides: CheckedBody, then metric_overrides.h's ParseOverride.
//     Asserted: an override accepted names a metric, ends no earlier than it starts, and has
//     exactly one of value and scale;
//  2  POST /__mock/slowSql: CheckedBody, then what sql_diagnostics_steering.cc reads of it: the
//     window's date-times (model::ParseTimestamp) and the statement's text (sql_catalog.h's
//     SqlIdOf, SqlTypeOf, GuessPlan). Asserted: SqlIdOf gives a valid sql id;
//  3  the metric series' query string (http::ParseQuery, metric_query.h's BindMetricQuery).
//     Asserted: a query bound has 1 to kMaxMetrics metrics, a range of 0 to kMaxRangeSeconds
//     and a positive step;
//  4  the metric groups' query string (the list engine's Bind, over monitor_family.cc's spec);
//  5  the alarm list's query string (alarm_request.h's BindAlarmQuery, over alarms_family.cc's
//     spec). Asserted: level is 1 to 5 and activeAt's range does not end before it starts;
//  6, 7  a tenant's slow and top SQL query strings (sql_query.h's BindSqlQuery, which reads
//     filterExpression and the search operators). Asserted: the range does not end before it
//     starts nor exceeds kMaxRangeSeconds, limit and sqlTextLength are within their bounds;
//  8, 9  the inspection pages' query strings (inspection_params.h and param_binding.h: object
//     types, tags, id and enum lists, texts);
//  10 a statement's id and a plan's uid as path segments (IsSqlId, DecodePlanUid). Asserted: a
//     uid decoded encodes back to itself (PlanUid);
//  11 time_range.h's TimeParam and CheckRange over a query string. Asserted: a range CheckRange
//     accepts runs forward and is at most kMaxRangeSeconds.
// A refusal always says why (its sentence or OCP's message arguments), and of a UTF-8 input
// quotes only UTF-8. Anything else: never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mock/families/alarms/alarm.h"
#include "mock/families/alarms/alarm_request.h"
#include "mock/families/inspection/inspection_params.h"
#include "mock/families/monitor/metric_overrides.h"
#include "mock/families/monitor/metric_query.h"
#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/families/sql_diagnostics/sql_query.h"
#include "mock/fuzz/refusal_check.h"
#include "mock/http/url.h"
#include "mock/json/utf8.h"
#include "mock/listing/list_engine.h"
#include "mock/model/timestamp.h"
#include "mock/query/param_binding.h"
#include "mock/reply/request_body.h"
#include "mock/reply/time_range.h"
#include "mock/versions/profile.h"

namespace {

namespace alarms = mock::families::alarms;
namespace monitor = mock::families::monitor;
namespace sql = mock::families::sql_diagnostics;
namespace inspection = mock::families::inspection;
using mock::listing::Match;
using mock::listing::SortAs;

// The frozen clock's now: 2026-12-05T08:00:00Z.
constexpr int64_t kDiagnosisNowMs = 1'796'457'600'000;

template <typename T>
T MustDiagnosis(mock::StatusOr<T> v) {
  if (!v.ok()) std::abort();
  return std::move(v).value();
}

// What every input reads: the version's schemas and vocabulary, and the list specs of the pages
// bound by the list engine (copies of alarms_family.cc's and monitor_family.cc's: the families
// keep theirs private).
struct DiagnosisWorld {
  DiagnosisWorld()
      : profile(MustDiagnosis(mock::versions::LoadProfile(OCPMOCK_SOURCE_DIR "/schemas", "4.2.2"))),
        schemas(MustDiagnosis(mock::json::SchemaSet::Load(profile.schema_dirs))),
        words(alarms::VocabularyOf("4.2.2")),
        alarm_list{.filters = {{"appType", Match::kAnyOf, {"appType"}, words.app_types},
                               {"scope", Match::kAnyOf, {"scope"}, words.scopes},
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
                                 {"updatedAt", SortAs::kTime}}},
        group_list{
            .filters =
                {{"type", Match::kAnyOf, {"type"}, {"TOP", "NORMAL"}},
                 {"scope", Match::kAnyOf, {"scope"}, {"CLUSTER", "TENANT", "HOST", "OBPROXY"}}},
            .sort_keys = {
                {"id", SortAs::kNumber}, {"key", SortAs::kText}, {"name", SortAs::kFoldedText}}} {}

  mock::versions::Profile profile;
  mock::json::SchemaSet schemas;
  const alarms::Vocabulary& words;
  mock::listing::ListSpec alarm_list;
  mock::listing::ListSpec group_list;
};

const DiagnosisWorld* diagnosis_world = nullptr;

// Whether this input is UTF-8: then so must be what a refusal quotes of it (an answer is JSON).
bool diagnosis_input_utf8 = false;

void Refused(const mock::Status& s) {
  mock::fuzz::AbortUnlessRefusalSaysWhy(s, diagnosis_input_utf8);
}

std::optional<mock::QueryParams> Query(const std::string& raw) {
  auto params = mock::http::ParseQuery(raw);
  if (!params.ok()) return std::nullopt;
  return std::move(params).value();
}

void RaiseAlarm(const DiagnosisWorld& w, const std::string& body) {
  auto doc = mock::api::CheckedBody(body, "raise-alarm-request", w.schemas);
  if (!doc.ok()) return Refused(doc.status());
  Refused(alarms::ReadRaise(doc.value(), w.words).status());
}

void MetricOverride(const DiagnosisWorld& w, const std::string& body) {
  auto doc = mock::api::CheckedBody(body, "metric-override-request", w.schemas);
  if (!doc.ok()) return Refused(doc.status());
  auto o = monitor::ParseOverride(doc.value());
  if (!o.ok()) return Refused(o.status());
  const monitor::MetricOverride& v = o.value();
  if (v.metric == nullptr || v.end_s < v.start_s || v.value.has_value() == v.scale.has_value()) {
    std::abort();
  }
}

std::string_view MemberText(const rapidjson::Value& body, const char* key) {
  auto it = body.FindMember(key);
  if (it == body.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

void SlowSqlBody(const DiagnosisWorld& w, const std::string& body) {
  auto doc = mock::api::CheckedBody(body, "slow-sql-request", w.schemas);
  if (!doc.ok()) return Refused(doc.status());
  (void)mock::model::ParseTimestamp(MemberText(doc.value(), "startTime"));
  (void)mock::model::ParseTimestamp(MemberText(doc.value(), "endTime"));
  const std::string_view text = MemberText(doc.value(), "sqlText");
  if (!sql::IsSqlId(sql::SqlIdOf(text))) std::abort();
  (void)sql::SqlTypeOf(text);
  (void)sql::GuessPlan(text);
}

void MetricSeries(const mock::QueryParams& params) {
  auto q = monitor::BindMetricQuery(params, kDiagnosisNowMs);
  if (!q.ok()) return Refused(q.status());
  const monitor::MetricQuery& v = q.value();
  if (v.metrics.empty() || v.metrics.size() > monitor::kMaxMetrics || v.end < v.start ||
      v.end - v.start > monitor::kMaxRangeSeconds || v.step < 1) {
    std::abort();
  }
}

void AlarmList(const DiagnosisWorld& w, const mock::QueryParams& params) {
  auto q = alarms::BindAlarmQuery(w.alarm_list, params);
  if (!q.ok()) return Refused(q.status());
  const alarms::AlarmQuery& v = q.value();
  if (v.level && (*v.level < 1 || *v.level > 5)) std::abort();
  if (v.active_from_ms && v.active_to_ms && *v.active_to_ms < *v.active_from_ms) std::abort();
}

void SqlList(const mock::QueryParams& params, sql::SqlList list) {
  auto q = sql::BindSqlQuery(params, list);
  if (!q.ok()) return Refused(q.status());
  const sql::SqlQuery& v = q.value();
  if (v.range.end_s < v.range.start_s || v.range.end_s - v.range.start_s > sql::kMaxRangeSeconds ||
      (v.limit && (*v.limit < 1 || *v.limit > sql::kMaxLimit)) || v.text_length < 1 ||
      v.text_length > static_cast<size_t>(sql::kMaxTextLength)) {
    std::abort();
  }
  for (const sql::Condition& c : v.conditions) {
    if (c.field >= sql::kSqlFieldCount) std::abort();
  }
}

// Every parameter the inspection pages bind (inspection_family.cc).
void Inspection(const mock::QueryParams& params) {
  const std::vector<std::string> states = {"RUNNING", "FAILED", "SUCCESSFUL"};
  const std::vector<std::string> schedules = {"ACTIVE", "INACTIVE", "EXPIRED"};
  for (const char* name : {"inspectionObjectType", "objectType"}) {
    Refused(inspection::ObjectTypeParam(params, name, true).status());
  }
  for (const char* name : {"tag", "tagId"}) {
    Refused(inspection::TagParam(params, name, false).status());
  }
  Refused(inspection::TagListParam(params, "tags").status());
  Refused(inspection::IdParam(params, "objectId").status());
  Refused(mock::query::ParseIdList(params, "objectIds").status());
  Refused(mock::query::ParseEnumList(params, "taskStates", states).status());
  Refused(mock::query::ParseEnumList(params, "scheduleStates", schedules).status());
  const std::string name = inspection::TextParam(params, "name");
  (void)inspection::ContainsFolded(inspection::TextParam(params, "parentName"), name);
}

void SqlSegments(std::string_view text) {
  (void)sql::IsSqlId(text);
  if (auto ref = sql::DecodePlanUid(text)) {
    if (sql::PlanUid(ref->sql_id, ref->server_id) != text) std::abort();
  }
}

void TimeRange(const mock::QueryParams& params) {
  auto start = mock::api::TimeParam(params, {"startTime", "start_time"});
  auto end = mock::api::TimeParam(params, {"endTime", "end_time"});
  Refused(start.status());
  Refused(end.status());
  if (!start.ok() || !end.ok() || !start.value() || !end.value()) return;
  const int64_t from = *start.value();
  const int64_t to = *end.value();
  const mock::Status s = mock::api::CheckRange(from, to);
  Refused(s);
  if (s.ok() && (to < from || to - from > mock::api::kMaxRangeSeconds)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const DiagnosisWorld built;
  diagnosis_world = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const DiagnosisWorld& w = *diagnosis_world;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  diagnosis_input_utf8 = mock::json::IsValidUtf8(rest);
  const int pick = data[0] % 12;
  if (pick == 0) return RaiseAlarm(w, rest), 0;
  if (pick == 1) return MetricOverride(w, rest), 0;
  if (pick == 2) return SlowSqlBody(w, rest), 0;
  if (pick == 10) return SqlSegments(rest), 0;
  const auto params = Query(rest);
  if (!params) return 0;
  switch (pick) {
    case 3:
      MetricSeries(*params);
      break;
    case 4:
      Refused(mock::listing::Bind(w.group_list, *params).status());
      break;
    case 5:
      AlarmList(w, *params);
      break;
    case 6:
      SqlList(*params, sql::SqlList::kSlow);
      break;
    case 7:
      SqlList(*params, sql::SqlList::kTop);
      break;
    case 8:
    case 9:
      Inspection(*params);
      break;
    default:
      TimeRange(*params);
      break;
  }
  return 0;
}
