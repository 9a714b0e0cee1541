// OCP's error codes and messages for each ErrorKind, as one OCP version documents them.
//
// OCP numbered its codes (1001, 3000, 4001...) up to 4.2.1 and switched to prefixed strings
// (COM10001, IAM10000, TSK10001...) in 4.2.2. The catalogues are data, in each version's
// profile (schemas/versions/<version>/profile.json, read by mock/versions/profile.h), so a new
// version needs no code.
//
//   ErrorCatalog c = profile.errors;
//   c.Lookup(ErrorKind::kUnsupportedSort).code     // "COM10011" (4.2.2) or 1011 (4.2.1)
//   c.Render(OcpError(ErrorKind::kUnsupportedSort, "", {"foo"}))
//       // "The foo field cannot be used for sorting."
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "mock/core/status.h"
#include "mock/ocp/error_kinds.h"

namespace mock::ocp {

struct CatalogEntry {
  std::variant<int64_t, std::string> code;
  std::string message;  // the documented message, `{0}`, `{1}`... not yet filled

  std::string CodeText() const;  // "1011" or "COM10011"
  bool operator==(const CatalogEntry&) const = default;
};

class ErrorCatalog {
 public:
  // Every kind reads code 0 and a message of just its first argument: a placeholder for code that
  // never shows errors to clients. Servers use Make with a profile's entries.
  ErrorCatalog();
  // Fails naming the first kind without an entry.
  static StatusOr<ErrorCatalog> Make(const std::map<ErrorKind, CatalogEntry>& entries);

  const CatalogEntry& Lookup(ErrorKind kind) const;

  const CatalogEntry& Lookup(const Status& status) const { return Lookup(KindOf(status)); }

  // The documented message of KindOf(status) with `{0}`, `{1}`... replaced by status.args(),
  // followed by status.message(). A placeholder left unfilled never shows internals: it reads
  // "see the server log".
  std::string Render(const Status& status) const;

 private:
  std::array<CatalogEntry, kErrorKindCount> entries_;
};

}  // namespace mock::ocp
