// Writes tasks as OCP's JSON structures, keys in alphabetical order as in OCP's samples; absent
// optional fields are omitted, and fixture-only data (hosts, scripts) never appears.
#pragma once

#include "mock/json/json_writer.h"
#include "mock/model/task.h"

namespace mock::api {

using json::JsonWriter;

// BasicTaskInstance, as listed: cluster, creator, finishTime, id, name, startTime, status,
// subtasks (BasicSubtaskInstance: description, id, name, operation, status), tenant.
void WriteBasicTask(JsonWriter& w, const model::Task& task);

// WrappedTaskInstance, as the detail, retry and rollback answer: the basic fields plus
// createTime, executor, operation, prohibitRollback, taskDefinitionId, type, and full
// SubtaskInstances.
void WriteWrappedTask(JsonWriter& w, const model::Task& task);

// SubtaskInstance: createTime, description, downstreams, executor, finishTime, id, name,
// nodeType, operation, parallelIdx, prohibitRollback, runTime, seriesId, startTime, status,
// timeout, upstreams.
void WriteSubtask(JsonWriter& w, const model::Subtask& subtask);

}  // namespace mock::api
