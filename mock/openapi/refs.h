// Every `$ref` of a document resolves inside it: what BuildDocument checks of what it built, and
// the tests of what they read back.
//
//   UnresolvedRefs(doc);  // {} or {"/paths/~1api~1v2~1x/get/...: #/components/schemas/y"}
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace mock::openapi {

// Each `$ref` that is not a local JSON Pointer ("#/...") to a value of `doc`, as
// "WHERE: REF" (WHERE the JSON Pointer of the object holding it). The values of `examples`,
// `default`, `enum` and `const` are data, not schemas, and are not looked into.
std::vector<std::string> UnresolvedRefs(const rapidjson::Value& doc);

}  // namespace mock::openapi
