// One OCP version's JSON Schemas (draft-07 files, schemas/ behind schemas/versions/<v>/:
// json/schema_dirs.h) as the `components/schemas` of an OpenAPI 3.1 document, whose dialect is
// JSON Schema 2020-12, validating exactly what the files validate:
//   - `$schema` is dropped (2020-12 reads it only at a resource's root); an `$id` is refused, as
//     it would move the base every `$ref` below it resolves against (none of ours has one);
//   - `definitions` becomes `$defs`;
//   - `$ref`: "x.schema.json" -> "#/components/schemas/x",
//     "x.schema.json#/definitions/y" -> "#/components/schemas/x/$defs/y", and a local
//     "#/definitions/y" in file THIS -> "#/components/schemas/THIS/$defs/y";
//   - an array of `items` becomes `prefixItems`, and `additionalItems` then becomes `items`
//     (beside a single `items` schema draft-07 ignores `additionalItems`, so it is dropped);
//   - `dependencies` becomes `dependentRequired` (arrays) and `dependentSchemas` (schemas);
//   - a `$ref` beside other keywords: draft-07 ignores the others (Valijson too), 2020-12
//     applies them. Annotations (title, description, examples, default, $comment) are kept, as
//     they validate nothing; any other keyword beside a `$ref` is refused: dropping it would hide
//     a mistake in the schema, keeping it would change what validates;
//   - a keyword that 2020-12 defines and draft-07 does not (prefixItems, unevaluatedProperties,
//     dependentRequired, ...) is refused where a file uses it: draft-07 ignores it, 2020-12 would
//     not.
// Everything else (type, enum, const, properties, required, additionalProperties, allOf, anyOf,
// oneOf, not, if/then/else, pattern, minimum, ...) means the same in both drafts and is copied.
// Only the schemas reachable from the roots are bundled, so a document holds none it never names.
//
//   rapidjson::Value schemas;
//   Status s = BundleSchemas(profile.schema_dirs, {"task-list-response"}, schemas, alloc);
//   // schemas["envelope"], schemas["common"]["$defs"]["timestamp"], ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_dirs.h"

namespace mock::openapi {

// "#/components/schemas/NAME".
std::string ComponentRef(std::string_view name);

struct BundleOptions {
  // Drops every `additionalProperties: false`, so that each object takes fields it does not
  // name (document.h, DocumentInputs::strict); a schema of the extra fields' values is kept.
  bool open_objects = false;
};

// Sets `out` to an object: each schema reachable from `roots` (file names without
// `.schema.json`), converted, under its name, in name order. kConfig naming the file and the
// JSON Pointer of the place when a schema is missing, unreadable, or uses what the conversion
// refuses (above).
Status BundleSchemas(const json::SchemaDirs& dirs, const std::vector<std::string>& roots,
                     rapidjson::Value& out, rapidjson::Document::AllocatorType& alloc,
                     BundleOptions options = {});

}  // namespace mock::openapi
