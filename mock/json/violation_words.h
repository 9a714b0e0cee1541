// Valijson's violations told to a person: what is wrong, in words, naming the value and what the
// schema expected at that place, which is read from the schema files (schema_walk.h). Where
// Valijson says "Value type not permitted by 'type' constraint.", these say
//
//   /error/code: expected an integer, got the string "COM10011"
//   /error/code: expected a string matching ^[A-Z]{3}[0-9]{5}$ or 0, got the integer 4001
//   /data/contents/0: unknown field "finsihTime" (did you mean "finishTime"?)
//   /data/status: "DONE" is not one of "RUNNING", "FAILED", "SUCCESSFUL", "PENDING"
//   /data: missing required field "finishTime"
//   /duration: expected at least 0, got -1
//   /timestamp: expected a date-time like 2026-12-01T10:00:00.000+08:00 (pattern ^...$), got "x"
//
// A string is "a date-time like EXAMPLE" when its schema has a `title` ("date-time") and
// `examples`, as common.schema.json's timestamp has; else "a string matching PATTERN".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/json/schema_set.h"
#include "mock/json/schema_walk.h"

namespace mock::json {

// Valijson's violations of `doc` against schema file `schema` ("error-envelope.schema.json"),
// each `message` Valijson's description, in words; an unknown field's name is also given as
// `unknown_field`, and the message suggests the documented field the object lacks that is
// closest to it (ClosestName). Those that only say that a part around a failure failed
// ("Failed to validate item #0 in array.") are left out when another says what failed, as is a
// sentence said before at the same place; the order is kept. A description these do not know
// is kept in Valijson's words, with the value.
std::vector<Violation> InWords(const std::vector<Violation>& valijson, const rapidjson::Value& doc,
                               std::string_view schema, const SchemaFileFinder& files);

// Of `names`, the one closest to `name` when it is close enough to be what a typo meant: at most
// a quarter of the shorter one's letters differ, a swap of two neighbours counting as one
// difference and case as none. The first of equally close ones; nullopt when none is close.
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& names);

}  // namespace mock::json
