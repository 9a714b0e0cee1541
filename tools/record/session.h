// What ocp-record's recorders share: one session with the live server (its credentials, its
// language, every answer checked against the version's schemas) and the atomic file write.
#pragma once

#include <filesystem>
#include <string>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "tools/client/http_client.h"
#include "tools/record/recorder.h"

namespace record {

class Session {
 public:
  Session(const RecordOptions& o, const mock::json::SchemaSet& schemas, RecordReport& report);

  // GET `target`; a 200 JSON body checked against `schema` (its first violation is added to the
  // report), else an error naming the request.
  mock::StatusOr<rapidjson::Document> Get(const std::string& target, const char* schema);

 private:
  const RecordOptions& o_;
  const mock::json::SchemaSet& schemas_;
  RecordReport& report_;
  contract::HttpClient client_;
};

// Writes `text` to a temporary file beside `path`, syncs it, and renames it over `path`: a
// crash leaves the previous file whole.
mock::Status WriteAtomically(const std::filesystem::path& path, const std::string& text);

// `s`, cut to 200 characters for a message.
std::string Excerpt(const std::string& s);

}  // namespace record
