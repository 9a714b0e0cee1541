// Our own request and response types, in the shape of cpp-httplib's: the request arrives with
// its path and query already decoded, so nothing past the adapter parses a request-target.
// The API is a pure function of these; exactly one file (pistache_adapter.cc) converts them to
// and from Pistache's.
//
//   StatusOr<Request> r = MakeRequest("GET", "/api/v2/tasks/instances?status=FAILED");
//   r.value().path                          // "/api/v2/tasks/instances"
//   ValuesOf(r.value().query, "status")     // {"FAILED"}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/http/url.h"

namespace mock::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // the raw request-target, as sent: AK/SK signs its path; logs quote it
  std::string path;    // `target`'s path, percent-decoded
  QueryParams query;   // `target`'s query, decoded
  Headers headers;     // as sent, in order
  std::string body;
  std::string peer;  // the client's address, for the access log
};

// How the adapter delivers a response: at once and whole, unless a fault rule says otherwise
// (mock/faults/). A delay never blocks the other connections.
struct Delivery {
  enum class Mode {
    kWhole,     // the whole response
    kReset,     // no response: the connection is closed
    kTruncate,  // the head and half the body, then the connection is closed
    kDrip,      // the body in pieces spread over drip_ms
  };
  Mode mode = Mode::kWhole;
  int delay_ms = 0;  // before anything is sent
  int drip_ms = 0;

  bool immediate() const { return mode == Mode::kWhole && delay_ms == 0; }
};

struct Response {
  int status = 200;
  Headers headers;  // besides Content-Type
  std::string content_type = "application/json";
  std::string body;
  std::string trace_id;  // for the access log
  Delivery delivery = {};
};

// A request for `method` and the raw `target`, decoded (url.h's ParseTarget). kInvalidArgument
// for a target that cannot be decoded or has more than `max_query_params` parameters.
StatusOr<Request> MakeRequest(std::string method, std::string target, Headers headers = {},
                              std::string body = {}, size_t max_query_params = 1000,
                              Undecodable undecodable = Undecodable::kReject);

// The first header named `name` (case-insensitive), or nullptr.
const std::string* FindHeader(const Headers& headers, std::string_view name);

}  // namespace mock::http
