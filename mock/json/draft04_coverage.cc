#include "mock/json/draft04_coverage.h"

#include <string_view>

namespace mock::json {
namespace {

bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (key == k) return true;
  }
  return false;
}

// Whether member `key` with `value` is a keyword RapidJSON ignores (draft-06 and later).
bool BeyondDraft04(std::string_view key, const rapidjson::Value& value) {
  if (IsOneOf(key, {"const", "contains", "propertyNames", "if", "then", "else", "dependentRequired",
                    "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "prefixItems",
                    "minContains", "maxContains"})) {
    return true;
  }
  if (IsOneOf(key, {"exclusiveMinimum", "exclusiveMaximum"})) return value.IsNumber();
  return key == "format" && value.IsString();
}

class Walk {
 public:
  explicit Walk(std::set<std::string>& refs) : refs_(refs) {}

  // Visits one schema (an object; anything else says nothing here).
  void Schema(const rapidjson::Value& schema) {
    if (!schema.IsObject()) return;
    for (const auto& member : schema.GetObject()) {
      const std::string_view key(member.name.GetString(), member.name.GetStringLength());
      const rapidjson::Value& value = member.value;
      if (BeyondDraft04(key, value)) beyond_ = true;
      if (key == "$ref" && value.IsString()) Ref(value.GetString());
      if (IsOneOf(key, {"properties", "patternProperties", "definitions", "$defs", "dependencies",
                        "dependentSchemas"})) {
        Named(value);
      } else if (IsOneOf(key, {"allOf", "anyOf", "oneOf", "prefixItems"}) ||
                 (key == "items" && value.IsArray())) {
        Each(value);
      } else if (IsOneOf(key, {"items", "additionalItems", "additionalProperties", "not", "if",
                               "then", "else", "contains", "propertyNames", "unevaluatedProperties",
                               "unevaluatedItems"})) {
        Schema(value);
      }
    }
  }

  bool beyond() const { return beyond_; }

 private:
  // An object whose members are schemas under names (properties, definitions).
  void Named(const rapidjson::Value& v) {
    if (!v.IsObject()) return;
    for (const auto& member : v.GetObject()) Schema(member.value);
  }
  void Each(const rapidjson::Value& v) {
    if (!v.IsArray()) return;
    for (const auto& item : v.GetArray()) Schema(item);
  }
  void Ref(std::string_view ref) {
    const std::string_view file = ref.substr(0, ref.find('#'));
    if (!file.empty()) refs_.insert(std::string(file.substr(file.find_last_of('/') + 1)));
  }

  std::set<std::string>& refs_;
  bool beyond_ = false;
};

}  // namespace

bool UsesKeywordsBeyondDraft04(const rapidjson::Value& schema,
                               std::set<std::string>& referenced_files) {
  Walk walk(referenced_files);
  walk.Schema(schema);
  return walk.beyond();
}

}  // namespace mock::json
