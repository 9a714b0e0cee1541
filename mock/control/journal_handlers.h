// The request journal's control endpoints (issue: client-CI control plane):
//   GET    /__mock/requests        entries newest first, filtered and paged like OCP's lists
//   GET    /__mock/requests/count  {"count": N} with the same filters
//   DELETE /__mock/requests        empties it: {"cleared": N}
// Filters: method (exact), path (a glob on the decoded path, `*` spans '/'), user (exact),
// status (an HTTP status), since (epoch milliseconds or an ISO-8601 time with offset); paging:
// page and size, resolved as OCP's lists resolve them. Any other parameter is a 400.
#pragma once

#include "mock/core/params.h"
#include "mock/journal/journal.h"
#include "mock/reply/route.h"

namespace mock::api {

class JournalHandlers {
 public:
  // `journal` must outlive the handlers.
  explicit JournalHandlers(journal::Journal& journal) : journal_(journal) {}

  StatusOr<Reply> List(const QueryParams& params) const;
  StatusOr<Reply> Count(const QueryParams& params) const;
  StatusOr<Reply> Clear() const;

 private:
  journal::Journal& journal_;
};

// The filter `params` describe; a 400 (invalidParameter naming the parameter) for a parameter
// the journal does not know, a malformed value, or a glob with an unclosed '['. `paged` allows
// `page` and `size`.
StatusOr<journal::Filter> ParseJournalFilter(const QueryParams& params, bool paged);

}  // namespace mock::api
