// The request journal as an HTTP Archive (HAR 1.2, the format browsers' network panels import
// and export): what GET /__mock/requests?format=har and GET /__mock/requests.har answer.
//
// It holds what the journal keeps and nothing more (journal.h): no credentials (the journal never
// keeps Authorization, Cookie or a secret key; the user's name and the AK/SK access key, which
// the journal JSON shows, go in the custom fields `_user` and `_accessKey`), no bodies (the
// journal keeps their size and Content-Type only), and no response headers. HAR's required
// members the journal cannot fill hold HAR's own "unknown": -1 for a size, "x-unknown" for a
// media type (docs/testing-clients.md, "The journal as HAR", says which and why).
//
//   std::string har = JournalHar(page.entries, {.origin = HarOrigin(request.headers)});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mock/http/message.h"
#include "mock/journal/journal.h"

namespace mock::api {

struct HarContext {
  // "http://127.0.0.1:8080": the scheme and authority of every entry's absolute URL.
  std::string origin;
};

// The HAR document of `entries`, newest first as Journal::List returns them; the document lists
// them oldest first, as a browser records them. `dropped` (the journal's count of entries lost to
// its bound) goes in the log's `_dropped`.
std::string JournalHar(const std::vector<journal::Entry>& entries, uint64_t dropped,
                       const HarContext& context);

// "http://" and the Host header the export was asked with, when it is a plain host[:port];
// "http://localhost" without one (HTTP/1.0) or for anything else, so that a crafted Host can
// never make an entry's URL point at another path or scheme.
std::string HarOrigin(const http::Headers& headers);

// The reason phrase of an HTTP status (RFC 9110 §15; 429 from RFC 6585), "" for one the mock
// never answers with.
std::string_view ReasonPhrase(int status);

}  // namespace mock::api
