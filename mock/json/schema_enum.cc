#include "mock/json/schema_enum.h"

#include <map>
#include <memory>

#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"

namespace mock::json {
namespace {

// Schema files read so far, by name; and a node within one.
class Walker {
 public:
  explicit Walker(const SchemaDirs& dirs) : dirs_(dirs) {}

  struct Node {
    const rapidjson::Document* file = nullptr;
    const rapidjson::Value* value = nullptr;
  };

  std::optional<Node> Root(std::string_view name) {
    const rapidjson::Document* d = File(std::string(name));
    if (d == nullptr) return std::nullopt;
    return Node{d, d};
  }

  // `n` with its $refs followed (at most 16 deep).
  std::optional<Node> Resolve(Node n) {
    for (int i = 0; i < 16 && n.value->IsObject() && n.value->HasMember("$ref"); ++i) {
      const std::string ref = (*n.value)["$ref"].IsString() ? (*n.value)["$ref"].GetString() : "";
      const size_t hash = ref.find('#');
      const std::string file = ref.substr(0, hash);
      const std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
      const rapidjson::Document* d = file.empty() ? n.file : File(file.substr(file.rfind('/') + 1));
      if (d == nullptr) return std::nullopt;
      const rapidjson::Value* v = d;
      if (!fragment.empty()) v = rapidjson::Pointer(fragment.c_str()).Get(*d);
      if (v == nullptr) return std::nullopt;
      n = Node{d, v};
    }
    return n;
  }

  // The schema for member or element `key` of what `n` describes.
  std::optional<Node> Step(Node n, const std::string& key, int depth = 0) {
    auto r = Resolve(n);
    if (!r || !r->value->IsObject() || depth > 8) return std::nullopt;
    const rapidjson::Value& v = *r->value;
    if (v.HasMember("properties") && v["properties"].IsObject() &&
        v["properties"].HasMember(key.c_str())) {
      return Node{r->file, &v["properties"][key.c_str()]};
    }
    if (v.HasMember("items") && v["items"].IsObject() && !key.empty() &&
        key.find_first_not_of("0123456789") == std::string::npos) {
      return Node{r->file, &v["items"]};
    }
    for (const char* k : {"allOf", "anyOf", "oneOf"}) {
      if (!v.HasMember(k) || !v[k].IsArray()) continue;
      for (const auto& alt : v[k].GetArray()) {
        if (auto found = Step(Node{r->file, &alt}, key, depth + 1)) return found;
      }
    }
    return std::nullopt;
  }

  // The enum of `n` (or of one of its allOf parts).
  std::optional<std::vector<std::string>> Enum(Node n, int depth = 0) {
    auto r = Resolve(n);
    if (!r || !r->value->IsObject() || depth > 8) return std::nullopt;
    const rapidjson::Value& v = *r->value;
    if (v.HasMember("enum") && v["enum"].IsArray()) {
      std::vector<std::string> out;
      for (const auto& e : v["enum"].GetArray()) {
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        e.Accept(w);
        out.emplace_back(buf.GetString(), buf.GetSize());
      }
      return out;
    }
    if (v.HasMember("allOf") && v["allOf"].IsArray()) {
      for (const auto& part : v["allOf"].GetArray()) {
        if (auto e = Enum(Node{r->file, &part}, depth + 1)) return e;
      }
    }
    return std::nullopt;
  }

 private:
  const rapidjson::Document* File(const std::string& name) {
    auto it = files_.find(name);
    if (it != files_.end()) return it->second.get();
    auto path = FindSchemaFile(dirs_, name);
    auto text = path ? ReadFile(*path) : StatusOr<std::string>(NotFound(name));
    auto doc = text.ok() ? ParseJson(text.value()) : StatusOr<rapidjson::Document>(text.status());
    if (!doc.ok()) return nullptr;
    auto owned = std::make_unique<rapidjson::Document>(std::move(doc).value());
    return files_.emplace(name, std::move(owned)).first->second.get();
  }

  const SchemaDirs& dirs_;
  std::map<std::string, std::unique_ptr<rapidjson::Document>> files_;
};

}  // namespace

std::optional<std::vector<std::string>> EnumAt(const SchemaDirs& dirs, std::string_view schema,
                                               std::string_view pointer) {
  Walker walker(dirs);
  auto node = walker.Root(schema);
  while (node && !pointer.empty()) {
    pointer.remove_prefix(1);  // the '/'
    const size_t slash = pointer.find('/');
    const std::string key(pointer.substr(0, slash));
    pointer.remove_prefix(slash == std::string_view::npos ? pointer.size() : slash);
    node = walker.Step(*node, key);
  }
  return node ? walker.Enum(*node) : std::nullopt;
}

}  // namespace mock::json
