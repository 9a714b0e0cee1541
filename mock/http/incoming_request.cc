#include "mock/http/incoming_request.h"

#include <algorithm>
#include <optional>

#include "mock/core/text.h"

namespace mock::http {
namespace {

constexpr std::string_view kEndOfHead = "\r\n\r\n";

// The value of the first header line named `name` (any letter case) of a complete head.
std::optional<std::string_view> HeaderOf(std::string_view head, std::string_view name) {
  for (size_t at = head.find("\r\n"); at != std::string_view::npos && at + 2 < head.size();
       at = head.find("\r\n", at + 2)) {
    const std::string_view line = head.substr(at + 2, head.find("\r\n", at + 2) - at - 2);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && text::EqualsIgnoreCase(line.substr(0, colon), name)) {
      return text::Trim(line.substr(colon + 1));
    }
  }
  return std::nullopt;
}

// The body length a complete head declares (RFC 9112 §6.3): with no Transfer-Encoding, its
// Content-Length when that is plain digits, or 0 when it has none; else nullopt (a chunked body,
// a length Pistache refuses), and every byte after the head counts as body.
std::optional<size_t> DeclaredLengthOf(std::string_view head) {
  if (HeaderOf(head, "Transfer-Encoding")) return std::nullopt;
  const std::optional<std::string_view> length = HeaderOf(head, "Content-Length");
  if (!length) return 0;
  if (length->empty() || length->size() > 18) return std::nullopt;
  size_t n = 0;
  for (char c : *length) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

}  // namespace

void IncomingRequest::Receive(std::string_view bytes) {
  if (head_complete()) {
    body_bytes_ += bytes.size();
    return;
  }
  const size_t from = head_.size() < 3 ? 0 : head_.size() - 3;  // "\r\n\r\n" may straddle reads
  head_.append(bytes);
  const size_t end = head_.find(kEndOfHead, from);
  if (end == std::string::npos) return;
  head_size_ = end + kEndOfHead.size();
  body_bytes_ = head_.size() - head_size_;
  head_.resize(head_size_);
  limits_ = LimitsFor();
  declared_ = DeclaredLengthOf(head_);
}

size_t IncomingRequest::OwnBodyBytes() const {
  return declared_ ? std::min(body_bytes_, *declared_) : body_bytes_;
}

std::string IncomingRequest::target() const {
  const std::string_view line = std::string_view(head_).substr(0, head_.find("\r\n"));
  const size_t first = line.find(' ');
  if (first == std::string_view::npos) return {};
  const size_t second = line.find(' ', first + 1);
  return std::string(line.substr(
      first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1));
}

IncomingRequest::Limits IncomingRequest::LimitsFor() const {
  const ServerOptions& o = *options_;
  const std::string to = target();
  const std::string_view path = std::string_view(to).substr(0, to.find('?'));
  const std::string_view method = std::string_view(head_).substr(0, head_.find(' '));
  for (const ServerOptions::BodyLimit& l : o.body_limits) {
    if (l.method == method && l.path == path) {
      return {l.max_bytes, o.max_header_bytes + l.max_bytes, l.limit_name};
    }
  }
  return {o.max_body_bytes, o.max_request_bytes, ""};
}

Status IncomingRequest::BodyTooLarge() const {
  return ResourceExhausted("the body exceeds " + std::to_string(limits_.body) + " bytes" +
                           (limits_.name.empty() ? "" : ", the limit set by " + limits_.name));
}

Status IncomingRequest::CheckSize() const {
  const ServerOptions& o = *options_;
  const size_t head = head_complete() ? head_size_ : head_.size();
  if (head > o.max_header_bytes) {
    return ResourceExhausted("the request line and headers exceed " +
                             std::to_string(o.max_header_bytes) + " bytes");
  }
  // Bytes past a declared body are the next requests' (pipelined), held to their own limits.
  const size_t body = OwnBodyBytes();
  if (head_complete() && body > limits_.body) return BodyTooLarge();
  const size_t request = head_complete() ? limits_.request : o.max_request_bytes;
  if (head + body > request) {
    return ResourceExhausted("the request exceeds " + std::to_string(request) + " bytes");
  }
  return Status();
}

Status IncomingRequest::CheckDeclaredLength(size_t content_length) const {
  if (!head_complete() || content_length <= limits_.body) return Status();
  return BodyTooLarge();
}

bool IncomingRequest::ContinueDue() {
  if (continued_ || !head_complete() || body_bytes_ != 0) return false;
  // RFC 9110 §10.1.1: "A server that receives a 100-continue expectation in an HTTP/1.0 request
  // MUST ignore that expectation."
  const std::string_view line = std::string_view(head_).substr(0, head_.find("\r\n"));
  if (!line.ends_with(" HTTP/1.1")) return false;
  auto expect = HeaderOf(head_, "Expect");
  if (!expect || !text::EqualsIgnoreCase(*expect, "100-continue")) return false;
  continued_ = true;
  return true;
}

std::string IncomingRequest::BytesAfter(size_t content_length, std::string_view last) const {
  if (!head_complete() || body_bytes_ <= content_length) return {};
  const size_t extra = std::min(body_bytes_ - content_length, last.size());
  return std::string(last.substr(last.size() - extra));
}

void IncomingRequest::Next() {
  head_.clear();
  head_size_ = 0;
  body_bytes_ = 0;
  limits_ = {};
  declared_.reset();
  continued_ = false;
}

size_t LargestRequest(const ServerOptions& o) {
  size_t largest = o.max_request_bytes;
  for (const ServerOptions::BodyLimit& l : o.body_limits) {
    largest = std::max(largest, o.max_header_bytes + l.max_bytes);
  }
  return largest;
}

}  // namespace mock::http
