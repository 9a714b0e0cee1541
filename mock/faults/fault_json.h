// Fault rules to and from JSON (schemas/fault-rule.schema.json): POST /__mock/faults' body, the
// --faults file, and the rules as GET /__mock/faults lists them.
//
//   {"match": {"method": "GET", "path": "/api/v2/tasks/instances/*"},
//    "action": {"type": "status", "status": 503}, "times": 2}
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/faults/fault_rules.h"
#include "mock/json/json_writer.h"
#include "mock/json/schema_set.h"

namespace mock::faults {

// One rule from `text` (called `name` in errors), checked against fault-rule.schema.json and
// for what a schema cannot say (a '[' never closed, a delay range whose min exceeds its max).
// kInvalidArgument naming the JSON pointer and the reason.
StatusOr<FaultRule> ParseRule(std::string_view text, const std::string& name,
                              const json::SchemaSet& schemas);

// The rules of a --faults file (fault-file.schema.json), in order; kConfig naming the file, the
// JSON pointer and the reason.
StatusOr<std::vector<FaultRule>> LoadFaultFile(const std::filesystem::path& path,
                                               const json::SchemaSet& schemas);
// The same for a file's `text`, called `name` in errors.
StatusOr<std::vector<FaultRule>> ParseFaultFile(std::string_view text, const std::string& name,
                                                const json::SchemaSet& schemas);

// {"id", "match", "action", "times", "probability", "seed", "matched", "fired", "remaining"}:
// the rule in the shape it was given, and how it has fared.
void WriteRuleState(json::JsonWriter& w, const RuleState& state);

std::string_view ActionTypeName(ActionType type);

}  // namespace mock::faults
