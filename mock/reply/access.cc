#include "mock/reply/access.h"

namespace mock::api {

std::optional<auth::Permission> PermissionFor(Access access) {
  switch (access) {
    case Access::kTaskViewer:
      return auth::Permission::kTaskViewer;
    case Access::kTaskManager:
      return auth::Permission::kTaskManager;
    case Access::kClusterViewer:
      return auth::Permission::kClusterViewer;
    case Access::kHostViewer:
      return auth::Permission::kHostViewer;
    case Access::kHostManager:
      return auth::Permission::kHostManager;
    case Access::kClusterManager:
      return auth::Permission::kClusterManager;
    case Access::kPackageManager:
      return auth::Permission::kPackageManager;
    case Access::kControl:
    case Access::kPublic:
    case Access::kAuthenticated:
      return std::nullopt;
  }
  return std::nullopt;
}

bool NeedsCredentials(Access access) {
  return access != Access::kPublic && access != Access::kControl;
}

std::string_view AccessName(Access access) {
  if (access == Access::kControl) return "control";
  if (access == Access::kPublic) return "public";
  const std::optional<auth::Permission> p = PermissionFor(access);
  return p ? auth::ToString(*p) : "authenticated";
}

}  // namespace mock::api
