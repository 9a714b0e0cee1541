// Which parts of a schema apply at a place of a document, read from the schema files as JSON: for
// messages that say what was expected there (violation_words.h) and for the values a field
// allows (schema_enum.h). The walk follows $ref (to other files by name, and to fragments),
// properties, additionalProperties, items, allOf, anyOf, oneOf, then and else. It cannot tell
// which alternative of an anyOf or which branch of an if the document meant, so it returns them
// all; the caller looks among them for the constraint it needs.
//
//   SchemaFileFinder files = ...;  // "error.schema.json" -> its parsed JSON
//   for (const SchemaNode& n : SchemaNodesAt(files, "error-envelope.schema.json", "/error/code"))
//     ...  // error-code.schema.json's root, then its oneOf's two alternatives
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace mock::json {

// A schema file's JSON by file name ("error.schema.json"), as `$ref`s name them; nullptr when
// there is none.
using SchemaFileFinder = std::function<const rapidjson::Value*(std::string_view file)>;

// A schema object, its `$ref`s followed.
struct SchemaNode {
  const rapidjson::Value* file = nullptr;   // the file it is in, for "#..." references
  const rapidjson::Value* value = nullptr;  // the schema
  // When it is an alternative of an anyOf or oneOf that applies at the same place: that
  // keyword's array, and the file it is in. The outermost such choice, if they nest.
  const rapidjson::Value* choice = nullptr;
  const rapidjson::Value* choice_file = nullptr;
};

// `node` with its `$ref`s followed (at most 16 deep); nullopt when one does not resolve.
std::optional<SchemaNode> Resolved(const SchemaFileFinder& files, SchemaNode node);

// Every schema object of file `schema` that applies at JSON Pointer `pointer` of a document, in
// schema order: each one followed by the parts it combines (allOf, anyOf, oneOf, then, else).
// Empty when the schema says nothing about that place, or a `$ref` does not resolve.
std::vector<SchemaNode> SchemaNodesAt(const SchemaFileFinder& files, std::string_view schema,
                                      std::string_view pointer);

// Member `key` of `schema`, or nullptr (also when `schema` is not an object).
const rapidjson::Value* Keyword(const rapidjson::Value& schema, const char* key);

}  // namespace mock::json
