#include "mock/core/error.h"

namespace mock {

Error InvalidParameter(std::string name, std::string detail) {
  return Error{ErrorKind::kInvalidParameter, std::move(name), std::move(detail)};
}

Error BadRequest(std::string cause) { return Error{ErrorKind::kBadRequest, std::move(cause), ""}; }

std::string Excerpt(std::string_view value) {
  constexpr size_t kMax = 64;
  if (value.size() <= kMax) return std::string(value);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidParameter:
    case ErrorKind::kBadRequest:
    case ErrorKind::kUnsupportedSort:
      return 400;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kMethodNotAllowed:
      return 405;
    case ErrorKind::kPayloadTooLarge:
      return 413;
    case ErrorKind::kTaskNotFound:
      return 404;
    case ErrorKind::kTaskStateInvalid:
    case ErrorKind::kTaskCannotRollback:
    case ErrorKind::kSubtaskCannotSkip:
      return 400;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kPermissionDenied:
      return 403;
    case ErrorKind::kThrottled:
      return 429;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace mock
