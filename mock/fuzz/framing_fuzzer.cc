// libFuzzer target: the adapter's request framing (mock/http/incoming_request.h, IncomingRequest:
// Receive, CheckSize, CheckDeclaredLength, ContinueDue, BytesAfter, Next), driven in the order
// mock/http/pistache_adapter.cc's Handler::Consume and Serve call it, over a byte stream of
// pipelined, partial and oversized heads and bodies that arrives in reads cut at points the input
// chooses. Input: byte 0 says how many of the next bytes are read sizes (0 to 7; 0: one read),
// used in turn; the rest is the stream.
//
// Pistache's own parser is not linked: its part (where the body ends) is modelled here by the
// request's Content-Length (digits only; anything else, or a Transfer-Encoding, ends the
// connection, as a parse error or a chunked body does in the adapter).
//
// Asserts, beyond never crashing: however the stream is cut into reads, the requests served are
// the same, each the head and body its own bytes say, in order, and the connection is refused
// (a 413) exactly when one request's own bytes are over a limit, never for bytes of the requests
// pipelined after it; a refusal names its limit; ContinueDue says true at most once a request.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/text.h"
#include "mock/http/incoming_request.h"

namespace {

using mock::http::IncomingRequest;
using mock::http::ServerOptions;

// Small limits, so that short inputs reach every one; a path with a body limit of its own.
std::shared_ptr<const ServerOptions> FramingOptions() {
  ServerOptions o;
  o.max_header_bytes = 200;
  o.max_body_bytes = 64;
  o.max_request_bytes = 240;
  o.body_limits = {{"POST", "/upload", 400, "--max-upload-bytes"}};
  return std::make_shared<const ServerOptions>(o);
}

// The model of Pistache's parser: the body's length, or nullopt when the connection ends here
// (a malformed or absent-but-needed length, a chunked body).
std::optional<size_t> BodyLength(std::string_view head) {
  std::optional<size_t> length;
  size_t at = head.find("\r\n");
  while (at != std::string_view::npos && at + 2 < head.size()) {
    const size_t end = head.find("\r\n", at + 2);
    const std::string_view line = head.substr(at + 2, end - at - 2);
    at = end;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = mock::text::Trim(line.substr(colon + 1));
    if (mock::text::EqualsIgnoreCase(name, "Transfer-Encoding")) return std::nullopt;
    if (!mock::text::EqualsIgnoreCase(name, "Content-Length") || length) continue;
    size_t n = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || value.size() > 9 || ec != std::errc() ||
        ptr != value.data() + value.size()) {
      return std::nullopt;
    }
    length = n;
  }
  return length.value_or(0);
}

struct Served {
  std::string head;
  size_t body = 0;
  bool operator==(const Served&) const = default;
};

// The requests served, and whether the connection was ended (a 413, or what the model of
// Pistache cannot frame: the adapter answers a 400 or stops pipelining).
struct Outcome {
  std::vector<Served> served;
  bool ended = false;
  bool operator==(const Outcome&) const = default;
};

// The body limit and request limit of a head (the rule ServerOptions documents).
std::pair<size_t, size_t> LimitsOf(const ServerOptions& o, std::string_view head) {
  const std::string_view line = head.substr(0, head.find("\r\n"));
  const size_t first = line.find(' ');
  const std::string_view method = line.substr(0, first);
  std::string_view target;
  if (first != std::string_view::npos) {
    target = line.substr(first + 1);
    target = target.substr(0, target.find(' '));
  }
  const std::string_view path = target.substr(0, target.find('?'));
  for (const auto& l : o.body_limits) {
    if (l.method == method && l.path == path)
      return {l.max_bytes, o.max_header_bytes + l.max_bytes};
  }
  return {o.max_body_bytes, o.max_request_bytes};
}

// What the whole stream frames into, read at once: each request's own bytes against its limits.
Outcome Reference(const ServerOptions& o, std::string_view stream) {
  Outcome out;
  while (!stream.empty()) {
    const size_t end = stream.find("\r\n\r\n");
    if (end == std::string_view::npos) {
      out.ended = stream.size() > o.max_header_bytes;
      return out;
    }
    const std::string_view head = stream.substr(0, end + 4);
    const std::optional<size_t> length = BodyLength(head);
    if (head.size() > o.max_header_bytes || !length) {
      out.ended = true;
      return out;
    }
    const auto [body_limit, request_limit] = LimitsOf(o, head);
    const size_t arrived = stream.size() - head.size();
    // Before the body is whole, what arrived and what is declared are each held to the limits.
    const size_t own = std::min(arrived, *length);
    if (own > body_limit || head.size() + own > request_limit ||
        (own<*length&& * length> body_limit)) {
      out.ended = true;
      return out;
    }
    if (own < *length) return out;
    out.served.push_back({std::string(head), *length});
    stream.remove_prefix(head.size() + *length);
  }
  return out;
}

// The adapter's loop (Handler::onInput, Consume, Serve) over reads of the stream.
class Connection {
 public:
  explicit Connection(std::shared_ptr<const ServerOptions> options) : in_(std::move(options)) {}

  void Read(std::string_view bytes) {
    std::string pending(bytes);
    while (!pending.empty()) pending = Consume(pending);
  }
  const Outcome& outcome() const { return outcome_; }

 private:
  std::string Consume(const std::string& bytes) {
    if (outcome_.ended) return {};
    in_.Receive(bytes);
    received_ += bytes.size();
    if (mock::Status s = in_.CheckSize(); !s.ok()) return Refuse(s);
    if (!in_.head_complete()) return {};
    if (!length_known_) {  // once a request: Pistache's parser reads the head once
      length_ = BodyLength(in_.head());
      length_known_ = true;
    }
    const std::optional<size_t> length = length_;
    const size_t body = received_ - in_.head().size();
    if (length && body >= *length) return Serve(*length, bytes);
    if (!length) {  // a parse error or a chunked body: the adapter frames no further
      outcome_.ended = true;
      return {};
    }
    if (mock::Status s = in_.CheckDeclaredLength(*length); !s.ok()) return Refuse(s);
    if (in_.ContinueDue()) {
      if (continued_) __builtin_trap();  // twice for one request
      continued_ = true;
    }
    return {};
  }

  std::string Serve(size_t length, std::string_view last) {
    outcome_.served.push_back({in_.head(), length});
    std::string next = in_.BytesAfter(length, last);
    if (next.size() > last.size()) __builtin_trap();
    in_.Next();
    if (in_.head_complete() || !in_.head().empty()) __builtin_trap();
    received_ = 0;
    continued_ = false;
    length_known_ = false;
    return next;
  }

  std::string Refuse(const mock::Status& s) {
    if (s.code() != mock::StatusCode::kResourceExhausted ||
        s.message().find("exceed") == std::string::npos) {
      __builtin_trap();
    }
    outcome_.ended = true;
    return {};
  }

  IncomingRequest in_;
  size_t received_ = 0;  // bytes given to this request's Receive
  bool continued_ = false;
  bool length_known_ = false;
  std::optional<size_t> length_;  // BodyLength of this request's head, once complete
  Outcome outcome_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const ServerOptions> options = FramingOptions();
  // Every limit is under 1,000 bytes: longer inputs would only slow the search.
  if (size == 0 || size > 1200) return 0;
  const size_t cuts = std::min<size_t>(data[0] % 8, size - 1);
  const std::vector<uint8_t> reads(data + 1, data + 1 + cuts);
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1 + cuts, size - 1 - cuts);
  Connection connection(options);
  size_t at = 0;
  for (size_t i = 0; at < stream.size(); ++i) {
    const size_t n = reads.empty() ? stream.size() : size_t{reads[i % reads.size()]} + 1;
    connection.Read(stream.substr(at, n));
    at += n;
  }
  if (!(connection.outcome() == Reference(*options, stream))) __builtin_trap();
  return 0;
}
