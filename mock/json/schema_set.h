// The JSON Schemas under schemas/, compiled once and shared. Schemas refer to each other by file
// name (`"$ref": "cluster.schema.json"`); every reference must resolve inside the folder.
//
//   StatusOr<SchemaSet> schemas = SchemaSet::Load("schemas");
//   auto violations = schemas.value().Validate("task-list-response", doc);
//   // violations[0].path == "/data/contents/0/status", .message == "Failed to match ..."
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_dirs.h"

namespace mock::json {

struct Violation {
  std::string path;     // JSON Pointer to the offending value ("" is the document itself)
  std::string message;  // what the schema expected there
};

class SchemaSet {
 public:
  // Compiles every `NAME.schema.json` in `dir`; fails naming the file and the reason.
  static StatusOr<SchemaSet> Load(const std::filesystem::path& dir);
  // The same over several folders: a file in an earlier folder hides one of the same name in a
  // later one, for the set's names and for every `$ref` (schema_dirs.h).
  static StatusOr<SchemaSet> Load(const SchemaDirs& dirs);

  SchemaSet(SchemaSet&&) noexcept;
  SchemaSet& operator=(SchemaSet&&) noexcept;
  ~SchemaSet();

  bool Has(std::string_view name) const;
  // Where the set's files are found (for schema_enum.h).
  const SchemaDirs& dirs() const;

  // Checks `doc` against schema `name` (file name without `.schema.json`). Empty when valid.
  // Thread-safe: each call uses its own validator.
  std::vector<Violation> Validate(std::string_view name, const rapidjson::Value& doc) const;

  // The same verdict as Validate, several times faster on large documents (RapidJSON's
  // validator; fixture_loader checks a million tasks with it): nullopt when `doc` is valid,
  // else the first violation as "POINTER: violates KEYWORD". Validate gives the full story.
  std::optional<std::string> QuickCheck(std::string_view name, const rapidjson::Value& doc) const;

  // Parses `text` first; a parse error is reported as a violation at "".
  std::vector<Violation> ValidateText(std::string_view name, std::string_view text) const;

 private:
  struct Impl;
  explicit SchemaSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses `text` (called `name` in errors) and checks it against schema `schema`, first with
// QuickCheck, then, only if that fails, with Validate for the message. The failure
// (kInvalidArgument) reads "NAME: line L, column C: not valid JSON" or
// "NAME: /json/pointer: does not match SCHEMA.schema.json: reason".
StatusOr<rapidjson::Document> ParseAndValidate(std::string_view text, const std::string& name,
                                               std::string_view schema, const SchemaSet& schemas);

// "path: message" lines, at most `limit` of them.
std::string Describe(const std::vector<Violation>& violations, size_t limit = 5);

}  // namespace mock::json
