// What a route's Access (route.h) asks of a caller, in OCP's words: the permission it needs, if
// any. The API checks it (api.cc, Admitted); the OpenAPI documents state it (mock/openapi/).
//
//   PermissionFor(Access::kTaskViewer);     // auth::Permission::kTaskViewer ("TASK_VIEWER")
//   PermissionFor(Access::kAuthenticated);  // nullopt: any authenticated user
#pragma once

#include <optional>
#include <string_view>

#include "mock/auth/users.h"
#include "mock/reply/route.h"

namespace mock::api {

// The OCP permission a route's access needs; nullopt when authentication is enough, or none is
// asked (kPublic, kControl).
std::optional<auth::Permission> PermissionFor(Access access);

// Whether a request must carry credentials: every level but kPublic and kControl (the control
// plane asks for them only beyond loopback: ApiOptions::control_needs_credentials).
bool NeedsCredentials(Access access);

// "control", "public", "authenticated", or the permission's name ("TASK_VIEWER").
std::string_view AccessName(Access access);

}  // namespace mock::api
