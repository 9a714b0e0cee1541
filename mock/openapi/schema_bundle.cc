#include "mock/openapi/schema_bundle.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "mock/json/json.h"

namespace mock::openapi {
namespace {

using Alloc = rapidjson::Document::AllocatorType;
using rapidjson::Value;

constexpr std::string_view kSuffix = ".schema.json";

// draft-07 keywords by what their value holds (draft-07 Validation, sections 6 and 9).
constexpr std::string_view kSchemaMaps[] = {"properties", "patternProperties"};
constexpr std::string_view kOneSchema[] = {
    "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"};
constexpr std::string_view kSchemaArrays[] = {"allOf", "anyOf", "oneOf"};
// Keywords that validate nothing, and so may stand beside a `$ref` in either draft.
constexpr std::string_view kAnnotations[] = {"title", "description", "examples", "default",
                                             "$comment"};
// 2020-12 keywords that draft-07 ignores: in a draft-07 file they would start to validate.
constexpr std::string_view kNewIn2020[] = {
    "$defs",         "prefixItems", "dependentRequired",     "dependentSchemas",
    "$anchor",       "$dynamicRef", "$dynamicAnchor",        "$recursiveRef",
    "$vocabulary",   "minContains", "unevaluatedProperties", "unevaluatedItems",
    "contentSchema", "maxContains", "$recursiveAnchor"};
// Keywords the conversion renames: a `$ref` may not point through them but for a leading
// `definitions` (which becomes `$defs`).
constexpr std::string_view kRenamed[] = {"definitions", "items", "additionalItems", "dependencies"};

template <size_t N>
bool In(std::string_view key, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), key) != std::end(set);
}

Value TextValue(std::string_view s, Alloc& a) {
  return Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

bool ValidComponentName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
}

// Converts one file; the schema files it refers to are added to `refs`.
class Converter {
 public:
  Converter(std::string name, Alloc& alloc, std::set<std::string>& refs, BundleOptions options)
      : name_(std::move(name)), a_(alloc), refs_(refs), options_(options) {}

  Value Schema(const Value& in, const std::string& at) {
    if (in.IsBool()) return Value(in.GetBool());
    if (!in.IsObject()) return Fail(at, "is not a schema (an object or a boolean)");
    const bool has_ref = in.HasMember("$ref");
    const Value* items = json::Find(in, "items");
    const bool items_array = items != nullptr && items->IsArray();
    Value out(rapidjson::kObjectType);
    Value required(rapidjson::kObjectType), schemas(rapidjson::kObjectType);
    for (const auto& m : in.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      const std::string here = at + "/" + key;
      if (key == "$schema") continue;
      if (options_.open_objects && key == "additionalProperties" && m.value.IsFalse()) continue;
      if (key == "$id") return Fail(here, "moves the base of every $ref below it: not supported");
      if (In(key, kNewIn2020)) {
        return Fail(here, "is a JSON Schema 2020-12 keyword that draft-07 ignores");
      }
      if (has_ref && key != "$ref" && !In(key, kAnnotations)) {
        return Fail(here, "stands beside a $ref: draft-07 ignores it, 2020-12 would apply it");
      }
      if (key == "$ref") {
        out.AddMember("$ref", Ref(m.value, here), a_);
      } else if (key == "definitions") {
        out.AddMember("$defs", Map(m.value, here), a_);
      } else if (In(key, kSchemaMaps)) {
        out.AddMember(TextValue(key, a_), Map(m.value, here), a_);
      } else if (key == "dependencies") {
        Dependencies(m.value, here, required, schemas);
      } else if (key == "items") {
        if (items_array) {
          out.AddMember("prefixItems", Array(m.value, here), a_);
        } else {
          out.AddMember("items", Schema(m.value, here), a_);
        }
      } else if (key == "additionalItems") {
        if (items_array) out.AddMember("items", Schema(m.value, here), a_);
      } else if (In(key, kOneSchema)) {
        out.AddMember(TextValue(key, a_), Schema(m.value, here), a_);
      } else if (In(key, kSchemaArrays)) {
        out.AddMember(TextValue(key, a_), Array(m.value, here), a_);
      } else {
        out.AddMember(TextValue(key, a_), Value(m.value, a_), a_);
      }
    }
    if (required.MemberCount() > 0) out.AddMember("dependentRequired", required, a_);
    if (schemas.MemberCount() > 0) out.AddMember("dependentSchemas", schemas, a_);
    return out;
  }

  const Status& status() const { return status_; }

 private:
  Value Fail(const std::string& at, const std::string& sentence) {
    if (status_.ok()) {
      status_ = ConfigError(name_ + std::string(kSuffix) + " " + (at.empty() ? "/" : at) + ": " +
                            sentence + " (mock/openapi/schema_bundle.h)");
    }
    return Value(rapidjson::kObjectType);
  }

  Value Map(const Value& in, const std::string& at) {
    if (!in.IsObject()) return Fail(at, "is not an object of schemas");
    Value out(rapidjson::kObjectType);
    for (const auto& m : in.GetObject()) {
      out.AddMember(Value(m.name, a_), Schema(m.value, at + "/" + m.name.GetString()), a_);
    }
    return out;
  }

  Value Array(const Value& in, const std::string& at) {
    if (!in.IsArray()) return Fail(at, "is not an array of schemas");
    Value out(rapidjson::kArrayType);
    for (rapidjson::SizeType i = 0; i < in.Size(); ++i) {
      out.PushBack(Schema(in[i], at + "/" + std::to_string(i)), a_);
    }
    return out;
  }

  // draft-07's `dependencies`: an array of names is 2020-12's dependentRequired, a schema its
  // dependentSchemas.
  void Dependencies(const Value& in, const std::string& at, Value& required, Value& schemas) {
    if (!in.IsObject()) {
      Fail(at, "is not an object");
      return;
    }
    for (const auto& m : in.GetObject()) {
      if (m.value.IsArray()) {
        required.AddMember(Value(m.name, a_), Value(m.value, a_), a_);
      } else {
        schemas.AddMember(Value(m.name, a_), Schema(m.value, at + "/" + m.name.GetString()), a_);
      }
    }
  }

  Value Ref(const Value& in, const std::string& at) {
    if (!in.IsString()) return Fail(at, "is not a string");
    const std::string_view ref(in.GetString(), in.GetStringLength());
    const size_t hash = ref.find('#');
    const std::string_view file = ref.substr(0, hash);
    const std::string_view fragment = hash == std::string_view::npos ? "" : ref.substr(hash + 1);
    std::string target = name_;
    if (!file.empty()) {
      const std::string_view base = file.substr(file.find_last_of('/') + 1);
      if (!base.ends_with(kSuffix) || base.size() == kSuffix.size()) {
        return Fail(at, "refers to '" + std::string(ref) + "', not to a NAME.schema.json file");
      }
      target = std::string(base.substr(0, base.size() - kSuffix.size()));
      refs_.insert(target);
    }
    std::string pointer;
    if (!fragment.empty() && fragment.front() != '/') {
      return Fail(at, "has a fragment that is not a JSON Pointer: '" + std::string(ref) + "'");
    }
    bool first = true;
    for (std::string_view rest = fragment; !rest.empty();) {
      rest.remove_prefix(1);  // the '/'
      const std::string_view segment = rest.substr(0, rest.find('/'));
      rest.remove_prefix(segment.size());
      if (first && segment == "definitions") {
        pointer += "/$defs";
      } else if (In(segment, kRenamed)) {
        return Fail(at, "points through '" + std::string(segment) +
                            "', which the conversion renames: refer to a definition");
      } else {
        pointer += "/" + std::string(segment);
      }
      first = false;
    }
    return TextValue(ComponentRef(target) + pointer, a_);
  }

  std::string name_;
  Alloc& a_;
  std::set<std::string>& refs_;
  BundleOptions options_;
  Status status_;
};

}  // namespace

std::string ComponentRef(std::string_view name) {
  return "#/components/schemas/" + std::string(name);
}

Status BundleSchemas(const json::SchemaDirs& dirs, const std::vector<std::string>& roots,
                     rapidjson::Value& out, rapidjson::Document::AllocatorType& alloc,
                     BundleOptions options) {
  std::map<std::string, Value> bundled;
  std::map<std::string, std::string> named_by;  // which file (or "the operations") names one
  std::vector<std::string> pending;
  for (const std::string& root : roots) {
    if (named_by.emplace(root, "an operation").second) pending.push_back(root);
  }
  while (!pending.empty()) {
    const std::string name = pending.back();
    pending.pop_back();
    if (!ValidComponentName(name)) {
      return ConfigError("schema name '" + name + "' (named by " + named_by[name] +
                         ") is not a component name ([A-Za-z0-9._-]+)");
    }
    const auto path = json::FindSchemaFile(dirs, name + std::string(kSuffix));
    if (!path) {
      std::string where;
      for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d.string();
      return ConfigError(name + std::string(kSuffix) + " (named by " + named_by[name] +
                         ") is in none of the schema folders: " + where);
    }
    auto text = json::ReadFile(*path);
    if (!text.ok()) return ConfigError(text.status().message());
    auto doc = json::ParseJson(text.value());
    if (!doc.ok()) return ConfigError(path->string() + ": " + doc.status().message());
    std::set<std::string> refs;
    Converter converter(name, alloc, refs, options);
    Value converted = converter.Schema(doc.value(), "");
    if (!converter.status().ok()) return converter.status();
    bundled.emplace(name, std::move(converted));
    for (const std::string& ref : refs) {
      if (named_by.emplace(ref, name + std::string(kSuffix)).second) pending.push_back(ref);
    }
  }
  out.SetObject();
  for (auto& [name, schema] : bundled) out.AddMember(TextValue(name, alloc), schema, alloc);
  return {};
}

}  // namespace mock::openapi
