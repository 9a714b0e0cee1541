// One pattern for a resource family's data: files read, checked against their schema, and
// turned into rows; the same rows put and removed at runtime through /__mock/, reset and
// reloaded. A family declares what differs (ResourceSpec) and writes no loader, store or control
// code of its own.
//
//   const ResourceSpec kHostTypes{"hostTypes", "host-types", "host-type", "hostTypes"};
//   auto rows = LoadResources(fixtures_dir, kHostTypes, schemas, version);
//   // fixtures/host-types/*.json, each {"format": "ocp-mock-host-types/1", "ocpVersions": [...],
//   //  "hostTypes": [...]}, checked against host-type-file.schema.json
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"

namespace mock::resources {

// What a resource family's data is.
struct ResourceSpec {
  std::string name;    // the family's name: its /__mock/NAME/{id} routes, reset part, reload key
  std::string folder;  // its fixture folder, under the fixture folder: "host-types"
  std::string schema;  // one row's schema, "host-type": the file's is "host-type-file"
  std::string items;   // the file's array of rows: "hostTypes"
  // Rows runtime changes may add between resets (PUT /__mock/NAME/{id} and OCP's creations).
  size_t max_runtime_rows = 10000;
  // The integer member that scopes a row to its parent ("clusterId": a cluster's reports), or
  // empty. The store keeps it beside each row, so that a path's list reads only its own rows
  // without reading every row's JSON (ResourceStore::RowsIn).
  std::string scope = {};
};

// One row: an object with an integer `id`, which never changes (a change replaces the row).
struct Row {
  int64_t id = 0;
  std::shared_ptr<const rapidjson::Document> doc;
  int64_t scope = 0;  // the value of ResourceSpec::scope in doc, set by the store; 0 without
};

// Every `*.json` file of DIR/<spec.folder>/, in name order: each checked against
// `<spec.schema>-file`, its `ocpVersions` honoured as task files' are (a file for other versions
// is skipped, unchecked, and added to `*skipped`). Rows by id ascending. A missing folder is no
// rows. kConfig naming the file and the JSON pointer: unreadable, not JSON, a schema violation,
// an id described twice (differently; the same object twice is no error).
StatusOr<std::vector<Row>> LoadResources(const std::filesystem::path& dir, const ResourceSpec& spec,
                                         const json::SchemaSet& schemas,
                                         const fixtures::FixtureVersion& version = {},
                                         std::vector<std::filesystem::path>* skipped = nullptr);

// A runtime row (PUT /__mock/NAME/{id}): `text` must be one row valid against `spec.schema`; its
// `id`, when given, must be `id`, and when not, is set to it. kInvalidArgument naming the JSON
// pointer and what was expected.
StatusOr<Row> ParseRow(std::string_view text, int64_t id, const ResourceSpec& spec,
                       const json::SchemaSet& schemas);

}  // namespace mock::resources
