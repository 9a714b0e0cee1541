// Writes tasks as OCP's JSON structures, keys in alphabetical order as in OCP's samples; absent
// optional fields are omitted, and fixture-only data (hosts, scripts) never appears.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>
#include <string_view>

#include "mock/model/task.h"

namespace mock::api {

// RapidJSON's writer, plus a fast way to insert JSON written earlier.
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;

  // Writes `object`, a complete JSON object, as the next value. RapidJSON's RawValue copies a
  // byte at a time with a check on each; this is one memcpy (cached list entries are most of a
  // list response).
  void RawObject(std::string_view object) {
    Prefix(rapidjson::kObjectType);
    std::memcpy(os_->Push(object.size()), object.data(), object.size());
  }
};

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
