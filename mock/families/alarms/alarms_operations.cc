// What each of the alarm family's routes is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-alarms-and-inspection.md §1 to §4 (the pages "Query the alert event
// list" and "Query alert events", in every version from 3.1.1 to 4.2.2); the choices:
// docs/alarms.md.
#include "mock/families/alarms/alarms_family.h"
#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

// Each version's English sample of `page`, and 4.2.x's Chinese one (its own vocabulary).
std::vector<std::string> AlarmSamples(const char* page) {
  std::vector<std::string> files = api::SampleFiles(page);
  for (std::string& f : api::SampleFiles(std::string(page) + "-zh", {"4.2.0", "4.2.1", "4.2.2"})) {
    files.push_back(std::move(f));
  }
  return files;
}

// The documented parameters the list engine does not bind (alarm_request.h).
std::vector<Param> OwnParams() {
  return {{.name = "level",
           .type = "integer",
           .minimum = 1,
           .maximum = 5,
           .description = "The alert level (doc): 1 to 5, Stopped, Critical, Warning, Caution, "
                          "Reminder. Anything else is invalidParameter naming `level` (mock: the "
                          "docs give no error)."},
          {.name = "activeAtStart",
           .format = "date-time",
           .description = "Events triggered at or after this time (doc: Datetime, e.g. "
                          "2020-11-11T11:12:13.127+08:00); inclusive (mock). A value without an "
                          "offset or not a date-time is invalidParameter naming it (framework: "
                          "Spring's ISO binding)."},
          {.name = "activeAtEnd",
           .format = "date-time",
           .description = "Events triggered at or before this time (doc); inclusive (mock). "
                          "Before activeAtStart: timeRangeInvalid (mock: OCP's 1010 / COM10010 "
                          "\"The specified start or end point in time is invalid\")."},
          {.name = "isSubscribedByMe",
           .type = "boolean",
           .description = "Whether the current user subscribed to the event (doc). The mock "
                          "holds no subscriptions: bound as Spring binds a Boolean "
                          "(invalidParameter otherwise), and selects nothing (mock).",
           .provenance = Provenance::kMock}};
}

Operation ListOperation(const listing::ListSpec& list) {
  std::vector<Param> params = OwnParams();
  for (Param& p : api::ListParams(
           list, {.default_sort = "id,desc",
                 .sort_note = "Newest first by default, as the docs' sample lists its events "
                              "(doc); the sortable properties are the mock's choice."})) {
    params.push_back(std::move(p));
  }
  std::vector<ErrorKind> errors = api::ListErrors(list);
  errors.push_back(ErrorKind::kTimeRangeInvalid);
  return {.method = "GET",
          .pattern = "/api/v2/alarm/alarms",
          .id = "listAlarms",
          .summary = "Query the alert event list: a page of alert events, newest first",
          .description =
              "The events follow the mock's world on its clock: an OFFLINE host, a locked "
              "tenant and a FAILED task each open one (doc: the alert reference's rules; when: "
              "mock), resolved when the condition clears; tests raise and resolve others "
              "through /__mock/alarms. The documented parameters alarmType, obClusterGroup, "
              "obCluster, obTenant, hostName, hostIp, appCluster, serviceName and category are "
              "not bound: ignored, as every unknown parameter (mock). `size` is clamped to 2000, "
              "as every list of the mock (the page says at most 200).",
          .params = std::move(params),
          .answer = {.schema = "alarm-list-response"},
          .errors = std::move(errors),
          .samples = AlarmSamples("query-alarms")};
}

std::vector<Operation> MockOperations() {
  return {{.method = "GET",
           .pattern = "/__mock/alarms",
           .id = "mockListAlarms",
           .summary = "Every alarm the mock holds, as served, oldest first",
           .description = "An array of alert events (alarm.schema.json), the world's observed "
                          "first.",
           .provenance = Provenance::kMock,
           .answer = {.description = "Every alarm held (an array of alarm)"}},
          {.method = "POST",
           .pattern = "/__mock/alarms",
           .id = "mockRaiseAlarm",
           .summary = "Raises an alarm now: Active (or Silenced, Inhibited) until resolved or "
                      "until durationSeconds of mock time pass",
           .description = "A body not valid against raise-alarm-request is refused naming the "
                          "field, and nothing changes; a label alarm_* or app_type likewise. At "
                          "most 10000 alarms are held: the oldest resolved goes first, and with "
                          "none resolved the raise is a 400. POST /__mock/reset forgets them.",
           .provenance = Provenance::kMock,
           .body = api::Body{.schema = "raise-alarm-request"},
           .answer = {.schema = "alarm-response"},
           .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest}},
          {.method = "POST",
           .pattern = "/__mock/alarms/{id}/resolve",
           .id = "mockResolveAlarm",
           .summary = "Resolves an alarm now: Inactive, resolvedAt the mock clock's now",
           .description = "An unknown id is 404, an alarm resolved already 400 (nothing "
                          "changes). A world alarm whose condition still holds opens again, "
                          "under a new id, at the next read.",
           .provenance = Provenance::kMock,
           .answer = {.schema = "alarm-response"},
           .errors = {ErrorKind::kNotFound, ErrorKind::kBadRequest}}};
}

}  // namespace

std::vector<Operation> AlarmsFamily::Operations() const {
  std::vector<Operation> out{
      ListOperation(list_),
      {.method = "GET",
       .pattern = "/api/v2/alarm/alarms/{id}",
       .id = "getAlarm",
       .summary = "Query alert events: one alert event",
       .description = "`data` is the event itself, as the docs' sample (the page's table says "
                      "data.contents). An unknown id is recordNotFound (mock: the docs give no "
                      "error).",
       .answer = {.schema = "alarm-response"},
       .errors = {ErrorKind::kRecordNotFound},
       .samples = AlarmSamples("alarm-detail")}};
  for (Operation& op : MockOperations()) out.push_back(std::move(op));
  return out;
}

}  // namespace mock::families
