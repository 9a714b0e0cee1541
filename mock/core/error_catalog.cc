#include "mock/core/error_catalog.h"

namespace mock {
namespace {

constexpr std::array<std::string_view, kErrorKindCount> kNames = {
    "invalidParameter",   "badRequest",        "unsupportedSort", "notFound",
    "methodNotAllowed",   "payloadTooLarge",   "taskNotFound",    "taskStateInvalid",
    "taskCannotRollback", "subtaskCannotSkip", "unauthenticated", "permissionDenied",
    "throttled",          "unavailable",       "internal",
};
static_assert(kNames.size() == kErrorKindCount);

// One pass over the template, so a value that itself contains "{1}" is never expanded. A
// placeholder without a value reads "see the server log": internals are never shown.
std::string Format(std::string_view pattern, const Error& error) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t close = i + 1;
    while (close < pattern.size() && pattern[close] >= '0' && pattern[close] <= '9') ++close;
    if (pattern[i] != '{' || close == i + 1 || close > i + 4 || close >= pattern.size() ||
        pattern[close] != '}') {
      out += pattern[i++];
      continue;
    }
    size_t n = std::stoul(std::string(pattern.substr(i + 1, close - i - 1)));
    if (n == 0) {
      out += error.subject;
    } else if (n <= error.more_args.size()) {
      out += error.more_args[n - 1];
    } else {
      out += "see the server log";
    }
    i = close + 1;
  }
  return out;
}

}  // namespace

std::string CatalogEntry::CodeText() const {
  if (const int64_t* n = std::get_if<int64_t>(&code)) return std::to_string(*n);
  return std::get<std::string>(code);
}

std::string_view ErrorKindName(ErrorKind kind) { return kNames[static_cast<size_t>(kind)]; }

std::optional<ErrorKind> ErrorKindFromName(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<ErrorKind>(i);
  }
  return std::nullopt;
}

ErrorCatalog::ErrorCatalog() { entries_.fill({int64_t{0}, "{0}"}); }

Result<ErrorCatalog> ErrorCatalog::Make(const std::map<ErrorKind, CatalogEntry>& entries) {
  ErrorCatalog catalog;
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    auto it = entries.find(static_cast<ErrorKind>(i));
    if (it == entries.end()) {
      return BadRequest("no error entry for \"" + std::string(kNames[i]) + "\"");
    }
    catalog.entries_[i] = it->second;
  }
  return catalog;
}

const CatalogEntry& ErrorCatalog::Lookup(ErrorKind kind) const {
  return entries_[static_cast<size_t>(kind)];
}

std::string ErrorCatalog::Render(const Error& error) const {
  std::string message = Format(Lookup(error.kind).message, error);
  if (!error.detail.empty()) message += " " + error.detail;
  return message;
}

}  // namespace mock
