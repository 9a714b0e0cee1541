// An Operation Object's own fields, its parameters and its request body (document.h).
#include <charconv>

#include "mock/openapi/document_parts.h"
#include "mock/reply/access.h"
#include "mock/reply/route.h"

namespace mock::openapi::parts {
namespace {

using rapidjson::Value;

constexpr std::string_view kOctets = "application/octet-stream";
// Spring binds a list parameter from repeated keys and from commas alike (docs/api.md); OpenAPI
// can say only one of the two. It says commas (explode false), OCP's documented form
// (`status=RUNNING,FAILED`: docs/reference/ocp-task-api.md, StringArray), which a validator
// given explode true refuses (Prism 5.14.2 did, on the contract suite's requests); a validator
// given explode false still takes the repeated form. `sort` is the exception: Spring Data's
// `sort=name,asc` is one value with its comma, repeated for each further property.
constexpr std::string_view kRepeated =
    " Repeat it (`name=a&name=b`) or separate the values with commas (`name=a,b`): Spring binds "
    "both alike (framework).";

bool IsForm(std::string_view media) {
  return media == "multipart/form-data" || media == "application/x-www-form-urlencoded";
}

// `text` as sent on the wire ("10", "true", "id,asc") as the JSON value of `type`.
StatusOr<Value> Typed(const std::string& text, const std::string& type, Alloc& a) {
  const char* end = text.data() + text.size();
  if (type == "integer") {
    int64_t v = 0;
    auto [at, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || at != end) {
      return ConfigError("'" + text + "' is not an integer");
    }
    return Value(static_cast<int64_t>(v));
  }
  if (type == "number") {
    double v = 0;
    auto [at, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || at != end) {
      return ConfigError("'" + text + "' is not a number");
    }
    return Value(v);
  }
  if (type == "boolean") {
    if (text != "true" && text != "false") return ConfigError("'" + text + "' is not a boolean");
    return Value(text == "true");
  }
  return Text(text, a);
}

// The schema of one value of `p`.
StatusOr<Value> ScalarSchema(const api::Param& p, bool multipart, Alloc& a) {
  const std::string& t = p.type;
  if (t != "string" && t != "integer" && t != "boolean" && t != "number") {
    return ConfigError("type '" + t + "' is not string, integer, boolean or number");
  }
  Value s(rapidjson::kObjectType);
  s.AddMember("type", Text(t, a), a);
  if (p.format == "binary") {
    if (!multipart || t != "string") return ConfigError("format binary is a multipart file");
    // OpenAPI 3.1.0 ("Considerations for File Uploads") says a file with contentMediaType, where
    // 3.0 said format: binary.
    s.AddMember("contentMediaType", Text(kOctets, a), a);
  } else if (!p.format.empty()) {
    s.AddMember("format", Text(p.format, a), a);
  }
  if (!p.allowed.empty()) {
    Value values(rapidjson::kArrayType);
    for (const std::string& v : p.allowed) {
      auto typed = Typed(v, t, a);
      if (!typed.ok()) return ConfigError("enum value " + typed.status().message());
      values.PushBack(std::move(typed).value(), a);
    }
    s.AddMember("enum", values, a);
  }
  if (p.minimum) s.AddMember("minimum", Value(static_cast<int64_t>(*p.minimum)), a);
  if (p.maximum) s.AddMember("maximum", Value(static_cast<int64_t>(*p.maximum)), a);
  if (p.max_length) s.AddMember("maxLength", Value(static_cast<int64_t>(*p.max_length)), a);
  if (!p.pattern.empty()) s.AddMember("pattern", Text(p.pattern, a), a);
  return s;
}

// The parameter's schema: one value, or an array of them when repeated; with its default.
StatusOr<Value> ParamSchema(const api::Param& p, bool multipart, Alloc& a) {
  auto scalar = ScalarSchema(p, multipart, a);
  if (!scalar.ok()) return scalar.status();
  Value s = std::move(scalar).value();
  if (p.repeated) {
    Value array(rapidjson::kObjectType);
    array.AddMember("type", "array", a);
    array.AddMember("items", s, a);
    s = std::move(array);
  }
  if (p.default_value) {
    auto typed = Typed(*p.default_value, p.type, a);
    if (!typed.ok()) return ConfigError("default " + typed.status().message());
    if (p.repeated) {
      Value one(rapidjson::kArrayType);
      one.PushBack(std::move(typed).value(), a);
      s.AddMember("default", one, a);
    } else {
      s.AddMember("default", std::move(typed).value(), a);
    }
  }
  return s;
}

std::string Described(const api::Param& p) {
  return p.description + (p.repeated ? std::string(kRepeated) : std::string());
}

Value PathParam(const std::string& name, Alloc& a) {
  Value p(rapidjson::kObjectType);
  p.AddMember("name", Text(name, a), a);
  p.AddMember("in", "path", a);
  p.AddMember("required", true, a);
  if (api::IsTextSegment(name)) {  // {zoneName}: any one segment, as decoded (reply/route.h)
    p.AddMember("description", "A name, as the path gives it (percent-decoded).", a);
    Value s(rapidjson::kObjectType);
    s.AddMember("type", "string", a);
    p.AddMember("schema", s, a);
    return p;
  }
  p.AddMember("description",
              "A 64-bit integer id: OCP's docs type path ids as Long (doc: "
              "docs/reference/ocp-task-api.md 2.2). Anything else is answered 400 "
              "invalidParameter naming this segment (mock: docs/api.md).",
              a);
  Value s(rapidjson::kObjectType);
  s.AddMember("type", "integer", a);
  s.AddMember("format", "int64", a);
  p.AddMember("schema", s, a);
  return p;
}

StatusOr<Value> QueryParam(const api::Param& q, Alloc& a) {
  auto schema = ParamSchema(q, false, a);
  if (!schema.ok()) return ConfigError("parameter " + q.name + ": " + schema.status().message());
  Value p(rapidjson::kObjectType);
  p.AddMember("name", Text(q.name, a), a);
  p.AddMember("in", "query", a);
  if (const std::string d = Described(q); !d.empty()) p.AddMember("description", Text(d, a), a);
  if (q.required) p.AddMember("required", true, a);
  p.AddMember("schema", std::move(schema).value(), a);
  if (q.repeated) {
    p.AddMember("style", "form", a);
    p.AddMember("explode", q.name == "sort", a);
  }
  p.AddMember("x-ocp-provenance", Text(api::ProvenanceName(q.provenance), a), a);
  return p;
}

// A form's fields as an object schema, and (multipart) each file part's content type.
StatusOr<Value> FormContent(const api::Body& b, Alloc& a) {
  const bool multipart = b.media_type == "multipart/form-data";
  Value properties(rapidjson::kObjectType), required(rapidjson::kArrayType);
  Value encoding(rapidjson::kObjectType);
  for (const api::Param& f : b.fields) {
    auto schema = ParamSchema(f, multipart, a);
    if (!schema.ok()) return ConfigError("field " + f.name + ": " + schema.status().message());
    Value s = std::move(schema).value();
    if (const std::string d = Described(f); !d.empty()) s.AddMember("description", Text(d, a), a);
    s.AddMember("x-ocp-provenance", Text(api::ProvenanceName(f.provenance), a), a);
    properties.AddMember(Text(f.name, a), s, a);
    if (f.required) required.PushBack(Text(f.name, a), a);
    if (f.format == "binary") {
      Value e(rapidjson::kObjectType);
      e.AddMember("contentType", Text(kOctets, a), a);
      encoding.AddMember(Text(f.name, a), e, a);
    }
  }
  Value schema(rapidjson::kObjectType);
  schema.AddMember("type", "object", a);
  schema.AddMember("properties", properties, a);
  if (!required.Empty()) schema.AddMember("required", required, a);
  Value media(rapidjson::kObjectType);
  media.AddMember("schema", schema, a);
  if (encoding.MemberCount() > 0) media.AddMember("encoding", encoding, a);
  return media;
}

StatusOr<Value> RequestBody(const api::Body& b, Context& c) {
  Alloc& a = c.alloc;
  Value media(rapidjson::kObjectType);
  if (IsForm(b.media_type)) {
    if (!b.schema.empty()) return ConfigError("a form body has fields, not a schema");
    auto form = FormContent(b, a);
    if (!form.ok()) return form.status();
    media = std::move(form).value();
  } else if (!b.fields.empty()) {
    return ConfigError("a " + b.media_type + " body has a schema, not fields");
  } else if (!b.schema.empty()) {
    media.AddMember("schema", SchemaRef(b.schema, c), a);
  } else {
    Value any(rapidjson::kObjectType);
    if (!IsJson(b.media_type)) any.AddMember("type", "string", a);
    media.AddMember("schema", any, a);
  }
  Value content(rapidjson::kObjectType);
  content.AddMember(Text(b.media_type, a), media, a);
  Value body(rapidjson::kObjectType);
  body.AddMember("required", b.required, a);
  body.AddMember("content", content, a);
  return body;
}

}  // namespace

std::vector<std::string> PathIds(const std::string& pattern) {
  std::vector<std::string> ids;
  for (size_t open = pattern.find('{'); open != std::string::npos;
       open = pattern.find('{', open + 1)) {
    const size_t close = pattern.find('}', open);
    if (close == std::string::npos) break;
    ids.push_back(pattern.substr(open + 1, close - open - 1));
  }
  return ids;
}

StatusOr<Value> OperationObject(const DescribedOperation& d, Context& c) {
  Alloc& a = c.alloc;
  const api::Operation& op = d.op;
  Value o(rapidjson::kObjectType);
  o.AddMember("operationId", Text(op.id, a), a);
  o.AddMember("summary", Text(op.summary, a), a);
  if (!op.description.empty()) o.AddMember("description", Text(op.description, a), a);
  Value tags(rapidjson::kArrayType);
  tags.PushBack(Text(d.tag, a), a);
  o.AddMember("tags", tags, a);
  o.AddMember("x-ocp-provenance", Text(api::ProvenanceName(op.provenance), a), a);
  o.AddMember("x-ocp-permission", Text(api::AccessName(d.access), a), a);
  Value params(rapidjson::kArrayType);
  for (const std::string& id : PathIds(op.pattern)) params.PushBack(PathParam(id, a), a);
  for (const api::Param& q : op.params) {
    auto p = QueryParam(q, a);
    if (!p.ok()) return p.status();
    params.PushBack(std::move(p).value(), a);
  }
  if (!params.Empty()) o.AddMember("parameters", params, a);
  if (op.body) {
    auto body = RequestBody(*op.body, c);
    if (!body.ok()) return ConfigError("request body: " + body.status().message());
    o.AddMember("requestBody", std::move(body).value(), a);
  }
  return o;
}

}  // namespace mock::openapi::parts
