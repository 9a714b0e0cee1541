#include "mock/auth/users.h"

#include <algorithm>
#include <set>

#include "mock/json/json.h"

namespace mock::auth {
namespace {

Status UsersError(const std::filesystem::path& path, const std::string& where,
                  const std::string& why) {
  return ConfigError(path.string() + ": " + where + ": " + why);
}

User ReadUser(const rapidjson::Value& u) {
  User user;
  user.id = json::GetInt64(u, "id").value_or(0);
  user.name = std::string(json::GetString(u, "name").value_or(""));
  user.password = std::string(json::GetString(u, "password").value_or(""));
  if (const auto* perms = json::Find(u, "permissions"); perms && perms->IsArray()) {
    for (const auto& p : perms->GetArray()) {
      std::string_view name(p.GetString(), p.GetStringLength());
      if (auto permission = ParsePermission(name)) user.permissions.push_back(*permission);
    }
  }
  if (const auto* keys = json::Find(u, "accessKeys"); keys && keys->IsArray()) {
    for (const auto& k : keys->GetArray()) {
      user.access_keys.push_back({std::string(json::GetString(k, "accessKeyId").value_or("")),
                                  std::string(json::GetString(k, "accessKeySecret").value_or(""))});
    }
  }
  if (const auto* limit = json::Find(u, "rateLimit")) {
    user.rate_limit = RateLimit{json::GetInt64(*limit, "requests").value_or(1),
                                json::GetInt64(*limit, "windowSeconds").value_or(1)};
  }
  return user;
}

}  // namespace

bool User::Has(Permission p) const {
  auto has = [&](Permission q) {
    return std::find(permissions.begin(), permissions.end(), q) != permissions.end();
  };
  return has(p) || (p == Permission::kTaskViewer && has(Permission::kTaskManager)) ||
         (p == Permission::kHostViewer && has(Permission::kHostManager)) ||
         (p == Permission::kClusterViewer && has(Permission::kClusterManager));
}

namespace {
constexpr std::pair<Permission, std::string_view> kPermissionNames[] = {
    {Permission::kTaskViewer, "TASK_VIEWER"},
    {Permission::kTaskManager, "TASK_MANAGER"},
    {Permission::kClusterViewer, "CLUSTER_VIEWER"},
    {Permission::kHostViewer, "HOST_VIEWER"},
    {Permission::kHostManager, "HOST_MANAGER"},
    {Permission::kClusterManager, "CLUSTER_MANAGER"},
    {Permission::kPackageManager, "PACKAGE_MANAGER"}};
}  // namespace

std::string_view ToString(Permission p) {
  for (const auto& [permission, name] : kPermissionNames) {
    if (permission == p) return name;
  }
  return "";
}

std::optional<Permission> ParsePermission(std::string_view name) {
  for (const auto& [permission, spelled] : kPermissionNames) {
    if (spelled == name) return permission;
  }
  return std::nullopt;
}

StatusOr<std::vector<User>> LoadUsers(const std::filesystem::path& path,
                                      const json::SchemaSet& schemas) {
  auto text = json::ReadFile(path);
  if (!text.ok()) return UsersError(path, "-", "cannot be read");
  auto doc = json::ParseAndValidate(text.value(), path.string(), "users-file", schemas);
  if (!doc.ok()) return ConfigError(doc.status().message());
  std::vector<User> users;
  std::set<std::string> names, keys;
  const auto& list = json::Find(doc.value(), "users")->GetArray();
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    User user = ReadUser(list[i]);
    const std::string at = "/users/" + std::to_string(i);
    if (!names.insert(user.name).second) {
      return UsersError(path, at + "/name", "duplicate user name " + user.name);
    }
    for (const AccessKey& k : user.access_keys) {
      if (!keys.insert(k.id).second) {
        return UsersError(path, at + "/accessKeys", "duplicate access key id " + k.id);
      }
    }
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace mock::auth
