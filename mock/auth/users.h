// The users the mock knows: names, passwords, AK/SK pairs, permissions and rate limits, read
// from a users file (fixtures/users.json; format in docs/authentication.md).
//
//   StatusOr<std::vector<User>> users = LoadUsers("fixtures/users.json", schemas);
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"

namespace mock::auth {

// OCP's permissions the mock's endpoints need (docs/reference/ocp-resources-api.md: each page
// states its own).
enum class Permission {
  kTaskViewer,
  kTaskManager,
  kClusterViewer,
  kHostViewer,
  kHostManager,
  // OCP's CLUSTER_MANAGER role (CLUSTER:*:*), which may create and delete OceanBase clusters
  // (docs/reference/ocp-default-roles.md).
  kClusterManager,
  // OCP's PACKAGE_MANAGER, which "Upload a software package" requires
  // (docs/reference/ocp-client-flows.md §8).
  kPackageManager,
};

struct AccessKey {
  std::string id;      // the AK
  std::string secret;  // the SK
};

// At most `requests` requests in each fixed window of `window_seconds`.
struct RateLimit {
  int64_t requests = 0;
  int64_t window_seconds = 0;
};

struct User {
  int64_t id = 0;
  std::string name;
  std::string password;
  std::vector<AccessKey> access_keys;
  std::vector<Permission> permissions;
  std::optional<RateLimit> rate_limit;  // none: never throttled

  // TASK_MANAGER includes TASK_VIEWER, HOST_MANAGER HOST_VIEWER and CLUSTER_MANAGER
  // CLUSTER_VIEWER: whoever may change a thing may read it.
  bool Has(Permission p) const;
};

// Reads and checks `path` against users-file.schema.json. Errors name the file, the JSON
// Pointer and the reason; duplicate user names or access key ids are refused.
StatusOr<std::vector<User>> LoadUsers(const std::filesystem::path& path,
                                      const json::SchemaSet& schemas);

// OCP's spelling: "TASK_VIEWER", "TASK_MANAGER", "CLUSTER_VIEWER", ...; nullopt for another name.
std::string_view ToString(Permission p);
std::optional<Permission> ParsePermission(std::string_view name);

}  // namespace mock::auth
