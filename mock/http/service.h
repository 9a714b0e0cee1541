// What the HTTP adapter serves: a pure function from our Request to our Response, plus the
// answer to a request the adapter could not even read (too large, malformed framing).
#pragma once

#include "mock/core/error.h"
#include "mock/http/message.h"

namespace mock::http {

class Service {
 public:
  virtual ~Service() = default;
  // Never throws for any request; errors are answered in the response.
  virtual Response Handle(const Request& request) const = 0;
  // The response for a request that failed before it could be handled.
  virtual Response Reject(const Error& error) const = 0;
};

}  // namespace mock::http
