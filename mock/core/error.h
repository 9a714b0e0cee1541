// One error model for the whole mock: every failure a client can see is an `Error`, and
// `HttpStatusFor` is the only place that maps it to an HTTP status.
//
//   Result<int> r = ParseId("12x");
//   if (!r.ok()) return ErrorResponse(r.error());
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mock {

// What went wrong, in the terms of OCP's error catalogue. Each kind has one HTTP status and one
// OCP error code (see error_catalog.h).
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
  kUnauthenticated,     // no credentials, or wrong ones (401)
  kPermissionDenied,    // valid credentials without the permission (403)
  kThrottled,           // over the user's request limit (429)
  kUnavailable,         // the server is at its connection limit (503)
  kInternal,            // a bug in the mock; the detail goes to the log, never to the client (500)
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  // Fills the `{0}` placeholder of the catalogue message (a parameter name, a path, ...).
  std::string subject;
  // A sentence for the developer reading the response: which value was wrong and why.
  std::string detail;
  // Fill `{1}`, `{2}`, ... (each ErrorKind documents what they are).
  std::vector<std::string> more_args = {};
};

Error InvalidParameter(std::string name, std::string detail);
// `cause` fills the message: "Invalid request. Cause:<cause>".
Error BadRequest(std::string cause);

// `value` for quoting in an error message: at most 64 bytes, cut on a UTF-8 boundary, with "..."
// when cut, so a huge input is never echoed back whole.
std::string Excerpt(std::string_view value);

// The HTTP status that answers `kind`.
int HttpStatusFor(ErrorKind kind);

// A value or the error that prevented it. (std::expected is C++23.)
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace mock
