#include "mock/ocp/error_kinds.h"

#include <array>

namespace mock::ocp {
namespace {

struct KindInfo {
  std::string_view name;
  StatusCode code;
  int http_status;
};

// Indexed by ErrorKind.
constexpr std::array<KindInfo, kErrorKindCount> kKinds = {{
    {"invalidParameter", StatusCode::kInvalidArgument, 400},
    {"badRequest", StatusCode::kInvalidArgument, 400},
    {"unsupportedSort", StatusCode::kInvalidArgument, 400},
    {"notFound", StatusCode::kNotFound, 404},
    {"methodNotAllowed", StatusCode::kUnimplemented, 405},
    {"payloadTooLarge", StatusCode::kResourceExhausted, 413},
    {"taskNotFound", StatusCode::kNotFound, 404},
    {"taskStateInvalid", StatusCode::kFailedPrecondition, 400},
    {"taskCannotRollback", StatusCode::kFailedPrecondition, 400},
    {"subtaskCannotSkip", StatusCode::kFailedPrecondition, 400},
    {"recordNotFound", StatusCode::kNotFound, 404},
    {"nameExists", StatusCode::kFailedPrecondition, 400},
    {"timeRangeInvalid", StatusCode::kInvalidArgument, 400},
    {"clusterNotFound", StatusCode::kNotFound, 404},
    {"clusterExists", StatusCode::kFailedPrecondition, 400},
    {"takeoverClusterExists", StatusCode::kFailedPrecondition, 400},
    {"takeoverPrecheckFailed", StatusCode::kFailedPrecondition, 400},
    {"credentialExists", StatusCode::kFailedPrecondition, 400},
    {"obproxyClusterNotFound", StatusCode::kNotFound, 404},
    {"packageSuffixInvalid", StatusCode::kInvalidArgument, 400},
    {"packageExists", StatusCode::kFailedPrecondition, 400},
    {"arbitrationExists", StatusCode::kFailedPrecondition, 400},
    {"arbitrationStatusInvalid", StatusCode::kFailedPrecondition, 400},
    {"parameterNotFound", StatusCode::kInvalidArgument, 400},
    {"tenantParameterNotFound", StatusCode::kInvalidArgument, 400},
    {"parameterValueInvalid", StatusCode::kInvalidArgument, 400},
    {"parameterReadonly", StatusCode::kFailedPrecondition, 400},
    {"tenantParameterReadonly", StatusCode::kFailedPrecondition, 400},
    {"dbUserNotFound", StatusCode::kNotFound, 404},
    {"dbRoleNotFound", StatusCode::kNotFound, 404},
    {"oracleTenantNotSupported", StatusCode::kFailedPrecondition, 400},
    {"mysqlTenantNotSupported", StatusCode::kFailedPrecondition, 400},
    {"zoneNotFound", StatusCode::kNotFound, 404},
    {"unauthenticated", StatusCode::kUnauthenticated, 401},
    {"permissionDenied", StatusCode::kPermissionDenied, 403},
    {"throttled", StatusCode::kResourceExhausted, 429},
    {"unavailable", StatusCode::kUnavailable, 503},
    {"internal", StatusCode::kInternal, 500},
}};

const KindInfo& Info(ErrorKind kind) { return kKinds[static_cast<size_t>(kind)]; }

ErrorKind DefaultKind(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
      return ErrorKind::kInvalidParameter;
    case StatusCode::kNotFound:
      return ErrorKind::kNotFound;
    case StatusCode::kFailedPrecondition:
      return ErrorKind::kBadRequest;
    case StatusCode::kPermissionDenied:
      return ErrorKind::kPermissionDenied;
    case StatusCode::kUnauthenticated:
      return ErrorKind::kUnauthenticated;
    case StatusCode::kResourceExhausted:
      return ErrorKind::kThrottled;
    case StatusCode::kUnavailable:
      return ErrorKind::kUnavailable;
    case StatusCode::kUnimplemented:
      return ErrorKind::kMethodNotAllowed;
    case StatusCode::kOk:  // not a failure: answering it is a bug
    case StatusCode::kConfig:
    case StatusCode::kInternal:
      return ErrorKind::kInternal;
  }
  return ErrorKind::kInternal;
}

}  // namespace

std::string_view ErrorKindName(ErrorKind kind) { return Info(kind).name; }

std::optional<ErrorKind> ErrorKindFromName(std::string_view name) {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i].name == name) return static_cast<ErrorKind>(i);
  }
  return std::nullopt;
}

Status OcpError(ErrorKind kind, std::string message, std::vector<std::string> args) {
  const KindInfo& info = Info(kind);
  return Status(info.code, std::move(message)).WithArgs(std::move(args)).WithOcpKind(info.name);
}

Status InvalidParameter(std::string name, std::string sentence) {
  return OcpError(ErrorKind::kInvalidParameter, std::move(sentence), {std::move(name)});
}

Status BadRequest(std::string cause) {
  return OcpError(ErrorKind::kBadRequest, "", {std::move(cause)});
}

ErrorKind KindOf(const Status& status) {
  if (status.ocp_kind().empty()) return DefaultKind(status.code());
  return ErrorKindFromName(status.ocp_kind()).value_or(ErrorKind::kInternal);
}

int HttpStatusFor(ErrorKind kind) { return Info(kind).http_status; }

int HttpStatusFor(const Status& status) { return HttpStatusFor(KindOf(status)); }

std::optional<ErrorKind> KindForHttpStatus(int http_status) {
  for (ErrorKind kind :
       {ErrorKind::kBadRequest, ErrorKind::kUnauthenticated, ErrorKind::kPermissionDenied,
        ErrorKind::kNotFound, ErrorKind::kMethodNotAllowed, ErrorKind::kPayloadTooLarge,
        ErrorKind::kThrottled, ErrorKind::kInternal, ErrorKind::kUnavailable}) {
    if (HttpStatusFor(kind) == http_status) return kind;
  }
  return std::nullopt;
}

Status AsTransportError(const Status& status) {
  switch (status.code()) {
    case StatusCode::kResourceExhausted:
      return OcpError(ErrorKind::kPayloadTooLarge, "", {status.message()});
    case StatusCode::kUnavailable:
      return OcpError(ErrorKind::kUnavailable, "", {status.message()});
    case StatusCode::kInternal:
      return status;
    default:
      return BadRequest(status.message());
  }
}

}  // namespace mock::ocp
