// One error model for the whole mock, in the style of Abseil's Status/StatusOr: an operation
// returns a `Status` (or a `StatusOr<T>` when it has a value), whose canonical code says what
// went wrong in general terms. Nothing here knows HTTP or tasks: where OCP has a specific error
// for a failure (a task that cannot be rolled back, say), the failure carries its OCP error
// kind as a detail, and mock/ocp/error_kinds.h alone turns a Status into an HTTP status and an
// OCP error code.
//
//   StatusOr<int64_t> id = ParseId("12x");
//   if (!id.ok()) return id.status();
//   Status s = ConfigError("fixtures/tasks/a.json: /tasks/3: missing");  // a start-up failure
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mock {

// What went wrong, most specific first (Abseil status.h's advice: return the most specific
// code that applies).
enum class StatusCode : uint8_t {
  kOk,
  kInvalidArgument,     // the caller's input is malformed or out of its domain
  kNotFound,            // the thing named does not exist
  kFailedPrecondition,  // the thing exists but is not in a state that allows the operation
  kPermissionDenied,    // the caller is known but may not do this
  kUnauthenticated,     // the caller is not known: no credentials, or wrong ones
  kResourceExhausted,   // a limit was reached: size, rate, count
  kUnavailable,         // try again later (the server is at its connection limit)
  kUnimplemented,       // the operation does not exist here (a method a path does not take)
  kConfig,              // start-up input (fixtures, schemas, profiles, flags, a port) is refused
  kInternal,            // a bug in the mock
};

// "INVALID_ARGUMENT", "CONFIG", ...
std::string_view StatusCodeName(StatusCode code);

// [[nodiscard]]: a Status dropped unread is a failure nobody handles; a deliberate discard says
// so, `(void)store.Remove(id);  // why`.
class [[nodiscard]] Status {
 public:
  // OK.
  Status() = default;
  // `message` is a sentence for the developer who reads it: which value was wrong and why.
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // OCP's documented messages have placeholders ({0}, {1}, ...): a parameter name, a task id.
  // These are their values, in order; the message above follows OCP's text.
  const std::vector<std::string>& args() const { return args_; }
  Status WithArgs(std::vector<std::string> args) &&;

  // The OCP error kind this failure is, where OCP documents a specific one: a name in OCP's
  // error catalogue ("taskNotFound"), one of the constants of mock/ocp/error_kinds.h, which
  // have static storage. Empty: the kind follows from the code alone.
  std::string_view ocp_kind() const { return ocp_kind_; }
  Status WithOcpKind(std::string_view kind) &&;

  // "INVALID_ARGUMENT: <message>", for logs and test failures.
  std::string ToString() const;

  bool operator==(const Status&) const = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<std::string> args_;
  std::string_view ocp_kind_;
};

Status InvalidArgument(std::string message);
Status NotFound(std::string message);
Status FailedPrecondition(std::string message);
Status PermissionDenied(std::string message);
Status Unauthenticated(std::string message);
Status ResourceExhausted(std::string message);
Status Unavailable(std::string message);
Status ConfigError(std::string message);
Status InternalError(std::string message);

// `value` for quoting in a message: at most 64 bytes, cut on a UTF-8 boundary, with "..." when
// cut, so a huge input is never echoed back whole.
std::string Excerpt(std::string_view value);

// A value, or the Status that prevented it (std::expected is C++23).
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // `status` must not be OK.
  StatusOr(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  // The failure; OK when there is a value.
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace mock
