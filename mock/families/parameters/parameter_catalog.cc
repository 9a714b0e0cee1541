#include "mock/families/parameters/parameter_catalog.h"

#include <set>

namespace mock::families::parameters {
namespace {

std::string StringOf(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return "";
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return {it->value.GetString(), it->value.GetStringLength()};
}

std::optional<std::string> OptionalOf(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return std::nullopt;
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

const rapidjson::Value& RangeOf(const rapidjson::Value& row) {
  static const rapidjson::Value kNone;
  auto it = row.FindMember("valueRange");
  return it == row.MemberEnd() ? kNone : it->value;
}

Definition Read(const resources::Row& row) {
  const rapidjson::Value& doc = *row.doc;
  const rapidjson::Value& range = RangeOf(doc);
  return Definition{.id = row.id,
                    .name = StringOf(doc, "name"),
                    .parameter_type = StringOf(doc, "parameterType"),
                    .section = StringOf(doc, "section"),
                    .default_value = StringOf(doc, "defaultValue"),
                    .range = ValueRange{.type = StringOf(range, "type"),
                                        .allowed = OptionalOf(range, "allowedValues"),
                                        .min = OptionalOf(range, "minValue"),
                                        .max = OptionalOf(range, "maxValue")},
                    .edit_level = StringOf(doc, "editLevel"),
                    .description = StringOf(doc, "description")};
}

bool Reads(const rapidjson::Value& doc, Scope scope, std::string_view tenant_mode) {
  if (StringOf(doc, "scope") != (scope == Scope::kCluster ? "CLUSTER" : "TENANT")) return false;
  if (scope == Scope::kCluster) return true;
  const std::string compatible = StringOf(doc, "compatibleType");
  return compatible.empty() || compatible == "ALL" || compatible == tenant_mode;
}

}  // namespace

std::vector<Definition> Definitions(const std::vector<resources::Row>& rows, Scope scope,
                                    std::string_view tenant_mode) {
  std::vector<Definition> out;
  std::set<std::string, std::less<>> names;
  for (const resources::Row& row : rows) {  // by id ascending (ResourceStore::Rows)
    if (row.doc == nullptr || !row.doc->IsObject() || !Reads(*row.doc, scope, tenant_mode)) {
      continue;
    }
    Definition d = Read(row);
    if (d.name.empty() || !names.insert(d.name).second) continue;
    out.push_back(std::move(d));
  }
  return out;
}

const Definition* Find(const std::vector<Definition>& definitions, std::string_view name) {
  for (const Definition& d : definitions) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

}  // namespace mock::families::parameters
