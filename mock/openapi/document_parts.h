// The pieces document.cc assembles a document from, one file each: an operation's parameters
// and body (operation_object.cc), its responses (responses.cc), its security (security.cc).
// Internal to mock/openapi; document.h states what they make.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "mock/openapi/join.h"
#include "mock/versions/profile.h"

namespace mock::openapi::parts {

using Alloc = rapidjson::Document::AllocatorType;

// What every piece reads.
struct Context {
  const versions::Profile& profile;
  const std::filesystem::path& samples_dir;
  Alloc& alloc;
  // The schemas the document names, filled as the pieces name them (schema_bundle.h bundles
  // them, and whatever they refer to, at the end).
  std::set<std::string>& schemas;
  // What samples are checked against (DocumentInputs::schemas); nullptr: none is.
  const json::SchemaSet* validator;
};

// The name of the error answers' schema (error-envelope.schema.json) and of the generic envelope
// (envelope.schema.json): every version has both.
inline constexpr std::string_view kErrorEnvelope = "error-envelope";
inline constexpr std::string_view kEnvelope = "envelope";

// A JSON media type: application/json or any +json.
inline bool IsJson(std::string_view media) {
  return media == "application/json" || media.ends_with("+json");
}

inline rapidjson::Value Text(std::string_view s, Alloc& a) {
  return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

// {"$ref": "#/components/schemas/NAME"}, and NAME noted in the context.
rapidjson::Value SchemaRef(std::string_view name, Context& c);

// The `{...}` segments of a pattern, in order.
std::vector<std::string> PathIds(const std::string& pattern);

// The Operation Object but for its responses and security: operationId, summary, description,
// tags, the x-ocp- fields, parameters, requestBody.
StatusOr<rapidjson::Value> OperationObject(const DescribedOperation& d, Context& c);

// The Responses Object: the success answer, then the errors by HTTP status.
StatusOr<rapidjson::Value> Responses(const DescribedOperation& d, Context& c);

// components.securitySchemes: `basic`, and `ocpAkSk` when the profile accepts AK/SK.
rapidjson::Value SecuritySchemes(const versions::Profile& profile, Alloc& a);

// The operation's `security`: both schemes (or Basic alone) where credentials are needed, an
// empty list (none) for public and control routes.
rapidjson::Value SecurityOf(api::Access access, const versions::Profile& profile, Alloc& a);

}  // namespace mock::openapi::parts
