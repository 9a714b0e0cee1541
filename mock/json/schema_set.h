// The JSON Schemas under schemas/, compiled once and shared. Schemas refer to each other by file
// name (`"$ref": "cluster.schema.json"`); every reference must resolve inside the folder.
//
//   StatusOr<SchemaSet> schemas = SchemaSet::Load("schemas");
//   auto violations = schemas.value().Validate("task-list-response", doc);
//   // violations[0].path == "/data/contents/0/status",
//   // .message == "\"DONE\" is not one of \"RUNNING\", \"FAILED\", \"SUCCESSFUL\""
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
  std::string message;  // in words: what is there and what the schema expected (see Validate)
  // When the violation is a field the schema does not list, in the object at `path`: its name
  // (tools/client/tolerant_reader.h sets such fields aside).
  std::string unknown_field = {};
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
  //
  // Deepest place first. Each message is a sentence that names the value and what the schema
  // expected there (violation_words.h has the full list), to be shown after the path:
  //   /error/code: expected an integer, got the string "COM10011"
  //   /data/contents/0: unknown field "finsihTime" (did you mean "finishTime"?)
  //   /data/status: "DONE" is not one of "RUNNING", "FAILED", "SUCCESSFUL", "PENDING"
  //   /data: missing required field "finishTime"
  //   /duration: expected at least 0, got -1
  //   /timestamp: expected a date-time like 2026-12-01T10:00:00.000+08:00 (pattern ^...$), got "x"
  // Where a value may take one of several forms (anyOf, oneOf), all are named:
  //   /error/code: expected a string matching ^[A-Z]{3}[0-9]{5}$ or 0, got the integer 4001
  // Valijson's reports that only say a part around the failure failed ("Failed to validate
  // item #0 in array.") are left out, as is a message said before at the same place.
  std::vector<Violation> Validate(std::string_view name, const rapidjson::Value& doc) const;

  // The same verdict as Validate, several times faster on large documents (RapidJSON's
  // validator; fixture_loader checks a million tasks with it): nullopt when `doc` is valid,
  // else the first violation as "POINTER: violates KEYWORD" ("/tasks/0/task/status: violates
  // enum"; "/" for the document itself). Validate gives the story in words. A schema that uses
  // a keyword RapidJSON does not know (draft04_coverage.h) is checked by Valijson instead,
  // and the violation is its first message.
  std::optional<std::string> QuickCheck(std::string_view name, const rapidjson::Value& doc) const;
  // Whether QuickCheck checks schema `name` with RapidJSON (false: with Valijson, slower).
  bool RapidJsonCovers(std::string_view name) const;

  // Validate's answer at QuickCheck's cost where the document is valid, as most are: Valijson,
  // whose std::regex patterns are compiled again on every call, runs only to put a violation
  // QuickCheck found into words. Where the two validators disagree (QuickCheck refuses what
  // Valijson accepts), one violation at "" says so, rather than accepting the document.
  // Request bodies and runtime rows are checked with it.
  std::vector<Violation> Check(std::string_view name, const rapidjson::Value& doc) const;

  // Parses `text` first; a parse error is reported as a violation at "".
  std::vector<Violation> ValidateText(std::string_view name, std::string_view text) const;

 private:
  struct Impl;
  explicit SchemaSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses `text` (called `name` in errors) and checks it against schema `schema`, first with
// QuickCheck, then, only if that fails, with Validate for the message. The failure
// (kInvalidArgument) reads "NAME: not valid JSON at line L, column C: reason" or
// "NAME: /json/pointer: MESSAGE (SCHEMA.schema.json)", MESSAGE the first of Validate's:
//   a.json: /tasks/1/task/status: "RUNNNING" is not one of "RUNNING", "FAILED", "SUCCESSFUL"
//   (fixture-file.schema.json)
StatusOr<rapidjson::Document> ParseAndValidate(std::string_view text, const std::string& name,
                                               std::string_view schema, const SchemaSet& schemas);

// ParseAndValidate in its two steps, for a caller that reads the document between them (a
// fixture file's `ocpVersions`, which decide whether it is checked at all): each fails with the
// sentence ParseAndValidate gives for that step.
StatusOr<rapidjson::Document> ParseNamed(std::string_view text, const std::string& name);
Status CheckNamed(const rapidjson::Value& doc, const std::string& name, std::string_view schema,
                  const SchemaSet& schemas);

// "path: message" lines, at most `limit` of them.
std::string Describe(const std::vector<Violation>& violations, size_t limit = 5);

}  // namespace mock::json
