#include "tools/compat/schema_outline.h"

#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <memory>

#include "mock/json/json.h"

namespace compat {
namespace {

constexpr int kMaxDepth = 64;

std::string JsonText(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return buf.GetString();
}

std::string Joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A schema node and the file it is in (for `#...` references).
struct Node {
  const rapidjson::Value* value;
  std::string file;
};

// What a set of schema nodes allows at one place: the nodes combined.
struct Shape {
  std::set<std::string> types;
  std::optional<std::set<std::string>> values;
  std::map<std::string, std::vector<Node>> properties;
  std::vector<Node> items;
  std::set<std::string> required;
  std::vector<Form> forms;  // a oneOf/anyOf's alternatives
};

// Both apply (allOf, $ref): the intersection.
void Conjoin(Shape& into, Shape other) {
  if (into.types.empty()) {
    into.types = std::move(other.types);
  } else if (!other.types.empty()) {
    std::set<std::string> both;
    std::set_intersection(into.types.begin(), into.types.end(), other.types.begin(),
                          other.types.end(), std::inserter(both, both.end()));
    into.types = std::move(both);
  }
  if (!into.values) {
    into.values = std::move(other.values);
  } else if (other.values) {
    std::set<std::string> both;
    std::set_intersection(into.values->begin(), into.values->end(), other.values->begin(),
                          other.values->end(), std::inserter(both, both.end()));
    into.values = std::move(both);
  }
  for (auto& [name, nodes] : other.properties) {
    auto& mine = into.properties[name];
    mine.insert(mine.end(), nodes.begin(), nodes.end());
  }
  into.items.insert(into.items.end(), other.items.begin(), other.items.end());
  into.required.merge(other.required);
  if (!other.forms.empty()) into.forms = std::move(other.forms);
}

// Either applies (oneOf, anyOf): the union.
Shape Disjoin(std::vector<Shape> alternatives) {
  Shape out;
  bool any_type = false;
  bool open = false;
  for (Shape& alt : alternatives) {
    if (alternatives.size() > 1) out.forms.push_back(Form{alt.types, alt.values});
    if (alt.types.empty()) any_type = true;
    out.types.merge(alt.types);
    if (!alt.values) {
      open = true;
    } else {
      if (!out.values) out.values.emplace();
      out.values->merge(*alt.values);
    }
    for (auto& [name, nodes] : alt.properties) {
      auto& mine = out.properties[name];
      mine.insert(mine.end(), nodes.begin(), nodes.end());
    }
    out.items.insert(out.items.end(), alt.items.begin(), alt.items.end());
  }
  if (any_type) out.types.clear();
  if (open) out.values.reset();
  return out;  // required: only what every alternative requires, which outlines do not need
}

class Outliner {
 public:
  explicit Outliner(const mock::json::SchemaDirs& dirs) : dirs_(dirs) {}

  mock::StatusOr<Outline> Run(const std::string& file) {
    const rapidjson::Value* root = Load(file);
    if (root == nullptr) return mock::InvalidArgument(error_);
    Walk({Node{root, file}}, "", false, 0);
    if (!error_.empty()) return mock::InvalidArgument(error_);
    return std::move(outline_);
  }

 private:
  const rapidjson::Value* Load(const std::string& file) {
    if (auto it = docs_.find(file); it != docs_.end()) return it->second.get();
    auto path = mock::json::FindSchemaFile(dirs_, file);
    auto text =
        path ? mock::json::ReadFile(*path) : mock::StatusOr<std::string>(mock::InvalidArgument(""));
    auto doc = text.ok() ? mock::json::ParseJson(text.value())
                         : mock::StatusOr<rapidjson::Document>(mock::InvalidArgument(""));
    if (!doc.ok()) {
      Fail("cannot read schema " + file);
      return nullptr;
    }
    auto owned = std::make_unique<rapidjson::Document>(std::move(doc).value());
    return (docs_[file] = std::move(owned)).get();
  }

  void Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }

  // "other.schema.json#/definitions/x" or "#/definitions/x", from `file`.
  std::optional<Node> Resolve(std::string_view ref, const std::string& file) {
    size_t hash = ref.find('#');
    std::string target = std::string(ref.substr(0, hash));
    if (target.empty()) target = file;
    const rapidjson::Value* v = Load(target.substr(target.find_last_of('/') + 1));
    if (v == nullptr) return std::nullopt;
    if (hash != std::string_view::npos && hash + 1 < ref.size()) {
      rapidjson::Pointer pointer(std::string(ref.substr(hash + 1)).c_str());
      v = pointer.IsValid() ? pointer.Get(*v) : nullptr;
      if (v == nullptr) {
        Fail("unresolvable $ref " + std::string(ref) + " in " + file);
        return std::nullopt;
      }
    }
    return Node{v, target.substr(target.find_last_of('/') + 1)};
  }

  Shape ShapeOf(const Node& n, int depth) {
    Shape s;
    const rapidjson::Value& v = *n.value;
    if (!v.IsObject() || depth > kMaxDepth) {
      if (depth > kMaxDepth) Fail("schema nested deeper than 64 (recursive?) in " + n.file);
      return s;
    }
    if (auto t = v.FindMember("type"); t != v.MemberEnd()) {
      if (t->value.IsString()) s.types.insert(t->value.GetString());
      if (t->value.IsArray()) {
        for (const auto& x : t->value.GetArray()) s.types.insert(x.GetString());
      }
    }
    if (auto e = v.FindMember("enum"); e != v.MemberEnd() && e->value.IsArray()) {
      s.values.emplace();
      for (const auto& x : e->value.GetArray()) s.values->insert(JsonText(x));
    }
    if (auto c = v.FindMember("const"); c != v.MemberEnd()) {
      s.values = std::set<std::string>{JsonText(c->value)};
    }
    if (auto p = v.FindMember("properties"); p != v.MemberEnd() && p->value.IsObject()) {
      for (const auto& m : p->value.GetObject()) {
        s.properties[m.name.GetString()].push_back({&m.value, n.file});
      }
    }
    if (auto i = v.FindMember("items"); i != v.MemberEnd() && i->value.IsObject()) {
      s.items.push_back({&i->value, n.file});
    }
    if (auto r = v.FindMember("required"); r != v.MemberEnd() && r->value.IsArray()) {
      for (const auto& x : r->value.GetArray()) s.required.insert(x.GetString());
    }
    if (auto ref = v.FindMember("$ref"); ref != v.MemberEnd() && ref->value.IsString()) {
      if (auto target = Resolve(ref->value.GetString(), n.file)) {
        Conjoin(s, ShapeOf(*target, depth + 1));
      }
    }
    if (auto all = v.FindMember("allOf"); all != v.MemberEnd() && all->value.IsArray()) {
      for (const auto& x : all->value.GetArray()) Conjoin(s, ShapeOf({&x, n.file}, depth + 1));
    }
    for (const char* key : {"oneOf", "anyOf"}) {
      if (auto any = v.FindMember(key); any != v.MemberEnd() && any->value.IsArray()) {
        std::vector<Shape> alternatives;
        for (const auto& x : any->value.GetArray()) {
          alternatives.push_back(ShapeOf({&x, n.file}, depth + 1));
        }
        Conjoin(s, Disjoin(std::move(alternatives)));
      }
    }
    return s;
  }

  void Walk(const std::vector<Node>& nodes, const std::string& path, bool required, int depth) {
    if (depth > kMaxDepth) return Fail("schema nested deeper than 64 at " + path);
    Shape s;
    for (const Node& n : nodes) Conjoin(s, ShapeOf(n, depth));
    if (!path.empty()) outline_[path] = Field{s.types, s.values, required, s.forms};
    for (const auto& [name, children] : s.properties) {
      Walk(children, path.empty() ? name : path + "." + name, s.required.count(name) != 0,
           depth + 1);
    }
    if (!s.items.empty()) Walk(s.items, path + "[]", false, depth + 1);
  }

  const mock::json::SchemaDirs& dirs_;
  std::map<std::string, std::unique_ptr<rapidjson::Document>> docs_;
  Outline outline_;
  std::string error_;
};

// What a field allows: "integer", "string or integer 0", "any".
std::string Allowed(const std::set<std::string>& types,
                    const std::optional<std::set<std::string>>& values) {
  std::string out = types.empty() ? std::string("any") : Joined(types);
  if (values) out += " " + Joined(*values);
  return out;
}

std::string Allowed(const Field& f) {
  if (f.forms.empty()) return Allowed(f.types, std::nullopt);
  std::string out;
  for (const Form& form : f.forms) {
    out += (out.empty() ? "" : " or ") + Allowed(form.types, form.values);
  }
  return out;
}

std::string Describe(const Field& f) {
  std::string out = f.required ? "required" : "optional";
  out += ", " + (f.types.empty() && f.forms.empty() ? std::string("any type") : Allowed(f));
  if (f.values && f.forms.empty()) out += ", one of " + Joined(*f.values);
  return out;
}

void DiffField(const std::string& path, const Field& a, const Field& b, std::vector<Change>& out) {
  if (a.types != b.types || a.forms != b.forms) {
    out.push_back({path, "type " + Allowed(a) + " -> " + Allowed(b)});
    if (!a.forms.empty() || !b.forms.empty()) return;  // the forms said the values too
  }
  if (a.values != b.values) {
    if (!a.values || !b.values) {
      out.push_back({path, a.values ? "values no longer restricted (were " + Joined(*a.values) + ")"
                                    : "values now restricted to " + Joined(*b.values)});
    } else {
      std::set<std::string> added, removed;
      std::set_difference(b.values->begin(), b.values->end(), a.values->begin(), a.values->end(),
                          std::inserter(added, added.end()));
      std::set_difference(a.values->begin(), a.values->end(), b.values->begin(), b.values->end(),
                          std::inserter(removed, removed.end()));
      if (!added.empty()) out.push_back({path, "enum values added: " + Joined(added)});
      if (!removed.empty()) out.push_back({path, "enum values removed: " + Joined(removed)});
    }
  }
  if (a.required != b.required) {
    out.push_back({path, b.required ? "now required" : "now optional"});
  }
}

bool Subset(const std::set<std::string>& narrow, const std::set<std::string>& wide) {
  return std::includes(wide.begin(), wide.end(), narrow.begin(), narrow.end());
}

// Whether `forms` (none: no restriction beyond the union) allow every value `narrow` allows:
// each of its types must meet a form, with values within that form's when it restricts them.
bool FormsAllow(const std::vector<Form>& forms, const Field& narrow) {
  if (forms.empty()) return true;
  if (narrow.types.empty()) return false;
  for (const std::string& type : narrow.types) {
    bool met = false;
    for (const Form& f : forms) {
      if (!f.types.empty() && f.types.count(type) == 0) continue;
      if (f.values && (!narrow.values || !Subset(*narrow.values, *f.values))) continue;
      met = true;
    }
    if (!met) return false;
  }
  return true;
}

}  // namespace

mock::StatusOr<Outline> OutlineOf(const mock::json::SchemaDirs& dirs, std::string_view name) {
  return Outliner(dirs).Run(std::string(name) + ".schema.json");
}

std::vector<Change> DiffOutlines(const Outline& from, const Outline& to) {
  std::vector<Change> out;
  for (const auto& [path, a] : from) {
    auto it = to.find(path);
    if (it == to.end()) {
      out.push_back({path, "removed (was " + Describe(a) + ")"});
    } else {
      DiffField(path, a, it->second, out);
    }
  }
  for (const auto& [path, b] : to) {
    if (!from.count(path)) out.push_back({path, "added (" + Describe(b) + ")"});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Change& x, const Change& y) { return x.path < y.path; });
  return out;
}

bool WithinOutline(const Outline& narrow, const Outline& wide) {
  for (const auto& [path, n] : narrow) {
    auto it = wide.find(path);
    if (it == wide.end()) return false;
    const Field& w = it->second;
    if (!w.types.empty() && (n.types.empty() || !Subset(n.types, w.types))) return false;
    if (w.values && (!n.values || !Subset(*n.values, *w.values))) return false;
    if (w.required && !n.required) return false;
    if (!FormsAllow(w.forms, n)) return false;
  }
  for (const auto& [path, w] : wide) {
    if (w.required && !narrow.count(path)) return false;
  }
  return true;
}

}  // namespace compat
