#include "tools/client/tolerant_reader.h"

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

#include "mock/json/json.h"

namespace contract {
namespace {

constexpr int kMaxPasses = 64;

// "/data/contents/3/x" -> "/data/contents/*/x".
std::string Pattern(const std::string& pointer) {
  std::string out;
  size_t at = 0;
  while (at < pointer.size()) {
    size_t next = pointer.find('/', at + 1);
    std::string segment =
        pointer.substr(at, next == std::string::npos ? std::string::npos : next - at);
    const bool index =
        segment.size() > 1 && segment.find_first_not_of("0123456789", 1) == std::string::npos;
    out += index ? "/*" : segment;
    at = next == std::string::npos ? pointer.size() : next;
  }
  return out;
}

std::string Json(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  std::string s = buf.GetString();
  return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

}  // namespace

TolerantReading ReadTolerantly(const mock::json::SchemaSet& schemas, std::string_view schema,
                               std::string_view body) {
  TolerantReading reading;
  auto parsed = mock::json::ParseJson(body);
  if (!parsed.ok()) {
    reading.violations = schemas.ValidateText(schema, body);
    return reading;
  }
  rapidjson::Document doc = std::move(parsed).value();
  std::set<std::string> seen;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    reading.violations = schemas.Validate(schema, doc);
    bool removed = false;
    for (const auto& v : reading.violations) {
      if (v.unknown_field.empty()) continue;
      const std::string& name = v.unknown_field;
      rapidjson::Value* object = rapidjson::Pointer(v.path.c_str()).Get(doc);
      if (object == nullptr || !object->IsObject() || !object->HasMember(name.c_str())) continue;
      const std::string path = Pattern(v.path) + "/" + name;
      if (seen.insert(path).second) reading.extras.push_back({path, Json((*object)[name.c_str()])});
      object->RemoveMember(name.c_str());
      removed = true;
    }
    if (!removed) break;
  }
  return reading;
}

}  // namespace contract
