// The request journal's control endpoints (issue: client-CI control plane):
//   GET    /__mock/requests        entries newest first, filtered and paged like OCP's lists
//   GET    /__mock/requests?format=har, GET /__mock/requests.har
//                                  every entry the filters match, as HAR 1.2 (journal_har.h)
//   GET    /__mock/requests/count  {"count": N} with the same filters
//   DELETE /__mock/requests        empties it: {"cleared": N}
// Filters: method (exact), path (a glob on the decoded path, `*` spans '/'), user (exact),
// status (an HTTP status), since (epoch milliseconds or an ISO-8601 time with offset); paging
// (the JSON list alone): page and size, resolved as OCP's lists resolve them; format: json (the
// default) or har. Any other parameter is a 400.
#pragma once

#include "mock/core/params.h"
#include "mock/http/message.h"
#include "mock/journal/journal.h"
#include "mock/reply/route.h"

namespace mock::api {

class JournalHandlers {
 public:
  // `journal` must outlive the handlers.
  explicit JournalHandlers(journal::Journal& journal) : journal_(journal) {}

  // The JSON page, or with format=har the HAR document (the Host header gives its URLs' origin).
  StatusOr<Reply> List(const http::Request& request) const;
  // The HAR document of every entry the filters match; page and size are a 400 here.
  StatusOr<Reply> Har(const http::Request& request) const;
  StatusOr<Reply> Count(const QueryParams& params) const;
  StatusOr<Reply> Clear() const;

 private:
  journal::Journal& journal_;
};

// The filter `params` describe; a 400 (invalidParameter naming the parameter) for a parameter
// the journal does not know, a malformed value, or a glob with an unclosed '['. `paged` allows
// `page` and `size`.
StatusOr<journal::Filter> ParseJournalFilter(const QueryParams& params, bool paged);

// The entry's query decoded (the journal keeps the raw text alone, journal.h); none for a query
// cut at the bound or one that does not decode.
QueryParams DecodedQuery(const journal::Entry& entry);

}  // namespace mock::api
