// POST /api/v2/inspection/run's task: "Inspection", two subtasks on the mock clock (collect, then
// report), and its answer in the shape every operation that starts a task answers
// (async-task-instance.schema.json). The run's reports end when it does (inspection_reports.h).
//
//   auto task = InspectionTask(id, creator, now_ms, /*objects=*/2);
#pragma once

#include <cstdint>

#include "mock/core/status.h"
#include "mock/json/json_writer.h"
#include "mock/model/task.h"

namespace mock::families::inspection {

// The task a run starts, running from `now_ms`; `objects` names how many it inspects.
StatusOr<model::Task> InspectionTask(int64_t task_id, const model::Creator& creator, int64_t now_ms,
                                     size_t objects);

// `task` as the run answers it: id, name, creator (a name), operation, status, subtasks, type.
void WriteInspectionTask(json::JsonWriter& w, const model::Task& task);

}  // namespace mock::families::inspection
