// ocp-record: pages through a live OCP's task list, fetches each task's detail and subtask logs
// (up to limits), records its clusters, tenants and hosts (entity_recorder.h), and writes a
// fixture set ocp-mock loads unchanged.
//
//   RecordOptions o{.target = ..., .out = "recorded"};
//   StatusOr<RecordReport> r = Record(o, schemas);   // writes recorded/tasks/recorded.json
//
// Guarantees: only response data is written (never a credential, nor the base URL's user
// part); the file is written to a temporary name and renamed, so a crash leaves the previous
// set whole; the file is checked exactly as ocp-mock checks fixtures before it replaces
// anything; every response is checked against the version's schemas, read tolerantly (fields the
// docs do not list are observations, one per field path), and each violation is reported.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"

namespace record {

struct RecordOptions {
  std::string base_url;
  std::optional<std::string> user, password;          // Basic
  std::optional<std::string> access_key, secret_key;  // AK/SK instead of Basic when given
  std::filesystem::path out;                          // the fixture folder to write
  std::string ocp_version;                            // whose schemas the responses must meet
  size_t max_tasks = 1000;
  size_t max_details = 1000;  // tasks whose detail is fetched (the rest: the list's view)
  size_t max_logs = 200;      // subtask logs fetched in all
  size_t page_size = 100;
  bool anonymise = false;
  std::string language = "en-US";  // Accept-Language of every request; "" sends none
};

struct RecordReport {
  size_t tasks = 0, details = 0, logs = 0;
  size_t clusters = 0, tenants = 0, hosts = 0;
  std::filesystem::path file;
  std::filesystem::path entity_file;    // empty when the entities were not recorded (see notes)
  std::vector<std::string> violations;  // "GET ...: /pointer: message", responses that broke
                                        // the schemas (recorded anyway when still loadable)
  // Fields OCP's docs do not list, one per schema and field path (Session::Observations): a
  // real OCP's choice, read tolerantly as ocp-compat does, never a violation.
  std::vector<std::string> observations;
  std::vector<std::string> notes;  // what could not be recorded, and why
};

// Fails (writing nothing) when the server cannot be read, or when what it answered does not
// make a loadable fixture set. `progress` gets a line per page.
mock::StatusOr<RecordReport> Record(const RecordOptions& options,
                                    const mock::json::SchemaSet& schemas,
                                    const std::function<void(const std::string&)>& progress);

}  // namespace record
