// The values a schema allows at a place of a document, read from the schema files (the walk of
// schema_walk.h): the status filters of the entity lists offer exactly what the schemas allow.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/json/schema_dirs.h"

namespace mock::json {

// The `enum` values (as JSON text) of schema file `schema` (e.g. "fixture-file.schema.json") at
// document JSON Pointer `pointer`; nullopt when there is none there or the walk cannot tell.
std::optional<std::vector<std::string>> EnumAt(const SchemaDirs& dirs, std::string_view schema,
                                               std::string_view pointer);

}  // namespace mock::json
