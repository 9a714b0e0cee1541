// The security schemes: HTTP Basic always, OCP's AK/SK signature where the version accepts it
// (docs/authentication.md; document.h).
#include "mock/openapi/document_parts.h"
#include "mock/reply/access.h"

namespace mock::openapi::parts {
namespace {

using rapidjson::Value;

constexpr std::string_view kBasic = "basic";
constexpr std::string_view kAkSk = "ocpAkSk";

constexpr const char* kBasicWords =
    "HTTP Basic, which every OCP version accepts (doc: docs/reference/ocp-task-api.md 1.2.1). "
    "Checked before the route: wrong or missing credentials are a 401 whatever the path "
    "(docs/authentication.md).";

// OpenAPI has no scheme for a signature, so it is said as the header it travels in.
constexpr const char* kAkSkWords =
    "OCP's AK/SK signature, OCP 4.0.3 and later (doc: docs/reference/ocp-task-api.md 1.2.2): "
    "`Authorization: OCP-ACCESS-KEY-HMACSHA1 AK:signature` with a `Date` header (RFC 1123, less "
    "than 15 minutes from the server's clock). signature = Base64(HMAC-SHA1(SK, message)), "
    "message = the method, the uppercase hex MD5 of the body, the Content-Type, the Date, the "
    "Host, the sorted `x-ocp-*` headers, one per line, then the path and the sorted, RFC "
    "3986-encoded query. Where OCP's docs contradict themselves the mock accepts either reading "
    "(docs/authentication.md).";

Value Requirement(std::string_view scheme, Alloc& a) {
  Value r(rapidjson::kObjectType);
  r.AddMember(Text(scheme, a), Value(rapidjson::kArrayType), a);
  return r;
}

}  // namespace

Value SecuritySchemes(const versions::Profile& profile, Alloc& a) {
  Value schemes(rapidjson::kObjectType);
  Value basic(rapidjson::kObjectType);
  basic.AddMember("type", "http", a);
  basic.AddMember("scheme", "basic", a);
  basic.AddMember("description", rapidjson::StringRef(kBasicWords), a);
  schemes.AddMember(Text(kBasic, a), basic, a);
  if (profile.ak_sk) {
    Value aksk(rapidjson::kObjectType);
    aksk.AddMember("type", "apiKey", a);
    aksk.AddMember("in", "header", a);
    aksk.AddMember("name", "Authorization", a);
    aksk.AddMember("description", rapidjson::StringRef(kAkSkWords), a);
    schemes.AddMember(Text(kAkSk, a), aksk, a);
  }
  return schemes;
}

Value SecurityOf(api::Access access, const versions::Profile& profile, Alloc& a) {
  Value security(rapidjson::kArrayType);
  if (!api::NeedsCredentials(access)) return security;
  security.PushBack(Requirement(kBasic, a), a);
  if (profile.ak_sk) security.PushBack(Requirement(kAkSk, a), a);
  return security;
}

}  // namespace mock::openapi::parts
