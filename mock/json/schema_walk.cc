#include "mock/json/schema_walk.h"

#include <algorithm>
#include <charconv>
#include <string>

#include <rapidjson/pointer.h>

namespace mock::json {
namespace {

// Deep enough for every schema here; a bound, because references may form a cycle.
constexpr int kMaxWalkDepth = 16;

// `node` and the parts it combines, appended to `out`.
void Expand(const SchemaFileFinder& files, SchemaNode node, int depth,
            std::vector<SchemaNode>& out) {
  if (depth > kMaxWalkDepth) return;
  auto resolved = Resolved(files, node);
  if (!resolved || !resolved->value->IsObject()) return;
  const SchemaNode n = *resolved;
  out.push_back(n);
  for (const char* combiner : {"allOf", "anyOf", "oneOf"}) {
    const rapidjson::Value* parts = Keyword(*n.value, combiner);
    if (parts == nullptr || !parts->IsArray()) continue;
    const bool alternatives = std::string_view(combiner) != "allOf";
    for (const rapidjson::Value& part : parts->GetArray()) {
      SchemaNode child{n.file, &part, n.choice, n.choice_file};
      if (alternatives && child.choice == nullptr) {
        child.choice = parts;
        child.choice_file = n.file;
      }
      Expand(files, child, depth + 1, out);
    }
  }
  for (const char* branch : {"then", "else"}) {
    const rapidjson::Value* part = Keyword(*n.value, branch);
    if (part != nullptr) Expand(files, {n.file, part, n.choice, n.choice_file}, depth + 1, out);
  }
}

// The array index `key` names, if it names one.
std::optional<size_t> Index(const std::string& key) {
  size_t index = 0;
  const char* end = key.data() + key.size();
  auto [at, error] = std::from_chars(key.data(), end, index);
  if (key.empty() || error != std::errc() || at != end) return std::nullopt;
  return index;
}

// The schemas of member or element `key` of what `nodes` describe. A new place: no choice of
// the place above carries over.
std::vector<SchemaNode> Step(const SchemaFileFinder& files, const std::vector<SchemaNode>& nodes,
                             const std::string& key) {
  std::vector<SchemaNode> out;
  for (const SchemaNode& n : nodes) {
    const rapidjson::Value* properties = Keyword(*n.value, "properties");
    const rapidjson::Value* named = properties ? Keyword(*properties, key.c_str()) : nullptr;
    const rapidjson::Value* others = Keyword(*n.value, "additionalProperties");
    if (named != nullptr) {
      Expand(files, {n.file, named}, 0, out);
    } else if (others != nullptr && others->IsObject()) {
      Expand(files, {n.file, others}, 0, out);
    }
    const rapidjson::Value* items = Keyword(*n.value, "items");
    const std::optional<size_t> index = Index(key);
    if (items == nullptr || !index) continue;
    if (items->IsObject()) Expand(files, {n.file, items}, 0, out);
    if (items->IsArray() && *index < items->Size()) {
      Expand(files, {n.file, &(*items)[static_cast<rapidjson::SizeType>(*index)]}, 0, out);
    }
  }
  return out;
}

// "a~1b" as "a/b", "a~0b" as "a~b" (RFC 6901).
std::string Unescaped(std::string_view segment) {
  std::string out;
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() &&
        (segment[i + 1] == '0' || segment[i + 1] == '1')) {
      out += segment[++i] == '0' ? '~' : '/';
    } else {
      out += segment[i];
    }
  }
  return out;
}

}  // namespace

const rapidjson::Value* Keyword(const rapidjson::Value& schema, const char* key) {
  if (!schema.IsObject()) return nullptr;
  auto it = schema.FindMember(key);
  return it == schema.MemberEnd() ? nullptr : &it->value;
}

std::optional<SchemaNode> Resolved(const SchemaFileFinder& files, SchemaNode node) {
  for (int i = 0; i < kMaxWalkDepth; ++i) {
    const rapidjson::Value* ref = Keyword(*node.value, "$ref");
    if (ref == nullptr) return node;
    if (!ref->IsString()) return std::nullopt;
    const std::string_view text(ref->GetString(), ref->GetStringLength());
    const size_t hash = text.find('#');
    const std::string_view file = text.substr(0, hash);
    const std::string fragment(hash == std::string_view::npos ? "" : text.substr(hash + 1));
    // By file name, as SchemaSet's Valijson resolves them (npos + 1 is 0: no folder).
    const rapidjson::Value* doc =
        file.empty() ? node.file : files(file.substr(file.rfind('/') + 1));
    if (doc == nullptr) return std::nullopt;
    const rapidjson::Pointer pointer(fragment.c_str());
    if (!pointer.IsValid()) return std::nullopt;
    const rapidjson::Value* target = fragment.empty() ? doc : pointer.Get(*doc);
    if (target == nullptr) return std::nullopt;
    node.file = doc;
    node.value = target;
  }
  return std::nullopt;  // references in a cycle
}

std::vector<SchemaNode> SchemaNodesAt(const SchemaFileFinder& files, std::string_view schema,
                                      std::string_view pointer) {
  const rapidjson::Value* root = files(schema);
  if (root == nullptr) return {};
  std::vector<SchemaNode> nodes;
  Expand(files, {root, root}, 0, nodes);
  while (!nodes.empty() && !pointer.empty()) {
    pointer.remove_prefix(1);  // the '/'
    const size_t slash = std::min(pointer.find('/'), pointer.size());
    nodes = Step(files, nodes, Unescaped(pointer.substr(0, slash)));
    pointer.remove_prefix(slash);
  }
  return nodes;
}

}  // namespace mock::json
