// The phrases violation_words.h builds its sentences from: a value as a message names it, and
// what a schema allows, in a few words. Internal to mock/json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/json/schema_walk.h"

namespace mock::json {

// `v` as JSON text, cut (at a character's start) after 60 bytes: a message names the value, it
// does not quote a whole object.
std::string JsonText(const rapidjson::Value& v);

// `s` as a JSON string: "\"finishTime\"".
std::string Quoted(std::string_view s);

// `v` with its kind, for a value of the wrong type: "the string \"x\"", "the integer 5",
// "the number 1.5", "true", "null", "the object {...}", "an empty array".
std::string Kinded(const rapidjson::Value& v);

// "a, b or c".
std::string OrList(const std::vector<std::string>& words);

// `n` `noun`s: "1 item", "3 items".
std::string Counted(uint64_t n, std::string_view noun);

// The types `type` (a type name or a list of them) names: "an integer", "a string or null".
std::string Types(const rapidjson::Value& type);

// Whether `type` (a type name or a list of them) lets `v` through, as Valijson's strong types do:
// 5.0 is a number, not an integer.
bool TypeAllows(const rapidjson::Value& type, const rapidjson::Value& v);

// The values of an `enum` array, listed: "\"RUNNING\", \"FAILED\"" (the first 12, then
// "and 3 more").
std::string Listed(const rapidjson::Value& values);

// A string schema with a `pattern`: "a date-time like 2026-12-01T10:00:00.000+08:00 (pattern P)"
// when it has a `title` and `examples`, else "a string matching P".
std::string Patterned(const rapidjson::Value& schema);

// What schema `node` allows, in a few words, for naming each alternative of an anyOf or oneOf:
// "0", "one of \"A\", \"B\"", "a string matching ^x$", "an integer from 0 to 60000", "null".
std::string Allowed(const SchemaFileFinder& files, SchemaNode node, int depth = 0);

// The alternatives of anyOf/oneOf array `choice` (in schema file `file`), as Allowed words them,
// joined: "a string matching ^[A-Z]{3}[0-9]{5}$ or 0".
std::string Alternatives(const SchemaFileFinder& files, const rapidjson::Value* file,
                         const rapidjson::Value& choice, int depth = 0);

// Whether some alternative of `choice` takes values of `v`'s JSON type, so that its own
// failures (a missing field, a number out of range) say more than naming every alternative.
bool SomeAlternativeTakesItsType(const SchemaFileFinder& files, const rapidjson::Value* file,
                                 const rapidjson::Value& choice, const rapidjson::Value& v);

// Whether value `v` breaks constraint `keyword` (enum, const, pattern, minimum, maxLength,
// minItems, ...), whose value is `k`; true for those not checked here (format, multipleOf).
bool Breaks(std::string_view keyword, const rapidjson::Value& k, const rapidjson::Value& v);

// What to say when `v` breaks constraint `keyword` of schema object `schema`, which has it:
// "expected at least 0, got -1", "\"DONE\" is not one of \"RUNNING\", \"FAILED\"".
std::string Broken(std::string_view keyword, const rapidjson::Value& schema,
                   const rapidjson::Value& v);

}  // namespace mock::json
