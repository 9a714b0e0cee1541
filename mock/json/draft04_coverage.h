// Whether RapidJSON's validator checks all that a schema says. RapidJSON 1.1 (Debian 12's)
// knows draft-04 only: it ignores `const`, `contains`, `propertyNames`, `if`/`then`/`else`,
// the 2019-09 keywords, a numeric `exclusiveMinimum`/`exclusiveMaximum` (draft-06's form; it
// reads draft-04's boolean one) and `format`, all of which Valijson checks. A schema that uses
// one, itself or through a `$ref`, must be checked by Valijson, or the fast pass would accept
// what the schema refuses (a label named "bad key" on a raised alarm did: `propertyNames`).
//
//   std::set<std::string> refs;
//   bool beyond = UsesKeywordsBeyondDraft04(schema_json, refs);  // refs: "common.schema.json"...
#pragma once

#include <set>
#include <string>

#include <rapidjson/document.h>

namespace mock::json {

// Whether `schema` (a schema file's JSON) itself uses a keyword RapidJSON ignores. Adds to
// `referenced_files` the file part of every `$ref` to another file, for the caller to follow.
// Walks schema positions only: a property named "const" or "if" is a name, not a keyword.
bool UsesKeywordsBeyondDraft04(const rapidjson::Value& schema,
                               std::set<std::string>& referenced_files);

}  // namespace mock::json
