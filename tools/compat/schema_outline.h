// What a client sees of a response schema, flattened to one entry per field, so that two OCP
// versions' schemas can be compared the way a client would notice: fields added or removed,
// types changed, enum values added or removed, fields that became required or optional.
//
//   Outline a = OutlineOf(profile_421.schema_dirs, "task-list-response").value();
//   a["data.contents[].cluster.type"].values  // {"\"PRIMARY\"", "\"STANDBY\""}
//   DiffOutlines(a, b)                        // [{path, "enum values removed: \"STANDBY\""}]
//
// `$ref` (to files and to fragments), `allOf` (all apply), `oneOf`/`anyOf` (any applies),
// `properties`, `items`, `type`, `enum`, `const` and `required` are read; other keywords (patterns,
// bounds) are not part of the outline.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/status.h"
#include "mock/json/schema_dirs.h"

namespace compat {

// One alternative of a oneOf/anyOf: its types and, when restricted, its values.
struct Form {
  std::set<std::string> types;                  // empty: any
  std::optional<std::set<std::string>> values;  // nullopt: open
  bool operator==(const Form&) const = default;
};

struct Field {
  std::set<std::string> types;                  // JSON types allowed; empty: any
  std::optional<std::set<std::string>> values;  // allowed values as JSON text; nullopt: open
  bool required = false;                        // its object must have it
  // The alternatives when the field is a oneOf/anyOf (4.2.2's error code: a string, or the
  // integer 0): `types` and `values` are their union, which alone would say "any integer".
  std::vector<Form> forms;
};

// Field path ("data.contents[].cluster.type") to Field.
using Outline = std::map<std::string, Field>;

// The outline of schema `name` (file NAME.schema.json found through `dirs`). Fails on a missing
// file or `$ref`, or nesting deeper than 64 (a recursive schema).
mock::StatusOr<Outline> OutlineOf(const mock::json::SchemaDirs& dirs, std::string_view name);

struct Change {
  std::string path;
  std::string what;  // "added (optional, string)", "removed", "type integer -> string", ...
};

// What changed from `from` to `to`, in path order.
std::vector<Change> DiffOutlines(const Outline& from, const Outline& to);

// True when every response `narrow` allows is allowed by `wide` as well (as far as the outline
// tells): no field `wide` lacks, types and values within `wide`'s, every field `wide` requires
// required too.
bool WithinOutline(const Outline& narrow, const Outline& wide);

}  // namespace compat
