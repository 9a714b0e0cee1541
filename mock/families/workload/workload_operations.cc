// What each of the workload (AWR) family's OCP routes is (reply/operation.h), for the OpenAPI
// documents; the /__mock/workloadReports ones are ResourceFamily's. The facts:
// docs/reference/ocp-client-flows.md 5.1 to 5.6 (no ocp-doc page; en.oceanbase.com's EP-SNAP
// and EP-REP, version not shown); the choices: docs/awr-reports.md.
#include "mock/families/workload/workload_family.h"
#include "mock/reply/list_params.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

constexpr const char* kOperationsPath =
    "An unknown cluster is 11001 / OBE11001 (doc: the code; mock: when).";

// The creation's three parameters (doc: EP-REP, "location not stated"), bound as Spring's
// @RequestParam from the query string, then a form body (framework, client): each required, but
// in either place, so neither the query's nor the form's marks it required.
std::vector<Param> ReportParams() {
  const char* kWhere =
      " Required, in the query string (the MCP server) or an "
      "application/x-www-form-urlencoded body (obdiag); the query's first.";
  return {{.name = "name",
           .description = std::string("The report's name (doc: String, required); blank is "
                                      "invalidParameter.") +
                          kWhere},
          {.name = "startSnapshotId",
           .type = "integer",
           .format = "int64",
           .description = std::string("The ID of the start snapshot for the report (doc: Long, "
                                      "required); one the cluster has.") +
                          kWhere},
          {.name = "endSnapshotId",
           .type = "integer",
           .format = "int64",
           .description = std::string("The ID of the end snapshot (doc: Long, required): after "
                                      "the start, within 24 snapshots (the user guide: \"within "
                                      "24 hours after the Snapshot Start Point\"), else 1010 / "
                                      "COM10010.") +
                          kWhere}};
}

}  // namespace

std::vector<Operation> WorkloadFamily::OcpOperations() const {
  const std::string base = "/api/v2/ob/clusters/{id}/performance/workload";
  std::vector<ErrorKind> list_errors = api::ListErrors(list_);
  list_errors.insert(list_errors.begin(), ErrorKind::kClusterNotFound);
  return {
      {.method = "GET",
       .pattern = base + "/snapshots",
       .id = "listWorkloadSnapshots",
       .summary = "Query a cluster's snapshots: data.contents of {snapshotId, snapshotTime}",
       .description = std::string("Ascending, hourly, not paged (doc: EP-SNAP's sample). The "
                                  "docs' prerequisite is read and write permissions on the "
                                  "cluster; the mock has no per-cluster grants and asks "
                                  "CLUSTER_VIEWER (mock). ") +
                      kOperationsPath,
       .params = {{.name = "snapshotId",
                   .type = "integer",
                   .format = "int64",
                   .description = "The ID of the start snapshot (doc): the snapshots from it on. "
                                  "Anything but a 64-bit integer is invalidParameter."}},
       .answer = {.schema = "workload-snapshot-list-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kInvalidParameter}},
      {.method = "POST",
       .pattern = base + "/reports",
       .id = "createWorkloadReport",
       .summary = "Generate a performance report: the report, CREATING, with its task's id",
       .description =
           std::string("Starts a \"Generate workload report\" task on the mock clock; the "
                       "report's status is its task's (CREATING, SUCCESSFUL, FAILED; doc: the "
                       "values). A snapshot the cluster does not have is recordNotFound naming "
                       "it; a JSON body is not read, as Spring reads none for @RequestParam "
                       "(framework). ") +
           kOperationsPath,
       .params = ReportParams(),
       .body = api::Body{.media_type = "application/x-www-form-urlencoded",
                         .fields = ReportParams(),
                         .required = false},
       .answer = {.schema = "workload-report-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kBadRequest, ErrorKind::kInvalidParameter,
                  ErrorKind::kRecordNotFound, ErrorKind::kTimeRangeInvalid}},
      {.method = "GET",
       .pattern = base + "/reports",
       .id = "listWorkloadReports",
       .summary = "A cluster's performance reports: a page, newest first",
       .description = std::string("No API page (the user guide shows the list, filterable by "
                                  "status and sortable by its times; doc-ui). obdiag reads the "
                                  "first page for the report it has just created (client). ") +
                      kOperationsPath,
       .provenance = Provenance::kClient,
       .params = api::ListParams(
           list_, {.default_sort = "id,desc",
                   .filters = Provenance::kMock,
                   .paging = Provenance::kClient,
                   .sort_note = "Newest first by default, because obdiag reads only the first "
                                "page (client); the sortable properties are the mock's choice, "
                                "after the user guide's sortable columns."}),
       .answer = {.schema = "workload-report-list-response"},
       .errors = std::move(list_errors)},
      {.method = "GET",
       .pattern = base + "/reports/{reportId}",
       .id = "downloadWorkloadReport",
       .summary = "Download a performance report: an HTML document",
       .description = std::string("No API page; obdiag and the MCP server save the body as "
                                  ".html (client); the content type and the answers for an "
                                  "unknown or unfinished report are not documented: an unknown "
                                  "one is recordNotFound, one not SUCCESSFUL badRequest (mock). ") +
                      kOperationsPath,
       .provenance = Provenance::kClient,
       .answer = {.media_type = "text/html;charset=UTF-8",
                  .enveloped = false,
                  .description = "The report, a whole HTML document"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound, ErrorKind::kBadRequest}},
  };
}

}  // namespace mock::families
