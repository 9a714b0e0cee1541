// Loads the task fixtures of a fixture folder: every `*.json` file under `DIR/tasks/`, in file
// name order, each checked against `schemas/fixture-file.schema.json` and then for consistency
// across files. Fixture format: README.md, "Fixtures".
//
//   Result<std::vector<model::Task>> tasks = LoadTaskFixtures("fixtures", schemas);
//   // error subject: "fixtures/tasks/a.json: /tasks/3/task/status: ..."
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/error.h"
#include "mock/json/schema_set.h"
#include "mock/model/task.h"

namespace mock::store {

// Fails on the first bad file, naming the file, the JSON Pointer (or line and column for a
// syntax error) and the reason. Refused: unreadable files, invalid JSON, schema violations,
// impossible timestamps, a task id defined twice (in any files), a subtask id defined twice in
// one task, a tenant without a cluster, and one cluster or tenant id with two different names,
// types or modes. A folder with no `tasks/` subfolder is an error; an empty one is not.
// A file with `ocpVersions` is read only when `version.name` is one of them (else it is neither
// checked nor loaded, and is added to `*skipped`); `schemas` should be that version's. A file
// naming a version not in `version.known` is refused (a typo would hide it from every version).
struct FixtureVersion {
  FixtureVersion(std::string played = "", std::vector<std::string> all = {})  // NOLINT
      : name(std::move(played)), known(std::move(all)) {}
  FixtureVersion(const char* played) : name(played) {}  // NOLINT(google-explicit-constructor)
  std::string name;                                     // "" loads only the files for every version
  std::vector<std::string> known;                       // empty: names are not checked
};
Result<std::vector<model::Task>> LoadTaskFixtures(
    const std::filesystem::path& dir, const json::SchemaSet& schemas,
    const FixtureVersion& version = {}, std::vector<std::filesystem::path>* skipped = nullptr);

// The same checks for one fixture file's `text`, called `name` in errors.
Result<std::vector<model::Task>> ParseTaskFixtures(std::string_view text, std::string_view name,
                                                   const json::SchemaSet& schemas);

}  // namespace mock::store
