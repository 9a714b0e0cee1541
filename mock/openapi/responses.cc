// An operation's Responses Object: its success answer with the version's samples, and its
// errors by HTTP status, each kind an example in the version's words (document.h).
#include <map>
#include <set>

#include "mock/json/json.h"
#include "mock/ocp/error_kinds.h"
#include "mock/openapi/document_parts.h"
#include "mock/reply/access.h"
#include "mock/reply/envelope.h"

namespace mock::openapi::parts {
namespace {

using ocp::ErrorKind;
using rapidjson::Value;

// The examples' envelope fields that vary per answer, fixed so that a document is the same each
// time it is built.
constexpr std::string_view kExampleTimestamp = "2026-12-01T10:00:00.000+08:00";
constexpr std::string_view kExampleTraceId = "0123456789abcdef";

// The kinds an operation can answer: its own, its access level's, and invalidParameter for a
// path id that is not one (api.cc, Invoke).
std::set<ErrorKind> KindsOf(const DescribedOperation& d) {
  std::set<ErrorKind> kinds(d.op.errors.begin(), d.op.errors.end());
  if (api::NeedsCredentials(d.access)) {
    kinds.insert(ErrorKind::kUnauthenticated);
    kinds.insert(ErrorKind::kThrottled);  // only users are throttled (api.cc, Admitted)
  }
  if (api::PermissionFor(d.access)) kinds.insert(ErrorKind::kPermissionDenied);
  if (!PathIds(d.op.pattern).empty()) kinds.insert(ErrorKind::kInvalidParameter);
  return kinds;
}

// What the mock answers for `kind`: the one error envelope (reply/envelope.h), its message the
// catalogue's with `{0}`, `{1}`... left as they are documented.
StatusOr<Value> ErrorExample(ErrorKind kind, const api::EnvelopeSettings& settings, Alloc& a) {
  const api::RequestContext context{std::string(kExampleTraceId)};
  const Status failure = ocp::OcpError(kind, "", {"{0}", "{1}", "{2}", "{3}"});
  const http::Response r = api::Failure(settings, context, failure);
  auto body = json::ParseJson(r.body);
  if (!body.ok()) return InternalError("the error envelope is not JSON: " + r.body);
  rapidjson::Document& doc = body.value();
  doc["timestamp"].SetString(kExampleTimestamp.data(),
                             static_cast<rapidjson::SizeType>(kExampleTimestamp.size()));
  doc["duration"].SetInt64(0);
  return Value(doc, a);
}

StatusOr<Value> ErrorResponse(const std::vector<ErrorKind>& kinds, Context& c) {
  Alloc& a = c.alloc;
  const api::EnvelopeSettings settings{"ocp-mock", c.profile.errors};
  Value examples(rapidjson::kObjectType);
  std::string description;
  for (ErrorKind kind : kinds) {
    const ocp::CatalogEntry& entry = c.profile.errors.Lookup(kind);
    const std::string name(ocp::ErrorKindName(kind));
    const std::string said = name + " (" + entry.CodeText() + "): " + entry.message;
    description += (description.empty() ? "" : " ") + said;
    auto value = ErrorExample(kind, settings, a);
    if (!value.ok()) return value.status();
    Value example(rapidjson::kObjectType);
    example.AddMember("summary", Text(said, a), a);
    example.AddMember("value", std::move(value).value(), a);
    examples.AddMember(Text(name, a), example, a);
  }
  Value media(rapidjson::kObjectType);
  media.AddMember("schema", SchemaRef(kErrorEnvelope, c), a);
  media.AddMember("examples", examples, a);
  Value content(rapidjson::kObjectType);
  content.AddMember("application/json", media, a);
  Value response(rapidjson::kObjectType);
  response.AddMember("description", Text(description, a), a);
  response.AddMember("content", content, a);
  return response;
}

// The samples of this version among `files` ("NAME-4.2.2.json" for 4.2.2) as Example Objects in
// `media`; those not valid against `schema` (when the context checks them) in its
// `x-ocp-sample-errata` instead.
Status AddSamples(const std::vector<std::string>& files, std::string_view schema, Context& c,
                  Value& media) {
  Alloc& a = c.alloc;
  std::error_code ec;
  if (c.samples_dir.empty() || !std::filesystem::is_directory(c.samples_dir, ec)) return {};
  Value examples(rapidjson::kObjectType), errata(rapidjson::kArrayType);
  const std::string suffix = "-" + c.profile.version + ".json";
  for (const std::string& file : files) {
    if (!file.ends_with(suffix)) continue;
    auto text = json::ReadFile(c.samples_dir / file);
    if (!text.ok()) return ConfigError("sample " + text.status().message());
    auto doc = json::ParseJson(text.value());
    if (!doc.ok()) return ConfigError("sample " + file + ": " + doc.status().message());
    const std::string where = "contract_tests/samples/" + file;
    if (c.validator != nullptr && !schema.empty()) {
      if (auto v = c.validator->Validate(schema, doc.value()); !v.empty()) {
        Value erratum(rapidjson::kObjectType);
        erratum.AddMember("sample", Text(where, a), a);
        erratum.AddMember("violation", Text(json::Describe(v, 1), a), a);
        errata.PushBack(erratum, a);
        continue;
      }
    }
    Value example(rapidjson::kObjectType);
    example.AddMember("summary", Text("OCP's documented sample (" + where + ")", a), a);
    example.AddMember("value", Value(doc.value(), a), a);
    examples.AddMember(Text(file.substr(0, file.size() - 5), a), example, a);
  }
  if (examples.MemberCount() > 0) media.AddMember("examples", examples, a);
  if (!errata.Empty()) media.AddMember("x-ocp-sample-errata", errata, a);
  return {};
}

StatusOr<Value> SuccessResponse(const api::Operation& op, Context& c) {
  Alloc& a = c.alloc;
  const api::Answer& answer = op.answer;
  Value media(rapidjson::kObjectType);
  if (answer.enveloped && answer.media_type != "application/json") {
    return ConfigError("an enveloped answer is application/json, not " + answer.media_type);
  }
  // The schema, by name where there is one (`data` of any type: the generic envelope).
  const std::string_view named = !answer.schema.empty() ? std::string_view(answer.schema)
                                 : answer.enveloped     ? kEnvelope
                                                        : std::string_view();
  if (!named.empty()) {
    media.AddMember("schema", SchemaRef(named, c), a);
  } else {
    Value any(rapidjson::kObjectType);
    if (!IsJson(answer.media_type)) any.AddMember("type", "string", a);
    media.AddMember("schema", any, a);
  }
  if (IsJson(answer.media_type)) {
    if (Status s = AddSamples(op.samples, named, c, media); !s.ok()) return s;
  }
  Value content(rapidjson::kObjectType);
  content.AddMember(Text(answer.media_type, a), media, a);
  Value response(rapidjson::kObjectType);
  response.AddMember("description", Text(answer.description, a), a);
  response.AddMember("content", content, a);
  return response;
}

}  // namespace

StatusOr<Value> Responses(const DescribedOperation& d, Context& c) {
  Alloc& a = c.alloc;
  auto success = SuccessResponse(d.op, c);
  if (!success.ok()) return success.status();
  Value responses(rapidjson::kObjectType);
  responses.AddMember(Text(std::to_string(d.op.answer.status), a), std::move(success).value(), a);
  std::map<int, std::vector<ErrorKind>> by_status;
  for (ErrorKind kind : KindsOf(d)) by_status[ocp::HttpStatusFor(kind)].push_back(kind);
  for (const auto& [status, kinds] : by_status) {
    if (status == d.op.answer.status) {
      return ConfigError("the success status " + std::to_string(status) + " is an error's too");
    }
    auto response = ErrorResponse(kinds, c);
    if (!response.ok()) return response.status();
    responses.AddMember(Text(std::to_string(status), a), std::move(response).value(), a);
  }
  return responses;
}

}  // namespace mock::openapi::parts
