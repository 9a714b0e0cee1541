// What a route is: a method and a path pattern, the permission it needs, and the handler that
// answers it. Handlers return a Reply or a failure; Api::Handle alone turns either into the
// envelope, so a handler never builds a response.
//
//   Route{"GET", "/api/v2/tasks/instances/{taskInstanceId}", Access::kTaskViewer,
//         [&](const Call& call) { return tasks.Detail(call.ids[0]); }}
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/auth/users.h"
#include "mock/core/status.h"
#include "mock/http/message.h"
#include "mock/json/json_writer.h"

namespace mock::api {

// Who may call a route.
enum class Access {
  kControl,         // the mock's own /__mock/ endpoints: not journaled; no credentials on a
                    // loopback address, a TASK_MANAGER user on any other (ApiOptions), but
                    // for /__mock/health
  kPublic,          // an OCP endpoint without authentication (GET /api/v2/time)
  kAuthenticated,   // any authenticated user, whatever their permissions (GET /api/v2/info)
  kTaskViewer,      // OCP's read permission on tasks
  kTaskManager,     // OCP's permission to change tasks
  kClusterViewer,   // OCP's read permission on clusters (and their tenants)
  kHostViewer,      // OCP's read permission on hosts
  kHostManager,     // OCP's permission to add and change hosts
  kClusterManager,  // OCP's permission to create and delete OceanBase clusters
  kPackageManager,  // OCP's permission to upload software packages
};

// Whether a pattern's `{name}` segment is text (a zone's name, a user's name): its name ends in
// "name" or "Name" ({zoneName}, {username}, {roleName}), or it is one of the text ids OCP's SQL
// pages name: {sqlId} (32 hex digits) and {planUid} (a plan's uid). Every other segment is a
// 64-bit id.
inline bool IsTextSegment(std::string_view name) {
  return name.ends_with("Name") || name.ends_with("name") || name == "sqlId" || name == "planUid";
}

// A request as a handler sees it.
struct Call {
  const http::Request& request;
  // The pattern's id `{...}` segments, in order, each a 64-bit decimal id: a segment that is not
  // one never reaches the handler (it is answered as OCP's invalidParameter naming it).
  std::vector<int64_t> ids;
  // Who sent it; nullptr when the mock runs without authentication (every permission).
  const auth::User* user = nullptr;
  // The pattern's text segments (IsTextSegment), in order, as decoded from the path.
  std::vector<std::string> texts = {};
};

// What a handler answers with on success: the envelope's `data`, or (for the few OCP endpoints
// documented without the envelope) a bare body.
struct Reply {
  // Writes exactly one JSON value; empty: the envelope has no `data` (as OCP answers skip and
  // cancel). Runs after every lock the handler took is released, so it owns what it writes.
  std::function<void(json::JsonWriter&)> write_data;
  // Set: the whole body, sent as it is with `content_type`, without the envelope.
  std::optional<std::string> bare_body = std::nullopt;
  std::string content_type = "application/json";
};

using Handler = std::function<StatusOr<Reply>(const Call&)>;

struct Route {
  std::string method;   // "GET", "POST", ...
  std::string pattern;  // "/api/v2/tasks/instances/{taskInstanceId}"
  Access access;
  Handler handler;
};

}  // namespace mock::api
