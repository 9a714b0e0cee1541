// What the HTTP adapter knows of the request it is receiving on one connection, without
// Pistache: the head (request line and headers), kept until it is complete, a count of the body
// bytes after it (the body itself is Pistache's parser's to hold: an upload's may be large), and
// the size limits of ServerOptions the request is held to, which depend on its method and path.
//
//   IncomingRequest in(std::make_shared<const ServerOptions>(options));
//   in.Receive(bytes);                          // every read, in order
//   if (Status s = in.CheckSize(); !s.ok()) ... // a JSON 413
//   in.target();                                // "/api/v2/tasks/instances?status=FAILED"
//   in.Next();                                  // once it is answered
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "mock/core/status.h"
#include "mock/http/server.h"

namespace mock::http {

class IncomingRequest {
 public:
  explicit IncomingRequest(std::shared_ptr<const ServerOptions> options)
      : options_(std::move(options)) {}

  // Bytes that arrived for this request (and maybe, at the end, for the next ones).
  void Receive(std::string_view bytes);

  // Whether the head has arrived whole ("\r\n\r\n").
  bool head_complete() const { return head_size_ != 0; }
  // The head so far; the whole head once complete.
  const std::string& head() const { return head_; }
  // The request-target, the second token of the request line ("" before there is one).
  std::string target() const;

  // kResourceExhausted when what arrived is over a limit: the head over max_header_bytes, the
  // body over its limit (max_body_bytes, or its path's ServerOptions::BodyLimit), the whole over
  // max_request_bytes (or, on such a path, max_header_bytes plus its limit). The message names
  // the limit, and the flag that set a path's own. Bytes past the body the head declares (a
  // plain-digits Content-Length; none and no Transfer-Encoding: no body) are the pipelined
  // requests', not this one's, and are not counted.
  Status CheckSize() const;
  // The same for a body declared `content_length` bytes long before it arrives.
  Status CheckDeclaredLength(size_t content_length) const;

  // RFC 9110 §10.1.1: whether a 100 Continue is due now: the head is complete, is HTTP/1.1 and
  // says `Expect: 100-continue`, no body byte has arrived, and none was sent for this request.
  // Calling it again after it said true says false.
  bool ContinueDue();

  // The bytes of the next requests (pipelined), once this one is complete: what arrived past its
  // head and `content_length` bytes of body. Those are at the end of `last`, the bytes whose
  // arrival completed it.
  std::string BytesAfter(size_t content_length, std::string_view last) const;

  // Forgets this request, for the next one on the connection.
  void Next();

 private:
  struct Limits {
    size_t body = 0;
    size_t request = 0;
    std::string name;  // the flag of a path's own body limit; "" for the general one
  };
  Limits LimitsFor() const;
  Status BodyTooLarge() const;
  // The body bytes that are this request's: at most the declared length, when one is.
  size_t OwnBodyBytes() const;

  std::shared_ptr<const ServerOptions> options_;
  std::string head_;
  size_t head_size_ = 0;            // once complete, the head's size ("\r\n\r\n" included)
  size_t body_bytes_ = 0;           // arrived after the head
  Limits limits_;                   // set when the head completes
  std::optional<size_t> declared_;  // the body length the head declares (DeclaredLengthOf)
  bool continued_ = false;
};

// Pistache's own request limit, the largest any path allows: max_request_bytes, or a path's
// body limit plus max_header_bytes.
size_t LargestRequest(const ServerOptions& options);

}  // namespace mock::http
