// What the HTTP adapter serves: a pure function from our Request to our Response, plus the
// answer to a request the adapter could not read (too large, malformed framing or target, one
// connection too many).
#pragma once

#include "mock/core/status.h"
#include "mock/http/message.h"

namespace mock::http {

class Service {
 public:
  virtual ~Service() = default;
  // Never throws for any request; errors are answered in the response.
  virtual Response Handle(const Request& request) const = 0;
  // The response for a request that failed before it could be handled: kInvalidArgument (it
  // cannot be read), kResourceExhausted (over a size limit) or kUnavailable (over the
  // connection limit), with a message that says why.
  virtual Response Reject(const Status& status) const = 0;
};

}  // namespace mock::http
