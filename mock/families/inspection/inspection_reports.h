// The inspection reports POST /api/v2/inspection/run made since the last reset, each with the
// task that runs it, and their JSON (docs/inspection.md). A report's results are computed when
// it is run, from the world then; its state is its task's, read at every answer: RUNNING while
// the task runs (no results shown), SUCCESSFUL with them, FAILED without them.
//
//   InspectionReports reports;
//   StatusOr<int64_t> id = reports.Add(report);     // kFailedPrecondition past kMaxReports
//   WriteTaskRow(w, report, state);                 // an item of GET /inspection/task
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/families/inspection/inspection_catalog.h"
#include "mock/json/json_writer.h"

namespace mock::families::inspection {

struct Report {
  int64_t id = 0;
  int64_t tag = kMinTag;
  Object object = {};
  int64_t task_id = 0;
  int64_t start_ms = 0;
  std::vector<ItemResult> results = {};
};

// A report's task as read at one answer.
struct TaskState {
  std::string state = "RUNNING";  // RUNNING, SUCCESSFUL, FAILED (client)
  std::optional<int64_t> end_ms;  // the task's finish time once it ended
};

class InspectionReports {
 public:
  // Reports held at most between resets (docs/inspection.md, "Bounds").
  static constexpr size_t kMaxReports = 1000;

  // Holds `report` under the next id (from 1); kFailedPrecondition past kMaxReports.
  StatusOr<int64_t> Add(Report report) OCPMOCK_EXCLUDES(mutex_);
  // Every report, by id ascending.
  std::vector<Report> All() const OCPMOCK_EXCLUDES(mutex_);
  std::optional<Report> Get(int64_t id) const OCPMOCK_EXCLUDES(mutex_);
  // Forgets every report; ids start again from 1.
  void Clear() OCPMOCK_EXCLUDES(mutex_);

 private:
  mutable Mutex mutex_;
  std::vector<Report> reports_ OCPMOCK_GUARDED_BY(mutex_);
  int64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = 1;
};

// {"id", "name"} of a tag.
void WriteTag(json::JsonWriter& w, int64_t tag);
// {"id", "type", "name", "parentName"} of an object.
void WriteObject(json::JsonWriter& w, const Object& o);
// An inspection task (the MCP server's docstring): id (the report's), tag, inspectionObject,
// startTime, endTime (once ended), taskId, itemTotalCount, itemFinishedCount, highRiskCount,
// mediumRiskCount, lowRiskCount (counted once SUCCESSFUL), taskState.
void WriteTaskRow(json::JsonWriter& w, const Report& r, const TaskState& t);
// The task row and, once SUCCESSFUL, resultList: each item's itemId, itemName, state,
// riskLevel, message.
void WriteReport(json::JsonWriter& w, const Report& r, const TaskState& t);
// InspectionReportAggrInfo (the MCP server's docstring): reportId, objectId, objectName,
// objectType, tag, startTime, endTime, resultList (all, or only `item`'s).
void WriteAggrInfo(json::JsonWriter& w, const Report& r, const TaskState& t,
                   std::optional<int64_t> item = std::nullopt);

}  // namespace mock::families::inspection
