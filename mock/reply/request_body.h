// A request body as OCP's controllers read one: present, JSON, and valid against the
// operation's request schema, else OCP's error naming the field.
//
//   auto body = CheckedBody(call.request.body, "create-host-type-request", *schemas);
//   // no body: badRequest "Required request body is missing"; bad JSON: badRequest
//   // "JSON parse error: ..."; {"name": 7}: invalidParameter naming `name`
#pragma once

#include <string>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"

namespace mock::api {

// The message Spring gives a missing @RequestBody, and Jackson's parse failure, as OCP's
// badRequest; a schema violation as invalidParameter whose argument is the field, written as a
// client names it ("zones[0].resourcePool.unitCount").
StatusOr<rapidjson::Document> CheckedBody(const std::string& body, const char* schema,
                                          const json::SchemaSet& schemas);

// "/zones/0/resourcePool/unitCount" -> "zones[0].resourcePool.unitCount"; "" -> "request body".
std::string FieldName(const std::string& pointer);

}  // namespace mock::api
