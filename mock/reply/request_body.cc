#include "mock/reply/request_body.h"

#include <algorithm>

#include "mock/json/json.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {

std::string FieldName(const std::string& pointer) {
  std::string out;
  size_t pos = 1;
  while (pos <= pointer.size() && !pointer.empty()) {
    const size_t end = std::min(pointer.find('/', pos), pointer.size());
    const std::string part = pointer.substr(pos, end - pos);
    const bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    out += index ? "[" + part + "]" : (out.empty() ? "" : ".") + part;
    pos = end + 1;
  }
  return out.empty() ? "request body" : out;
}

StatusOr<rapidjson::Document> CheckedBody(const std::string& body, const char* schema,
                                          const json::SchemaSet& schemas) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos)
    return ocp::BadRequest("Required request body is missing");
  auto doc = json::ParseJson(body);
  if (!doc.ok()) return ocp::BadRequest("JSON parse error: " + doc.status().message());
  auto violations = schemas.Check(schema, doc.value());
  if (!violations.empty()) {
    const json::Violation& v = violations.front();
    return ocp::InvalidParameter(FieldName(v.path), FieldName(v.path) + ": " + v.message);
  }
  return std::move(doc).value();
}

}  // namespace mock::api
