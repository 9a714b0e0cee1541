// OCP's kinds of error, and the one place where a Status becomes an HTTP status and an OCP
// error kind (whose code and message each version's catalogue gives: error_catalog.h).
//
// A failure carries its kind as a detail where OCP documents a specific one (taskNotFound,
// unsupportedSort, ...); otherwise its canonical code picks the kind:
//
//   StatusCode          kind              HTTP
//   kInvalidArgument    invalidParameter  400
//   kNotFound           notFound          404
//   kFailedPrecondition badRequest        400
//   kPermissionDenied   permissionDenied  403
//   kUnauthenticated    unauthenticated   401
//   kResourceExhausted  throttled         429
//   kUnavailable        unavailable       503
//   kUnimplemented      methodNotAllowed  405
//   kConfig, kInternal  internal          500
//
//   Status s = OcpError(ErrorKind::kTaskNotFound, "", {"35000312"});
//   HttpStatusFor(s);  // 404
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/status.h"

namespace mock::ocp {

// Each kind has one HTTP status and one canonical StatusCode it refines.
enum class ErrorKind {
  kInvalidParameter,    // a query or path parameter is malformed or out of its domain (400)
  kBadRequest,          // the request itself cannot be read: encoding, framing (400)
  kUnsupportedSort,     // `sort` names a property the list cannot be sorted by (400)
  kNotFound,            // no API at this path (404)
  kMethodNotAllowed,    // the path exists, the method does not (405)
  kPayloadTooLarge,     // the request exceeds the configured size limit (413)
  kTaskNotFound,        // no such task, or no such subtask in it (404)
  kTaskStateInvalid,    // the operation is not allowed in the task's state (400)
  kTaskCannotRollback,  // the task prohibits rollback (400)
  kSubtaskCannotSkip,   // the subtask is not in a state that can be skipped (400)
  kRecordNotFound,      // no cluster, tenant or host with that id (404; OCP's 1002/COM10002)
  kNameExists,          // a resource with that name already exists (400; OCP's 1006/COM10006)
  // The client flows' specific errors (docs/reference/ocp-client-flows.md §6): each version's
  // error table gives their codes; a version without one borrows the closest code it has.
  kTimeRangeInvalid,          // a start and end out of order (400; 1010/COM10010)
  kClusterNotFound,           // no OB cluster with that id (404; 11001/OBE11001)
  kClusterExists,             // the cluster to create exists (400; 11014/OBE11014)
  kTakeoverClusterExists,     // the cluster to take over is managed already (400; 11034/OBE11034)
  kTakeoverPrecheckFailed,    // the takeover pre-check failed (400; 11042/OBE11042)
  kCredentialExists,          // the same credential exists (400; 8002/CRD08002)
  kObproxyClusterNotFound,    // no OBProxy cluster with that id (404; 21001/ODP21001)
  kPackageSuffixInvalid,      // an upload that is not an .rpm (400; 7503/PKG10003)
  kPackageExists,             // a package of that file name exists (400; 7512/PKG10012)
  kArbitrationExists,         // a service on that host and port exists (400; OBE50020)
  kArbitrationStatusInvalid,  // the service's status forbids it (400; OBE50001)
  // Cluster and tenant parameters (docs/reference/ocp-cluster-topology.md §14 R1, R2, R4, R10,
  // R11; docs/parameters.md): 400, since the body is at fault, not the path.
  kParameterNotFound,        // no cluster parameter of that name (400; 11055/OBE31201)
  kTenantParameterNotFound,  // no tenant parameter of that name (400; 15060/OBE31301)
  kParameterValueInvalid,    // a value its parameter refuses (400; 11056/OBE31202)
  kParameterReadonly,        // a read-only cluster parameter (400; 11058/OBE31204)
  kTenantParameterReadonly,  // a read-only tenant parameter (400; 15061/OBE31302)
  // A tenant's database objects (docs/reference/ocp-tenant-objects-and-obproxy.md §10): which
  // endpoint answers which is the mock's (docs/tenant-objects.md); 3.1.1 has no role codes.
  kDbUserNotFound,            // no database user of that name (404; 15252/OBE62002)
  kDbRoleNotFound,            // no role of that name (404; 15302/OBE62102)
  kOracleTenantNotSupported,  // MySQL tenants only (400; 15206/OBE61006)
  kMysqlTenantNotSupported,   // Oracle tenants only (400; 15256/OBE62006)
  // A cluster's topology (docs/reference/ocp-cluster-topology.md §14 R17; docs/topology.md).
  kZoneNotFound,      // no zone of that name in the cluster (404; 12002/OBE18002)
  kUnauthenticated,   // no credentials, or wrong ones (401)
  kPermissionDenied,  // valid credentials without the permission (403)
  kThrottled,         // over the user's request limit (429)
  kUnavailable,       // the server is at its connection limit (503)
  kInternal,          // a bug in the mock; the detail goes to the log, never to the client (500)
};
inline constexpr size_t kErrorKindCount = static_cast<size_t>(ErrorKind::kInternal) + 1;

// The name of a kind in profile files and in Status::ocp_kind(): kTaskNotFound <->
// "taskNotFound".
std::string_view ErrorKindName(ErrorKind kind);
std::optional<ErrorKind> ErrorKindFromName(std::string_view name);

// A failure of `kind`: its canonical code, `message` (a sentence for the developer, appended to
// OCP's documented text), `args` (the documented text's {0}, {1}, ...).
Status OcpError(ErrorKind kind, std::string message, std::vector<std::string> args = {});

// An invalid query or path parameter `name`; `sentence` says what was wrong with it.
Status InvalidParameter(std::string name, std::string sentence);
// A request that cannot be read; `cause` fills "Invalid request. Cause:{0}".
Status BadRequest(std::string cause);

// The kind `status` is: its detail, else the default of its code (table above).
ErrorKind KindOf(const Status& status);

// The HTTP status that answers `status` (a failure).
int HttpStatusFor(const Status& status);
int HttpStatusFor(ErrorKind kind);

// The kind a bare HTTP status stands for (400 badRequest, 401, 403, 404 notFound, 405, 413, 429,
// 500, 503), for answers that give only a status (fault rules); nullopt for any other status.
std::optional<ErrorKind> KindForHttpStatus(int http_status);

// A failure of the transport (a request the server could not read, too large, or one
// connection too many) as OCP answers it: its message becomes the cause of a badRequest,
// a payloadTooLarge or an unavailable.
Status AsTransportError(const Status& status);

}  // namespace mock::ocp
