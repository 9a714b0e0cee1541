// What each of the task family's routes is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-task-api.md 2.1 to 2.8 (the eight pages) and
// docs/reference/ocp-client-flows.md 3.1 (GET /api/v2/tasks/{taskId}); the choices where the
// docs are silent: docs/api.md.
#include <string>

#include "mock/families/tasks/task_family.h"
#include "mock/model/task.h"
#include "mock/query/sort.h"
#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

// The wire spellings of an enum of model/task.h, in declaration order.
template <typename Enum>
std::vector<std::string> Spellings(size_t count) {
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.emplace_back(model::ToString(static_cast<Enum>(i)));
  return out;
}

Param IdFilter(const char* name, const char* what) {
  return {.name = name,
          .type = "integer",
          .format = "int64",
          .description = std::string(what) +
                         " Trimmed; blank is absent; anything but a 64-bit decimal integer is "
                         "invalidParameter naming it (mock: decimal digits only, where Spring "
                         "would also take 0x10 and #10)."};
}

// A keyword filter's description: `lead`, then how the keyword matches.
std::string Keyword(std::string_view lead) {
  std::string out(lead);
  out +=
      " Fuzzy match is supported (doc): an ASCII case-insensitive substring (mock); sent "
      "twice, its values joined by a comma, as Spring binds a scalar (framework).";
  return out;
}

// The list's parameters, in the docs' order. The task list is not a listing::ListSpec (it runs
// on its own index, query/task_index.h), so its filters are written here once, as
// query::ParseTaskQuery binds them (query/query_params.h); their enum values come from the
// model and the sortable properties from query/sort.h.
std::vector<Param> TaskListParams() {
  std::vector<std::string> sort_keys;
  for (size_t i = 0; i < query::kSortKeyCount; ++i)
    sort_keys.emplace_back(query::SortPropertyName(static_cast<query::SortKey>(i)));
  return {
      {.name = "name",
       .description = Keyword("The keyword in the name of the task (doc: \"Prepare host\").")},
      {.name = "status",
       .repeated = true,
       .allowed = Spellings<model::TaskStatus>(model::kTaskStatusCount),
       .description = "The status of the task (doc: StringArray, `RUNNING,FAILED`). "
                      "Comma-separated and/or repeated; elements trimmed, blank ones ignored; "
                      "another value is invalidParameter (framework, mock)."},
      {.name = "type",
       .allowed = Spellings<model::TaskType>(model::kTaskTypeCount),
       .description = "MANUAL: a manually initiated task; SYS_ONECE (OCP's spelling): a one-time "
                      "task executed by the system; SCHEDULED: a non-built-in scheduled task; "
                      "SYS_SCHEDULED: a built-in scheduled task (doc). Trimmed; blank is absent; "
                      "another value is invalidParameter."},
      {.name = "cluterName",
       .description = Keyword("The keyword in the name of the cluster, spelled as OCP's docs "
                              "spell it (doc).")},
      {.name = "clusterName",
       .description = Keyword("The same as cluterName, spelled correctly (client: the copy of "
                              "the docs in yuanoOo/mcp-oceanbase uses it, "
                              "docs/reference/ocp-task-api.md 6); both given, both must match."),
       .provenance = Provenance::kClient},
      IdFilter("clusterId", "The ID of the cluster (doc)."),
      {.name = "tenantName",
       .description = "The name of the tenant, which must be used with the ID of the cluster "
                      "(doc): without clusterId it is invalidParameter. An exact, case-sensitive "
                      "match (mock)."},
      IdFilter("tenantId", "The ID of the tenant (doc)."),
      IdFilter("hostId", "The ID of the host (doc): a host the task ran on."),
      api::PageParam(),
      api::SizeParam(),
      api::SortParam(sort_keys, "id,desc",
                     "Without `sort`, newest first (framework: OCP Express's "
                     "@PageableDefault(sort = id, direction = DESC), and the order of the "
                     "documented sample); ties broken on id descending. The sortable properties "
                     "are the mock's choice: OCP documents only the example `id,asc`."),
  };
}

// A subtask operation's route, whose answer and errors differ.
Operation SubtaskOperation(std::string path, std::string id, std::string summary,
                           std::string schema, std::vector<ErrorKind> errors,
                           std::vector<std::string> samples = {}) {
  return {.method = "POST",
          .pattern = std::move(path),
          .id = std::move(id),
          .summary = std::move(summary),
          .answer = {.schema = std::move(schema)},
          .errors = std::move(errors),
          .samples = std::move(samples)};
}

}  // namespace

std::vector<Operation> TaskFamily::Operations() const {
  const std::string t = "/api/v2/tasks/instances";
  const std::string task = t + "/{taskInstanceId}";
  const std::string subtask = task + "/subtasks/{subtaskInstanceId}";
  const char* kStates =
      "docs/api.md, \"State rules\": the rules of OCP's code family (OCP "
      "Express's task manager); OCP's docs give only the operations.";
  return {
      {.method = "GET",
       .pattern = t,
       .id = "listTaskInstances",
       .summary = "Query tasks: a page of BasicTaskInstances",
       .description = "Every given filter must hold; unknown parameters are ignored "
                      "(framework). A task without a cluster or tenant never matches a cluster "
                      "or tenant filter.",
       .params = TaskListParams(),
       .answer = {.schema = "task-list-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kUnsupportedSort},
       .samples = api::SampleFiles("query-tasks", {"4.0.0", "4.2.0", "4.2.2"})},
      {.method = "GET",
       .pattern = task,
       .id = "getTaskInstance",
       .summary = "Query details about a task: its WrappedTaskInstance",
       .answer = {.schema = "task-detail-response"},
       .errors = {ErrorKind::kTaskNotFound},
       .samples = api::SampleFiles("task-detail", {"4.2.2"})},
      {.method = "GET",
       .pattern = "/api/v2/tasks/{taskId}",
       .id = "getTask",
       .summary = "A task's details, as GET /api/v2/tasks/instances/{taskInstanceId}",
       .description = "Not in OCP's docs: the terraform provider for private OCP polls every "
                      "write's task here and reads the detail's id, status and name "
                      "(docs/reference/ocp-client-flows.md 3.1). An unknown task is the detail's "
                      "404, which it reads as gone.",
       .provenance = Provenance::kClient,
       .answer = {.schema = "task-detail-response"},
       .errors = {ErrorKind::kTaskNotFound}},
      {.method = "POST",
       .pattern = task + "/retry",
       .id = "retryTaskInstance",
       .summary = "Retry a task: the WrappedTaskInstance after the change",
       .description = std::string("Only a FAILED task that was not rolling back; its FAILED "
                                  "subtasks run again. ") +
                      kStates,
       .answer = {.schema = "task-detail-response"},
       .errors = {ErrorKind::kTaskNotFound, ErrorKind::kTaskStateInvalid},
       .samples = api::SampleFiles("retry-task", {"4.2.2"})},
      {.method = "POST",
       .pattern = task + "/rollback",
       .id = "rollbackTaskInstance",
       .summary = "Roll back a task: the WrappedTaskInstance after the change",
       .description = std::string("Only a FAILED task whose prohibitRollback is false; every "
                                  "subtask that ran is undone in reverse graph order. ") +
                      kStates,
       .answer = {.schema = "task-detail-response"},
       .errors = {ErrorKind::kTaskNotFound, ErrorKind::kTaskStateInvalid,
                  ErrorKind::kTaskCannotRollback}},
      {.method = "GET",
       .pattern = subtask + "/log",
       .id = "getSubtaskLog",
       .summary = "Query logs of a subtask instance: {\"log\": \"...\"}",
       .description = "A subtask the task does not have is taskNotFound, as an unknown task.",
       .answer = {.schema = "subtask-log-response"},
       .errors = {ErrorKind::kTaskNotFound},
       .samples = api::SampleFiles("subtask-log", {"4.2.2"})},
      // The docs' retry-subtask sample is not JSON (retry-subtask-4.2.2.invalid.txt): none here.
      SubtaskOperation(subtask + "/retry", "retrySubtask",
                       "Retry a subtask: the SubtaskInstance after the change", "subtask-response",
                       {ErrorKind::kTaskNotFound, ErrorKind::kTaskStateInvalid}),
      SubtaskOperation(subtask + "/skip", "skipSubtask",
                       "Skip a subtask: the envelope without data", "no-data-response",
                       {ErrorKind::kTaskNotFound, ErrorKind::kSubtaskCannotSkip},
                       api::SampleFiles("skip-subtask", {"4.2.2"})),
      SubtaskOperation(subtask + "/cancel", "cancelSubtask",
                       "Cancel a subtask: the envelope without data", "no-data-response",
                       {ErrorKind::kTaskNotFound, ErrorKind::kTaskStateInvalid}),
  };
}

}  // namespace mock::families
