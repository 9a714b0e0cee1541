// What each of the control plane's routes is (operation.h), for its own OpenAPI document. The
// control plane is the mock's own (provenance `mock`), the same in every version; its answers are
// OCP's envelope around the `data` each describes (no schema file: the generator describes the
// envelope), its bodies named by their schemas. The facts: docs/testing-clients.md and the
// handlers' headers (control_handlers.h, journal_handlers.h, fault_handlers.h,
// scenario_handlers.h, reload_handlers.h).
#include "mock/control/control_plane.h"

#include "mock/reply/list_params.h"
#include "mock/ui/ui_pages.h"

namespace mock::api {
namespace {

using ocp::ErrorKind;

constexpr Provenance kMock = Provenance::kMock;

std::vector<Operation> ClockAndResetOperations(const std::vector<std::string>& parts) {
  return {
      {.method = "GET",
       .pattern = "/__mock/clock",
       .id = "mockGetClock",
       .summary = "The mock clock now",
       .provenance = kMock,
       .answer = {.description = "`data`: `epochMillis`, `now` (ISO-8601), `timeScale`"}},
      {.method = "POST",
       .pattern = "/__mock/clock/advance",
       .id = "mockAdvanceClock",
       .summary = "Moves the mock clock forward, so that tests never sleep",
       .description = "Running tasks progress by the time added; the answer is the clock "
                      "after, as GET /__mock/clock.",
       .provenance = kMock,
       .params = {{.name = "seconds",
                   .type = "number",
                   .required = true,
                   .minimum = 0,
                   .maximum = 1000000000,
                   .description = "Seconds to add, 0 to 1e9, fractions allowed; exactly one.",
                   .provenance = kMock}},
       .answer = {.description = "`data`: `epochMillis`, `now` (ISO-8601), `timeScale`"},
       .errors = {ErrorKind::kInvalidParameter}},
      {.method = "POST",
       .pattern = "/__mock/reset",
       .id = "mockReset",
       .summary = "Puts the parts named, or all of them, back as the mock started",
       .description = "`clock` restarts from the wall clock (every advance forgotten); `tasks` "
                      "as the fixtures describe them, with the clusters, tenants and hosts; "
                      "`journal` emptied; `rateLimits` every window afresh; `faults` the "
                      "--faults file's rules again, or none; each family with state of its own, "
                      "by its name, its fixture rows (or setting) again. An unknown part resets "
                      "nothing.",
       .provenance = kMock,
       .params = {{.name = "only",
                   .repeated = true,
                   .allowed = parts,
                   .description = "The parts to reset: the mock's own and each family's with "
                                  "state of its own. Absent: every part.",
                   .provenance = kMock}},
       .answer = {.description = "`data`: `reset` (the parts, alphabetically), `tasks` (the "
                                 "count)"},
       .errors = {ErrorKind::kInvalidParameter}},
  };
}

// The journal's filters (journal_handlers.h), for the list and the count.
std::vector<Param> JournalFilters() {
  return {
      {.name = "method", .description = "The HTTP method, exactly.", .provenance = kMock},
      // core/glob.h: it starts with '/', and no '[' lacks a ']' after it.
      {.name = "path",
       .pattern = R"(^/(?![\s\S]*\[[^\]]*$))",
       .description = "A glob on the decoded path, fnmatch(3) without flags (`*` spans '/'): it "
                      "starts with '/', and every '[' is closed.",
       .provenance = kMock},
      {.name = "user", .description = "The user's name, exactly.", .provenance = kMock},
      {.name = "status",
       .type = "integer",
       .minimum = 100,
       .maximum = 599,
       .description = "The HTTP status answered.",
       .provenance = kMock},
      {.name = "since",
       .description = "Entries at or after this wall-clock instant (not the mock clock): epoch "
                      "milliseconds, or an ISO-8601 time with an offset "
                      "(2026-12-01T10:00:00.000+08:00).",
       .provenance = kMock},
      {.name = "plane",
       .allowed = {"ocp", "control", "all"},
       .default_value = "ocp",
       .description = "Whose requests: the OCP API's (what clients sent), the control plane's "
                      "changes (POST, PUT and DELETE under /__mock/ but the journal's own), or "
                      "both.",
       .provenance = kMock},
  };
}

std::vector<Operation> JournalOperations() {
  std::vector<Param> listed = JournalFilters();
  // Resolved as OCP's lists resolve them, never an error (query/paging.h): the mock's choice.
  for (Param paging : {PageParam(), SizeParam()}) {
    paging.provenance = kMock;
    listed.push_back(std::move(paging));
  }
  listed.push_back({.name = "format",
                    .allowed = {"json", "har"},
                    .default_value = "json",
                    .description = "har: every entry the filters match as HAR 1.2, not a page "
                                   "(as GET /__mock/requests.har; page and size are refused).",
                    .provenance = kMock});
  std::vector<Param> exported = JournalFilters();
  exported.push_back({.name = "format",
                      .allowed = {"har"},
                      .description = "Only har, if given.",
                      .provenance = kMock});
  return {
      {.method = "GET",
       .pattern = "/__mock/requests",
       .id = "mockListRequests",
       .summary = "The request journal, newest first, filtered and paged",
       .description = "Every request to OCP's API, answered or refused, is recorded (never its "
                      "body). Any other parameter, or a filter given twice, is refused naming it.",
       .provenance = kMock,
       .params = std::move(listed),
       .answer = {.description = "`data`: `contents` (the entries), `page`, `dropped` (entries "
                                 "the journal's bound has dropped); with format=har, the HAR "
                                 "document of GET /__mock/requests.har instead"},
       .errors = {ErrorKind::kInvalidParameter}},
      {.method = "GET",
       .pattern = "/__mock/requests.har",
       .id = "mockExportRequestsHar",
       .summary = "The request journal as HAR 1.2, oldest first, filtered",
       .description = "Every entry the filters match, for a browser's network panel or any HAR "
                      "tool: absolute URLs from the Host header, the query decoded, Content-Type "
                      "and the body's size. No credentials, bodies or response headers (the "
                      "journal keeps none); the user, access key, trace id and OCP error code in "
                      "`_user`, `_accessKey`, `_traceId`, `_errorCode`. page and size, or any "
                      "other parameter, are refused naming it.",
       .provenance = kMock,
       .params = std::move(exported),
       .answer = {.enveloped = false,
                  .description = "A HAR 1.2 document (`log`: `version`, `creator`, `entries`)"},
       .errors = {ErrorKind::kInvalidParameter}},
      {.method = "DELETE",
       .pattern = "/__mock/requests",
       .id = "mockClearRequests",
       .summary = "Empties the request journal",
       .provenance = kMock,
       .answer = {.description = "`data.cleared`: how many entries it held"}},
      {.method = "GET",
       .pattern = "/__mock/requests/count",
       .id = "mockCountRequests",
       .summary = "How many journal entries match the filters",
       .description = "Any other parameter (page and size too), or a filter given twice, is "
                      "refused naming it.",
       .provenance = kMock,
       .params = JournalFilters(),
       .answer = {.description = "`data.count`"},
       .errors = {ErrorKind::kInvalidParameter}},
  };
}

std::vector<Operation> FaultOperations() {
  return {
      {.method = "POST",
       .pattern = "/__mock/faults",
       .id = "mockAddFault",
       .summary = "Adds a fault rule",
       .description = "A body that is not a valid rule, a status OCP's error catalogue has no "
                      "entry for without its code and message, or one rule past the 256 held, is "
                      "a 400 naming the JSON pointer and the reason; nothing is added.",
       .provenance = kMock,
       .body = Body{.schema = "fault-rule"},
       .answer = {.description = "`data`: the rule with its `id`, `matched` and `fired` counts "
                                 "(and `remaining` when it has `times`)"},
       .errors = {ErrorKind::kBadRequest}},
      {.method = "GET",
       .pattern = "/__mock/faults",
       .id = "mockListFaults",
       .summary = "The fault rules, in the order added, with their counts",
       .provenance = kMock,
       .answer = {.description = "`data`: `contents` (the rules, as POST answers each), `seed`"}},
      {.method = "DELETE",
       .pattern = "/__mock/faults",
       .id = "mockClearFaults",
       .summary = "Removes every fault rule",
       .provenance = kMock,
       .answer = {.description = "`data.cleared`: how many rules were held"}},
      {.method = "DELETE",
       .pattern = "/__mock/faults/{faultId}",
       .id = "mockRemoveFault",
       .summary = "Removes one fault rule",
       .provenance = kMock,
       .answer = {.description = "`data.removed`: the rule's id"},
       .errors = {ErrorKind::kNotFound}},
  };
}

std::vector<Operation> TaskOperations() {
  const std::string checked =
      " Checked as fixture files are at start-up (the version's fixture-file schema, the "
      "impossible states, cluster and tenant ids consistent with every other task), with the "
      "same messages: a refused body is a 400 and changes nothing. POST /__mock/reset (or "
      "?only=tasks) undoes every change.";
  const std::string counts = "`data`: `added`, `replaced`, `tasks` (the count now held)";
  return {
      {.method = "PUT",
       .pattern = "/__mock/tasks/{taskId}",
       .id = "mockPutTask",
       .summary = "Adds one task, or replaces the task with that id",
       .description = "The body is one fixture entry ({\"task\": {...}, \"hostIds\": [...]}: "
                      "schemas/fixture-file.schema.json#/definitions/entry); its task's id must "
                      "be the path's." +
                      checked,
       .provenance = kMock,
       .body = Body{},
       .answer = {.description = counts},
       .errors = {ErrorKind::kBadRequest}},
      {.method = "POST",
       .pattern = "/__mock/tasks",
       .id = "mockPostTasks",
       .summary = "Adds or replaces each task of a whole fixture file",
       .description = "The body is a fixture file ({\"format\": \"ocp-mock-fixtures/1\", "
                      "\"tasks\": [...]})." +
                      checked,
       .provenance = kMock,
       .body = Body{.schema = "fixture-file"},
       .answer = {.description = counts},
       .errors = {ErrorKind::kBadRequest}},
      {.method = "DELETE",
       .pattern = "/__mock/tasks/{taskId}",
       .id = "mockDeleteTask",
       .summary = "Removes a task",
       .provenance = kMock,
       .answer = {.description = "`data`: `removed` (1), `tasks` (the count now held)"},
       .errors = {ErrorKind::kTaskNotFound}},
  };
}

Operation ReloadOperation() {
  return {.method = "POST",
          .pattern = "/__mock/fixtures/reload",
          .id = "mockReloadFixtures",
          .summary = "Reads the fixture folder and the users file again, all or nothing",
          .description =
              "Everything is read and checked before anything changes: a broken "
              "file leaves the old data serving, and the 400 names the file, the "
              "place and the reason. Tasks and entities start afresh (runtime "
              "changes forgotten); the clock, the journal, the rate limits and the "
              "fault rules stay. A server not started from a fixture folder refuses "
              "every reload. SIGHUP does the same.",
          .provenance = kMock,
          .answer = {.description = "`data`: `tasks`, `users`, `clusters`, `tenants`, `hosts` "
                                    "and each family's rows by its name (`hostTypes`), as now "
                                    "served"},
          .errors = {ErrorKind::kBadRequest}};
}

}  // namespace

std::vector<Operation> ControlPlane::Operations() const {
  std::vector<Operation> ops = ClockAndResetOperations(control_.Parts());
  for (auto* part : {JournalOperations, FaultOperations, TaskOperations}) {
    for (Operation& op : part()) ops.push_back(std::move(op));
  }
  ops.push_back(ReloadOperation());
  for (Operation& op : ui::UiOperations()) ops.push_back(std::move(op));
  return ops;
}

}  // namespace mock::api
