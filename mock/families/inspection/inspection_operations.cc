// What each of the inspection family's OCP routes is (reply/operation.h), for the OpenAPI
// documents; the /__mock/inspectionItems ones are ResourceFamily's. No OCP page documents these
// endpoints (docs/reference/ocp-alarms-and-inspection.md §5): the paths, parameters and fields
// are what the public MCP server sends and its docstrings name (client); the rest is the
// mock's (docs/inspection.md).
#include "mock/families/inspection/inspection_family.h"
#include "mock/reply/list_params.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

const std::vector<std::string> kTypes = {"OB_CLUSTER", "OB_TENANT", "HOST", "OB_PROXY"};

Param TypeParam(const char* name, bool required, const char* note) {
  return {.name = name,
          .required = required,
          .allowed = kTypes,
          .description = std::string("The inspection object type (client). ") + note,
          .provenance = Provenance::kClient};
}

Param TagIdParam(const char* name, bool required) {
  return {.name = name,
          .type = "integer",
          .required = required,
          .minimum = 1,
          .maximum = 4,
          .description =
              "The scenario: 1 basic, 2 performance, 3 deep, 4 installation "
              "inspection (client). Another value is invalidParameter naming it.",
          .provenance = Provenance::kClient};
}

std::vector<Param> WithPaging(std::vector<Param> params, const listing::ListSpec& list,
                              const char* default_sort) {
  for (Param& p : api::ListParams(list, {.default_sort = default_sort,
                                        .filters = Provenance::kMock,
                                        .paging = Provenance::kMock,
                                        .sort_note = "Sorted by id only (mock)."})) {
    params.push_back(std::move(p));
  }
  return params;
}

std::vector<Param> InfoParams() {
  return {TagIdParam("tagId", true),
          TypeParam("objectType", true, "Required (client)."),
          {.name = "objectId",
           .type = "integer",
           .format = "int64",
           .description = "Only this object's report; absent: every object's (client).",
           .provenance = Provenance::kClient}};
}

}  // namespace

std::vector<Operation> InspectionFamily::OcpOperations() const {
  const std::string base = "/api/v2/inspection";
  std::vector<ErrorKind> list_errors = api::ListErrors(list_);
  list_errors.push_back(ErrorKind::kInvalidParameter);
  return {
      {.method = "GET",
       .pattern = base + "/task",
       .id = "listInspectionTasks",
       .summary = "The inspection tasks: one per report, newest first, paged",
       .description = "No OCP page; the MCP server's get_inspection_tasks (client). Each is a "
                      "report with its task's state (RUNNING, FAILED, SUCCESSFUL).",
       .provenance = Provenance::kClient,
       .params = WithPaging(
           {{.name = "inspectionObjectTypes",
             .repeated = true,
             .allowed = kTypes,
             .description = "Object types, comma-separated (client).",
             .provenance = Provenance::kClient},
            {.name = "tags",
             .type = "integer",
             .repeated = true,
             .description = "Scenario tag ids 1 to 4, comma-separated (client).",
             .provenance = Provenance::kClient},
            {.name = "taskStates",
             .repeated = true,
             .allowed = {"RUNNING", "FAILED", "SUCCESSFUL"},
             .description = "Task states (client).",
             .provenance = Provenance::kClient},
            {.name = "name",
             .description = "A case-insensitive substring of the object's name (client: the "
                            "parameter; mock: the match).",
             .provenance = Provenance::kClient}},
           list_, "id,desc"),
       .answer = {.schema = "inspection-task-list-response"},
       .errors = list_errors},
      {.method = "GET",
       .pattern = base + "/overview",
       .id = "listInspectionObjects",
       .summary = "The objects of one type that can be inspected, with their newest report",
       .description = "No OCP page; the MCP server's get_inspection_overview (client). The "
                      "mock holds no inspection schedules: every object is INACTIVE (mock).",
       .provenance = Provenance::kClient,
       .params = WithPaging(
           {{.name = "objectIds",
             .type = "integer",
             .repeated = true,
             .description = "Object ids, comma-separated (client).",
             .provenance = Provenance::kClient},
            TypeParam("inspectionObjectType", false, "Absent: OB_CLUSTER (mock)."),
            {.name = "scheduleStates",
             .repeated = true,
             .allowed = {"ACTIVE", "INACTIVE", "EXPIRED"},
             .description = "Schedule states (client); only INACTIVE selects any (mock).",
             .provenance = Provenance::kClient},
            {.name = "name",
             .description = "A case-insensitive substring of the object's name (mock match).",
             .provenance = Provenance::kClient},
            {.name = "parentName",
             .description = "A case-insensitive substring of a tenant's cluster name (mock "
                            "match).",
             .provenance = Provenance::kClient}},
           list_, "id,asc"),
       .answer = {.schema = "inspection-overview-response"},
       .errors = list_errors},
      {.method = "GET",
       .pattern = base + "/report/info",
       .id = "getInspectionReportInfo",
       .summary = "The last SUCCESSFUL report of each object of a type, for a scenario",
       .description = "No OCP page; the MCP server's get_inspection_report_info; data.contents "
                      "of InspectionReportAggrInfo (client).",
       .provenance = Provenance::kClient,
       .params = InfoParams(),
       .answer = {.schema = "inspection-report-info-response"},
       .errors = {ErrorKind::kInvalidParameter}},
      {.method = "GET",
       .pattern = base + "/report/info/item/{itemId}",
       .id = "getInspectionItemLastResult",
       .summary = "The last SUCCESSFUL report of each object, with one item's result",
       .description = "No OCP page; the MCP server's get_inspection_item_last_result (client). "
                      "An item the catalogue lacks is recordNotFound (mock).",
       .provenance = Provenance::kClient,
       .params = InfoParams(),
       .answer = {.schema = "inspection-report-info-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kRecordNotFound}},
      {.method = "GET",
       .pattern = base + "/report/{id}",
       .id = "getInspectionReport",
       .summary = "One inspection report, its items' results once its task succeeded",
       .description = "No OCP page; the MCP server's get_inspection_report (client). An "
                      "unknown id is recordNotFound (mock).",
       .provenance = Provenance::kClient,
       .answer = {.schema = "inspection-report-response"},
       .errors = {ErrorKind::kRecordNotFound}},
      {.method = "POST",
       .pattern = base + "/run",
       .id = "runInspection",
       .summary = "Runs a scenario on objects: one Inspection task, one report per object",
       .description = "No OCP page; the MCP server's run_inspection sends its parameters in the "
                      "query and no body (client). The task runs on the mock clock; each "
                      "report's results are found when it is run, shown once the task "
                      "succeeded. An object the type lacks is recordNotFound naming it (mock).",
       .provenance = Provenance::kClient,
       .params = {TypeParam("inspectionObjectType", true, "Required (client)."),
                  {.name = "objectIds",
                   .type = "integer",
                   .repeated = true,
                   .required = true,
                   .description = "Object ids, comma-separated (client).",
                   .provenance = Provenance::kClient},
                  TagIdParam("tag", true)},
       .answer = {.schema = "async-task-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kRecordNotFound,
                  ErrorKind::kBadRequest}},
  };
}

}  // namespace mock::families
