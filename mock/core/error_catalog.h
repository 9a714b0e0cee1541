// OCP's error codes and messages for each ErrorKind.
//
// OCP numbered its codes (1001, 3000, 4001...) up to 4.2.1 and switched to prefixed strings
// (COM10001, IAM10000, TSK10001...) in 4.2.2; both catalogues are in the OCP error table
// appendix. The mock answers as the newest version (4.2.2) unless told otherwise.
//
//   CatalogEntry e = Lookup(ErrorKind::kUnsupportedSort, CodeScheme::kPrefixed);
//   // e.code == "COM10011", e.message == "The {0} field cannot be used for sorting."
#pragma once

#include <string>
#include <variant>

#include "mock/core/error.h"

namespace mock {

enum class CodeScheme {
  kNumeric,   // OCP 3.1.1 .. 4.2.1: `"code": 1001`
  kPrefixed,  // OCP 4.2.2: `"code": "COM10001"`
};

struct CatalogEntry {
  std::variant<int, std::string> code;
  std::string message;  // the documented message, `{0}` not yet filled
};

CatalogEntry Lookup(ErrorKind kind, CodeScheme scheme);

// The documented message with `{0}` replaced by `error.subject`, followed by `error.detail`.
std::string RenderMessage(const Error& error, CodeScheme scheme);

}  // namespace mock
