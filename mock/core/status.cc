#include "mock/core/status.h"

#include <array>

namespace mock {
namespace {

constexpr std::array<std::string_view, 11> kCodeNames = {
    "OK",
    "INVALID_ARGUMENT",
    "NOT_FOUND",
    "FAILED_PRECONDITION",
    "PERMISSION_DENIED",
    "UNAUTHENTICATED",
    "RESOURCE_EXHAUSTED",
    "UNAVAILABLE",
    "UNIMPLEMENTED",
    "CONFIG",
    "INTERNAL",
};
static_assert(kCodeNames.size() == static_cast<size_t>(StatusCode::kInternal) + 1,
              "every StatusCode has a name");

}  // namespace

std::string_view StatusCodeName(StatusCode code) { return kCodeNames[static_cast<size_t>(code)]; }

Status Status::WithArgs(std::vector<std::string> args) && {
  args_ = std::move(args);
  return std::move(*this);
}

Status Status::WithOcpKind(std::string_view kind) && {
  ocp_kind_ = kind;
  return std::move(*this);
}

std::string Status::ToString() const {
  std::string out(StatusCodeName(code_));
  if (!ocp_kind_.empty()) out += "(" + std::string(ocp_kind_) + ")";
  for (const std::string& arg : args_) out += " [" + arg + "]";
  if (!message_.empty()) out += ": " + message_;
  return out;
}

Status InvalidArgument(std::string message) {
  return {StatusCode::kInvalidArgument, std::move(message)};
}
Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
Status FailedPrecondition(std::string message) {
  return {StatusCode::kFailedPrecondition, std::move(message)};
}
Status PermissionDenied(std::string message) {
  return {StatusCode::kPermissionDenied, std::move(message)};
}
Status Unauthenticated(std::string message) {
  return {StatusCode::kUnauthenticated, std::move(message)};
}
Status ResourceExhausted(std::string message) {
  return {StatusCode::kResourceExhausted, std::move(message)};
}
Status Unavailable(std::string message) { return {StatusCode::kUnavailable, std::move(message)}; }
Status ConfigError(std::string message) { return {StatusCode::kConfig, std::move(message)}; }
Status InternalError(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

std::string Excerpt(std::string_view value) {
  constexpr size_t kMax = 64;
  if (value.size() <= kMax) return std::string(value);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

}  // namespace mock
