#include "mock/families/tenant_objects/tenant_items.h"

#include <string>
#include <utility>

namespace mock::families::tenant_objects {
namespace {

using Alloc = rapidjson::Document::AllocatorType;
using rapidjson::Value;

// The object a row holds under `kind` ("database", ...), or nullptr.
const Value* ObjectOf(const resources::Row& row, const char* kind) {
  auto it = row.doc->FindMember(kind);
  return it == row.doc->MemberEnd() || !it->value.IsObject() ? nullptr : &it->value;
}

std::string StrOf(const Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsString()
             ? std::string(it->value.GetString(), it->value.GetStringLength())
             : std::string();
}

rapidjson::Document Copy(const rapidjson::Document& object) {
  rapidjson::Document d;
  d.CopyFrom(object, d.GetAllocator());
  return d;
}

// `base` with each member of `given` in place of its own (or added after them).
Object Overlaid(rapidjson::Document base, const Value& given) {
  Alloc& a = base.GetAllocator();
  for (const auto& m : given.GetObject()) {
    auto it = base.FindMember(m.name);
    if (it != base.MemberEnd()) {
      it->value.CopyFrom(m.value, a);
    } else {
      base.AddMember(Value(m.name, a), Value(m.value, a), a);
    }
  }
  return std::make_shared<const rapidjson::Document>(std::move(base));
}

// `object` put in `list` in place of the one of the same `key`, else at the end.
void Place(std::vector<Object>& list, const char* key, Object object) {
  const std::string name = StrOf(*object, key);
  for (Object& held : list) {
    if (StrOf(*held, key) == name) {
      held = std::move(object);
      return;
    }
  }
  list.push_back(std::move(object));
}

// A MySQL user row's accessibleDatabases, when it gives none: those its dbPrivileges name.
rapidjson::Document WithReach(rapidjson::Document user, const Value& given) {
  if (given.HasMember("accessibleDatabases") || !user.HasMember("accessibleDatabases")) return user;
  auto privileges = given.FindMember("dbPrivileges");
  if (privileges == given.MemberEnd() || !privileges->value.IsArray()) return user;
  Alloc& a = user.GetAllocator();
  for (const Value& p : privileges->value.GetArray()) {
    if (p.IsObject() && p.HasMember("dbName"))
      user["accessibleDatabases"].PushBack(Value(p["dbName"], a), a);
  }
  return user;
}

std::vector<std::string> NamesOf(const std::vector<Object>& objects, const char* key) {
  std::vector<std::string> out;
  out.reserve(objects.size());
  for (const Object& o : objects) out.push_back(StrOf(*o, key));
  return out;
}

}  // namespace

std::vector<Object> Databases(const TenantFacts& t, const std::vector<resources::Row>& rows) {
  std::vector<Object> out = BuiltinDatabases(t);
  int64_t extra = 0;
  for (const resources::Row& row : rows) {
    const Value* given = ObjectOf(row, "database");
    if (given == nullptr) continue;
    const std::string name = StrOf(*given, "dbName");
    const Object* held = Named(out, "dbName", name);
    rapidjson::Document base =
        held != nullptr ? Copy(**held) : NewDatabase(t, name, ExtraDatabaseId(t, ++extra));
    Place(out, "dbName", Overlaid(std::move(base), *given));
  }
  return out;
}

std::vector<Object> Users(const TenantFacts& t, const std::vector<resources::Row>& rows) {
  std::vector<std::string> databases;
  if (t.mode == Mode::kMysql) databases = NamesOf(Databases(t, rows), "dbName");
  std::vector<Object> out = BuiltinUsers(t, databases);
  for (const resources::Row& row : rows) {
    const Value* given = ObjectOf(row, "user");
    if (given == nullptr) continue;
    const std::string name = StrOf(*given, "username");
    const Object* held = Named(out, "username", name);
    rapidjson::Document base = held != nullptr ? Copy(**held) : WithReach(NewUser(t, name), *given);
    Place(out, "username", Overlaid(std::move(base), *given));
  }
  return out;
}

std::vector<Object> Roles(const TenantFacts& t, const std::vector<resources::Row>& rows) {
  std::vector<Object> out = BuiltinRoles(t);
  for (const resources::Row& row : rows) {
    const Value* given = ObjectOf(row, "role");
    if (given == nullptr) continue;
    const std::string name = StrOf(*given, "name");
    const Object* held = Named(out, "name", name);
    rapidjson::Document base = held != nullptr ? Copy(**held) : NewRole(t, name);
    // A new role given a createTime but no updateTime was not updated since (`mock`).
    if (held == nullptr && given->HasMember("createTime") && !given->HasMember("updateTime")) {
      base["updateTime"].CopyFrom((*given)["createTime"], base.GetAllocator());
    }
    Place(out, "name", Overlaid(std::move(base), *given));
  }
  return out;
}

std::vector<Object> DbObjects(const std::vector<resources::Row>& rows) {
  std::vector<Object> out;
  for (const resources::Row& row : rows) {
    const Value* given = ObjectOf(row, "object");
    if (given == nullptr) continue;
    rapidjson::Document d(rapidjson::kObjectType);
    Alloc& a = d.GetAllocator();
    const std::string full = StrOf(*given, "schemaName") + "." + StrOf(*given, "objectName");
    d.AddMember("fullName", Value(full.c_str(), static_cast<rapidjson::SizeType>(full.size()), a),
                a);
    out.push_back(Overlaid(std::move(d), *given));
  }
  return out;
}

const Object* Named(const std::vector<Object>& objects, std::string_view key,
                    std::string_view name) {
  for (const Object& o : objects) {
    auto it = o->FindMember(rapidjson::StringRef(key.data(), key.size()));
    if (it != o->MemberEnd() && it->value.IsString() &&
        std::string_view(it->value.GetString(), it->value.GetStringLength()) == name) {
      return &o;
    }
  }
  return nullptr;
}

}  // namespace mock::families::tenant_objects
