// What ocp-record's recorders share: one session with the live server (its credentials, its
// language, every answer checked against the version's schemas) and the atomic file write.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "tools/client/http_client.h"
#include "tools/record/recorder.h"

namespace record {

class Session {
 public:
  Session(const RecordOptions& o, const mock::json::SchemaSet& schemas, RecordReport& report);

  // GET `target`; a 200 JSON body read against `schema` as ocp-compat reads it (tools/client/
  // tolerant_reader.h): its first violation is added to the report, and each field the docs do
  // not list is counted as an observation of its path; else an error naming the request.
  mock::StatusOr<rapidjson::Document> Get(const std::string& target, const char* schema);

  // One line per field path the docs do not list, over every answer so far:
  // "task-list-response /data/contents/*/creatorId is not documented (e.g. 100), in 3 answers".
  std::vector<std::string> Observations() const;

 private:
  struct Extra {
    std::string example;
    size_t answers = 0;
  };
  const RecordOptions& o_;
  const mock::json::SchemaSet& schemas_;
  RecordReport& report_;
  contract::HttpClient client_;
  std::map<std::string, Extra> extras_;  // "schema path" -> what was seen
};

// Writes `text` to a temporary file beside `path`, syncs it, and renames it over `path`: a
// crash leaves the previous file whole.
mock::Status WriteAtomically(const std::filesystem::path& path, const std::string& text);

// `s`, cut to 200 characters for a message.
std::string Excerpt(const std::string& s);

}  // namespace record
