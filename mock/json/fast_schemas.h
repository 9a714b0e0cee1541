// RapidJSON's JSON Schema validator over the same schema files as SchemaSet's Valijson one.
// It is several times faster (no path bookkeeping per node; patterns are code,
// rapidjson_patterns.h), which matters for fixture sets of a million tasks, but it only names
// the first violation by JSON Pointer and keyword. SchemaSet uses it as the first pass and Valijson
// for the message. Internal to mock/json; the two are checked to agree in schema_set_test.cc.
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

class FastSchemas {
 public:
  // Compiles `names` (file names without `.schema.json`) from `dirs`. Fails on a `$ref` to a
  // file that does not exist or is not JSON: RapidJSON would silently ignore it.
  static StatusOr<std::shared_ptr<const FastSchemas>> Load(const SchemaDirs& dirs,
                                                           const std::vector<std::string>& names);
  ~FastSchemas();

  // nullopt when `doc` is valid; else "POINTER: violates KEYWORD" ("/" for the document).
  // Thread-safe: checking changes nothing in the compiled schemas.
  std::optional<std::string> FirstViolation(std::string_view name,
                                            const rapidjson::Value& doc) const;

 private:
  struct Impl;
  explicit FastSchemas(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mock::json
