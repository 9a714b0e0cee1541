// Our own request and response types. The API is a pure function of these; exactly one file
// (pistache_adapter.cc) converts them to and from Pistache's.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mock::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // the raw request-target: path and query, not decoded
  Headers headers;     // as sent, in order
  std::string body;
  std::string peer;  // the client's address, for the access log
};

struct Response {
  int status = 200;
  Headers headers;  // besides Content-Type
  std::string content_type = "application/json";
  std::string body;
  std::string trace_id;  // for the access log
};

// The first header named `name` (case-insensitive), or nullptr.
const std::string* FindHeader(const Headers& headers, std::string_view name);

}  // namespace mock::http
