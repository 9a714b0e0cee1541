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
    // {0} the task id.
    {ErrorKind::kTaskNotFound, 4001, "The task {0} does not exist.", "TSK10001",
     "The {0} task does not exist."},
    // {0} the task id, {1} its current state, {2} the state the operation needs. The two
    // versions' messages name different states; the texts are otherwise verbatim.
    {ErrorKind::kTaskStateInvalid, 4007,
     "The operation is not allowed because the task {0} is in {1} state.", "TSK10016",
     "This operation is not allowed for task {0} in the current state. The expected status is "
     "{2}."},
    {ErrorKind::kTaskCannotRollback, 4009, "The task {0} cannot be rolled back.", "TSK10009",
     "Task {0} can not rollback."},
    // {0} the subtask id.
    {ErrorKind::kSubtaskCannotSkip, 4010, "The subtask {0} cannot be skipped.", "TSK10010",
     "Subtask {0} can not skip."},
    {ErrorKind::kUnauthenticated, 3000,
     "You are not logged on or a logon error occurred. Please log on and try again.", "IAM10000",
     "The current user has not logged on or a logon error has occurred. Please log on and try "
     "again."},
    {ErrorKind::kPermissionDenied, 3100,
     "You are not authorized to perform the corresponding operations. Please contact the "
     "administrator.",
     "IAM11000",
     "You are not authorized to perform the corresponding operation. Contact the "
     "administrator."},
    // OCP's documented 429 body carries code 0 in every version.
    {ErrorKind::kThrottled, 0,
     "Excessive number of requests. You have exceeded the request limit for the current "
     "throttling window.",
     "0",
     "Excessive number of requests. You have exceeded the request limit for the current "
     "throttling window."},
    {ErrorKind::kUnavailable, 1003, "The request is invalid. Cause: {0}.", "COM10003",
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
    if (scheme == CodeScheme::kNumeric || kind == ErrorKind::kThrottled) {
      return {row.numeric, row.numeric_message};
    }
    return {std::string(row.prefixed), row.prefixed_message};
  }
  return {0, "An unknown error has occurred."};
}

std::string RenderMessage(const Error& error, CodeScheme scheme) {
  std::string message = Lookup(error.kind, scheme).message;
  message = ReplaceAll(std::move(message), "{0}", error.subject);
  for (size_t i = 0; i < error.more_args.size(); ++i) {
    message = ReplaceAll(std::move(message), "{" + std::to_string(i + 1) + "}", error.more_args[i]);
  }
  // The internal error's second placeholder is never filled with internals.
  message = ReplaceAll(std::move(message), "{1}", "see the server log");
  if (!error.detail.empty()) message += " " + error.detail;
  return message;
}

}  // namespace mock
