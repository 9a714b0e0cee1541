// Loads the entity files of a fixture folder: every `*.json` under `DIR/entities/` (optional),
// in file name order, each checked against `schemas/entity-file.schema.json` (the version's
// schemas, so 4.2.0 refuses a STANDBY cluster as it refuses a STANDBY task) and then across
// files. Format: docs/entities.md.
//
//   StatusOr<EntitySet> set = LoadEntityFixtures("fixtures", schemas, "4.2.2");
//   // then entities::Complete(set, tasks) adds what the tasks name
#pragma once

#include <filesystem>
#include <vector>

#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"

namespace mock::entities {

// Refused (kConfig, naming the file and the JSON Pointer): unreadable or invalid files, schema
// violations, one id described twice differently, and two tenants of one cluster with one name.
// A file whose `ocpVersions` leave out `version` is skipped, as task files are, and added to
// `*skipped` (when given) for the caller to log.
StatusOr<EntitySet> LoadEntityFixtures(const std::filesystem::path& dir,
                                       const json::SchemaSet& schemas,
                                       const fixtures::FixtureVersion& version = {},
                                       std::vector<std::filesystem::path>* skipped = nullptr);

}  // namespace mock::entities
