// The parts of a workload report that need no store: binding the creation's parameters, the
// report's row, its task and its HTML document (docs/awr-reports.md gives each choice).
//
//   auto r = BindReportRequest(request);  // query string + form body; invalidParameter otherwise
//   resources::Row row = NewReportRow({...});
//   std::string html = ReportHtml(*row.doc);
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/http/message.h"
#include "mock/model/task.h"
#include "mock/resources/resource_set.h"

namespace mock::families::workload {

// What POST .../workload/reports asks for.
struct ReportRequest {
  std::string name;
  int64_t start_snapshot_id = 0;
  int64_t end_snapshot_id = 0;
};

// The three parameters as Spring's @RequestParam binds them: from the query string, then from an
// application/x-www-form-urlencoded body (obdiag sends a form body, the MCP server a query string
// and no body); the first value of each counts. A missing, blank or non-integer one is OCP's
// invalidParameter naming it; a form body that does not decode is badRequest. Any other body
// (JSON) is not read, as Spring reads none for @RequestParam.
StatusOr<ReportRequest> BindReportRequest(const http::Request& request);

// Everything a new report's row holds.
struct NewReport {
  int64_t id = 0;
  int64_t cluster_id = 0;
  std::string cluster_name;
  int64_t ob_cluster_id = 0;
  ReportRequest request;
  int64_t begin_ms = 0;  // the start snapshot's time
  int64_t end_ms = 0;    // the end snapshot's time
  int64_t now_ms = 0;    // its generateTime
  int64_t task_id = 0;
  std::string creator;
};

// The report's row (schemas/workload-report.schema.json), CREATING.
resources::Row NewReportRow(const NewReport& report);

// The "Generate workload report" task of report `report` on cluster `cluster`: RUNNING from
// `now_ms`, three subtasks of 5 s each, as the bundled fixtures' tasks of that name.
StatusOr<model::Task> ReportTask(int64_t task_id, const model::Cluster& cluster,
                                 const model::Creator& creator, int64_t now_ms);

// The report's HTML document: names the cluster, the report and both snapshots.
std::string ReportHtml(const rapidjson::Value& row);

}  // namespace mock::families::workload
