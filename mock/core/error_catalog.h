// OCP's error codes and messages for each ErrorKind, as one OCP version documents them.
//
// OCP numbered its codes (1001, 3000, 4001...) up to 4.2.1 and switched to prefixed strings
// (COM10001, IAM10000, TSK10001...) in 4.2.2. The catalogues are data, in each version's
// profile (schemas/versions/<version>/profile.json, read by mock/versions/profile.h), so a new
// version needs no code.
//
//   ErrorCatalog c = profile.errors;
//   c.Lookup(ErrorKind::kUnsupportedSort).code     // "COM10011" (4.2.2) or 1011 (4.2.1)
//   c.Render({ErrorKind::kUnsupportedSort, "foo"})  // "The foo field cannot be used for sorting."
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "mock/core/error.h"

namespace mock {

struct CatalogEntry {
  std::variant<int64_t, std::string> code;
  std::string message;  // the documented message, `{0}`, `{1}`... not yet filled

  std::string CodeText() const;  // "1011" or "COM10011"
  bool operator==(const CatalogEntry&) const = default;
};

// The name of a kind in profile files: kTaskNotFound <-> "taskNotFound".
std::string_view ErrorKindName(ErrorKind kind);
std::optional<ErrorKind> ErrorKindFromName(std::string_view name);
inline constexpr size_t kErrorKindCount = static_cast<size_t>(ErrorKind::kInternal) + 1;

class ErrorCatalog {
 public:
  // Every kind reads code 0 and a message of just its subject: a placeholder for code that
  // never shows errors to clients. Servers use Make with a profile's entries.
  ErrorCatalog();
  // Fails naming the first kind without an entry.
  static Result<ErrorCatalog> Make(const std::map<ErrorKind, CatalogEntry>& entries);

  const CatalogEntry& Lookup(ErrorKind kind) const;

  // The documented message with `{0}` replaced by `error.subject` and `{1}`... by
  // `error.more_args`, followed by `error.detail`. A placeholder left unfilled never shows
  // internals: it reads "see the server log".
  std::string Render(const Error& error) const;

 private:
  std::array<CatalogEntry, kErrorKindCount> entries_;
};

}  // namespace mock
