#include "mock/core/error_catalog.h"

namespace mock {
namespace {

struct Row {
  ErrorKind kind;
  int numeric;
  const char* numeric_message;
  const char* prefixed;
  const char* prefixed_message;
};

// Messages are verbatim from the OCP 4.2.1 and 4.2.2 error tables. The documentation is silent
// on which codes answer an unknown path or an oversized request; we use the closest documented
// ones (1003/COM10003 "invalid request") and say so in the README.
constexpr Row kRows[] = {
    {ErrorKind::kInvalidParameter, 1001,
     "You must specify a valid value for {0}. Please check and try again.", "COM10001",
     "The input parameter {0} is empty or invalid. Please check and try again."},
    {ErrorKind::kBadRequest, 1003, "The request is invalid. Cause: {0}.", "COM10003",
     "Invalid request. Cause:{0}"},
    {ErrorKind::kUnsupportedSort, 1011, "The sort field {0} is not supported.", "COM10011",
     "The {0} field cannot be used for sorting."},
    {ErrorKind::kNotFound, 1003, "The request is invalid. Cause: {0}.", "COM10003",
     "Invalid request. Cause:{0}"},
    {ErrorKind::kMethodNotAllowed, 1008, "The method is not supported.", "COM10008",
     "The method is not supported."},
    {ErrorKind::kPayloadTooLarge, 1003, "The request is invalid. Cause: {0}.", "COM10003",
     "Invalid request. Cause:{0}"},
    {ErrorKind::kInternal, 1999,
     "An unknown error occurred. Cause: {0}. Error: {1}. Please contact the administrator.",
     "COM10999",
     "An unknown error has occurred. Cause: {0}. Error message: {1}. Contact the administrator."},
};

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace

CatalogEntry Lookup(ErrorKind kind, CodeScheme scheme) {
  for (const Row& row : kRows) {
    if (row.kind != kind) continue;
    if (scheme == CodeScheme::kNumeric) return {row.numeric, row.numeric_message};
    return {std::string(row.prefixed), row.prefixed_message};
  }
  return {0, "An unknown error has occurred."};
}

std::string RenderMessage(const Error& error, CodeScheme scheme) {
  std::string message = Lookup(error.kind, scheme).message;
  message = ReplaceAll(std::move(message), "{0}", error.subject);
  // The internal error's second placeholder is never filled with internals.
  message = ReplaceAll(std::move(message), "{1}", "see the server log");
  if (!error.detail.empty()) message += " " + error.detail;
  return message;
}

}  // namespace mock
