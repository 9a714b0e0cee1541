// Converts one schema-valid fixture entry (`{"task": {...}, "hostIds": [...]}`) to a Task.
#pragma once

#include <rapidjson/document.h>

#include "mock/core/error.h"
#include "mock/model/task.h"

namespace mock::store {

// `entry` must already satisfy fixture-file.schema.json's entry schema. Errors name the JSON
// Pointer below `entry` of a value the schema cannot rule out (an impossible date, say).
Result<model::Task> ReadTaskEntry(const rapidjson::Value& entry);

}  // namespace mock::store
