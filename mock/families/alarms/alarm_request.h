// What the alarm routes read from a request: the list's parameters as OCP binds them
// (docs/reference/ocp-alarms-and-inspection.md §1) and the body of POST /__mock/alarms
// (schemas/raise-alarm-request.schema.json). Refusals are OCP's errors naming the parameter or
// the field.
//
//   auto q = BindAlarmQuery(spec, request.query);  // invalidParameter naming `level`, ...
//   if (q.value().Keeps(alarm)) ...                 // level and the activeAt range
#pragma once

#include <cstdint>
#include <optional>

#include <rapidjson/document.h>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/families/alarms/alarm.h"
#include "mock/listing/list_engine.h"

namespace mock::families::alarms {

struct AlarmQuery {
  listing::ListQuery list;  // appType, scope, status, keyword, page, size, sort
  std::optional<int> level;
  std::optional<int64_t> active_from_ms;  // activeAtStart, inclusive
  std::optional<int64_t> active_to_ms;    // activeAtEnd, inclusive

  // Whether `alarm` passes level and the activeAt range.
  bool Keeps(const Alarm& alarm) const;
};

// Binds `params`: `spec`'s filters and paging, `sort` defaulting to id descending (the docs'
// sample lists newest first); `level` an Integer 1 to 5; activeAtStart and activeAtEnd ISO-8601
// date-times with an offset (Spring's Datetime binding), the end not before the start (OCP's
// timeRangeInvalid); isSubscribedByMe a Boolean, which selects nothing (docs/alarms.md).
// invalidParameter naming the parameter otherwise. `spec` must outlive the query.
StatusOr<AlarmQuery> BindAlarmQuery(const listing::ListSpec& spec, const QueryParams& params);

// A raised alarm as the body asks it, not yet held: `duration_ms` from durationSeconds.
struct Raised {
  Alarm alarm;
  std::optional<int64_t> duration_ms;
};

// `body`, valid against raise-alarm-request, read with its defaults (the schema's description;
// appType defaults to `words`' OceanBase one); invalidParameter naming `appType` or `scope` for a
// value `words` does not document, and `labels.NAME` for a label that would repeat one the mock
// writes (alarm_*, app_type).
StatusOr<Raised> ReadRaise(const rapidjson::Value& body, const Vocabulary& words);

}  // namespace mock::families::alarms
