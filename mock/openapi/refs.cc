#include "mock/openapi/refs.h"

#include <rapidjson/pointer.h>

#include <cctype>
#include <string>
#include <string_view>

namespace mock::openapi {
namespace {

bool IsData(std::string_view key) {
  return key == "examples" || key == "default" || key == "enum" || key == "const";
}

// `%XX` escapes undone (RFC 3986, section 2.1); anything else kept as it is.
std::string Decoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool escape = s[i] == '%' && i + 2 < s.size() &&
                        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                        std::isxdigit(static_cast<unsigned char>(s[i + 2]));
    if (!escape) {
      out += s[i];
      continue;
    }
    out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
    i += 2;
  }
  return out;
}

// RFC 6901's escapes, so that the place can be found again.
std::string Escaped(std::string_view key) {
  std::string out;
  for (char ch : key) out += ch == '~' ? "~0" : ch == '/' ? "~1" : std::string(1, ch);
  return out;
}

// Maps whose keys are names (a property called `default` is a schema, not data).
bool NamesSchemas(std::string_view key) {
  return key == "properties" || key == "patternProperties" || key == "$defs" ||
         key == "dependentSchemas" || key == "schemas";
}

// `names`: the keys of `v` are names, not keywords.
void Walk(const rapidjson::Value& root, const rapidjson::Value& v, const std::string& at,
          bool names, std::vector<std::string>& out) {
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      Walk(root, v[i], at + "/" + std::to_string(i), false, out);
    }
    return;
  }
  if (!v.IsObject()) return;
  for (const auto& m : v.GetObject()) {
    const std::string_view key(m.name.GetString(), m.name.GetStringLength());
    if (key == "$ref" && !names) {
      const std::string ref = m.value.IsString() ? m.value.GetString() : "(not a string)";
      // The fragment read as a plain JSON Pointer: RapidJSON's URI-fragment mode wants `$`
      // percent-encoded, which RFC 3986 does not (a `$defs` segment is a valid fragment).
      const rapidjson::Pointer pointer(ref.starts_with("#/") ? Decoded(ref.substr(1)).c_str() : "");
      const bool local = ref.starts_with("#/") && pointer.IsValid();
      if (!local || pointer.Get(root) == nullptr)
        out.push_back((at.empty() ? "/" : at) + ": " + ref);
      continue;
    }
    if (names || !IsData(key)) {
      Walk(root, m.value, at + "/" + Escaped(key), !names && NamesSchemas(key), out);
    }
  }
}

}  // namespace

std::vector<std::string> UnresolvedRefs(const rapidjson::Value& doc) {
  std::vector<std::string> out;
  Walk(doc, doc, "", false, out);
  return out;
}

}  // namespace mock::openapi
