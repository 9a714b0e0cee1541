#include "tools/compat/agreement.h"

namespace compat {
namespace {

// The element of `array` whose `id` equals `id`, or nullptr.
const rapidjson::Value* WithId(const rapidjson::Value& array, const rapidjson::Value& id) {
  for (const auto& e : array.GetArray()) {
    if (e.IsObject() && e.HasMember("id") && e["id"] == id) return &e;
  }
  return nullptr;
}

bool ObjectsWithIds(const rapidjson::Value& array) {
  for (const auto& e : array.GetArray()) {
    if (!e.IsObject() || !e.HasMember("id")) return false;
  }
  return !array.Empty();
}

std::optional<std::string> ArraysDisagree(const rapidjson::Value& a, const rapidjson::Value& b,
                                          const std::string& at,
                                          const std::set<std::string>& ignored) {
  if (ObjectsWithIds(a) && ObjectsWithIds(b)) {
    for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
      const rapidjson::Value* twin = WithId(b, a[i]["id"]);
      if (twin == nullptr) continue;  // carried by one side only
      if (auto d = FirstDisagreement(a[i], *twin, at + "/" + std::to_string(i), ignored)) return d;
    }
    return std::nullopt;
  }
  if (a.Size() != b.Size()) return at;
  for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
    if (auto d = FirstDisagreement(a[i], b[i], at + "/" + std::to_string(i), ignored)) return d;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> FirstDisagreement(const rapidjson::Value& listed,
                                             const rapidjson::Value& detail, const std::string& at,
                                             const std::set<std::string>& ignored) {
  if (listed.IsObject() && detail.IsObject()) {
    for (const auto& m : listed.GetObject()) {
      auto twin = detail.FindMember(m.name);
      if (twin == detail.MemberEnd() || ignored.count(m.name.GetString()) != 0) continue;
      if (auto d =
              FirstDisagreement(m.value, twin->value, at + "/" + m.name.GetString(), ignored)) {
        return d;
      }
    }
    return std::nullopt;
  }
  if (listed.IsArray() && detail.IsArray()) return ArraysDisagree(listed, detail, at, ignored);
  if (listed == detail) return std::nullopt;
  return at;
}

}  // namespace compat
