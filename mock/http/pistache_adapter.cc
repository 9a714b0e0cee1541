// The only file that knows Pistache: it turns Pistache's requests into ours and ours back.
//
// We override Http::Handler::onInput instead of implementing onRequest, and drive Pistache's own
// request parser from it, because of Pistache 0.0.5 behaviour
// (docs/reference/pistache-0.0.5.md):
//  - P8: the query map keeps only the first of repeated keys and cannot give back the raw query,
//    so we keep the raw head of the request being parsed and take the request-target from it;
//  - P4/P6/P3: errors Pistache raises itself (malformed request, too large) would be answered in
//    plain text; here every one is answered by the Service, in OCP's JSON envelope;
//  - pistache#1179: it decodes neither the path nor the query, so we decode the request-target
//    here, once, and hand the Service a Request whose path and query are decoded.
// The size limits are ours (IncomingRequest): Pistache's own is only raised to the largest
// request any path may send, so that one path (an upload) may have a body limit of its own; a
// body declared larger than its limit is answered before it arrives, and a client that asks
// `Expect: 100-continue` is told to go on when it is not (RFC 9110 §10.1.1,
// docs/reference/multipart-form-data.md §4).
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/peer.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "mock/core/log.h"
#include "mock/http/deferred_sender.h"
#include "mock/http/incoming_request.h"
#include "mock/http/server.h"
#include "mock/http/url.h"

namespace mock::http {
namespace {

namespace P = Pistache;

constexpr const char* kRawData = "ocpmock.raw";

bool WantsClose(const P::Http::Request& request) {
  auto connection = request.headers().tryGet<P::Http::Header::Connection>();
  if (connection) return connection->control() == P::Http::ConnectionControl::Close;
  return request.version() == P::Http::Version::Http10;
}

// Pistache writes only typed headers (a Header::Raw added to a response is silently dropped), so
// our response headers travel in this one typed header that carries any name and value.
class AnyHeader : public P::Http::Header::Header {
 public:
  AnyHeader(std::string name, std::string value)
      : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& os) const override { os << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override { return P::Http::Header::detail::hash(name_.c_str()); }
#endif

 private:
  std::string name_;
  std::string value_;
};

// What the adapter keeps per connection beside Pistache's parser.
struct Connection {
  explicit Connection(std::shared_ptr<const ServerOptions> options) : in(std::move(options)) {}
  IncomingRequest in;              // the head and size of the request being parsed
  bool discarding = false;         // after a framing error the byte stream is unsynchronised
  bool over_limit = false;         // opened while the server was at its connection limit
  std::shared_ptr<Socket> socket;  // for responses a fault defers; made on first use
};

std::shared_ptr<Connection> ConnectionOf(const std::shared_ptr<P::Tcp::Peer>& peer,
                                         const std::shared_ptr<const ServerOptions>& options) {
  if (auto data = peer->tryGetData(kRawData)) return std::static_pointer_cast<Connection>(data);
  auto connection = std::make_shared<Connection>(options);
  peer->putData(kRawData, connection);
  return connection;
}

// Pistache 0.0.5 waits for more bytes, forever, on a request line without a space or a header
// line without a colon: it scans past the end of the line. Once the whole head has arrived
// ("\r\n\r\n") the parser must have moved on to the body; if it is still on the request line or
// the headers, the head is malformed.
bool HeadIsStuck(P::Http::RequestParser& parser, const IncomingRequest& in) {
  if (!in.head_complete()) return false;
  P::Http::Private::Step* step = parser.step();
  return dynamic_cast<P::Http::Private::RequestLineStep*>(step) != nullptr ||
         dynamic_cast<P::Http::Private::HeadersStep*>(step) != nullptr;
}

class Handler : public P::Http::Handler {
 public:
  HTTP_PROTOTYPE(Handler)

  Handler(const Service* service, const ServerOptions& options)
      : service_(service),
        options_(std::make_shared<const ServerOptions>(options)),
        max_connections_(options.max_connections),
        max_query_params_(options.max_query_params),
        undecodable_query_(options.undecodable_query),
        open_(std::make_shared<std::atomic<size_t>>(0)),
        deferred_(std::make_shared<DeferredSender>()) {}

  // Unused: requests are completed in onInput.
  void onRequest(const P::Http::Request&, P::Http::ResponseWriter) override {}

  // Http::Handler's own onConnection (private, so not callable from here) only creates the
  // connection's parser; this does the same, and marks the connection idle so that a client
  // that connects and sends nothing is closed after the keep-alive timeout.
  void onConnection(const std::shared_ptr<P::Tcp::Peer>& peer) override {
    peer->putData(ParserData, std::make_shared<P::Http::RequestParser>(getMaxRequestSize()));
    peer->setIdle(true);
    if (open_->fetch_add(1) + 1 > max_connections_) ConnectionOf(peer, options_)->over_limit = true;
  }

  // Runs before Pistache closes the descriptor: a deferred response must not outlive it.
  void onDisconnection(const std::shared_ptr<P::Tcp::Peer>& peer) override {
    open_->fetch_sub(1);
    if (auto data = peer->tryGetData(kRawData)) {
      auto connection = std::static_pointer_cast<Connection>(data);
      if (connection->socket) connection->socket->MarkGone();
    }
  }

  void onInput(const char* buffer, size_t len, const std::shared_ptr<P::Tcp::Peer>& peer) override {
    // Several pipelined requests may arrive in one read: serve them one by one.
    std::string pending(buffer, len);
    while (!pending.empty()) pending = Consume(pending, peer);
  }

 private:
  // Feeds `bytes` to this connection's parser. Returns the bytes past the end of a request that
  // completed, to be consumed next; empty when the request is incomplete or was refused.
  std::string Consume(const std::string& bytes, const std::shared_ptr<P::Tcp::Peer>& peer) {
    auto parser = getParser(peer);
    auto connection = ConnectionOf(peer, options_);
    if (connection->discarding) return {};
    if (connection->over_limit) {
      Fail(peer, *parser, *connection,
           Unavailable("the server has " + std::to_string(max_connections_) +
                       " connections open, its limit; try again later"));
      return {};
    }
    if (!parser->feed(bytes.data(), bytes.size())) {
      Fail(peer, *parser, *connection,
           ResourceExhausted("the request exceeds " + std::to_string(getMaxRequestSize()) +
                             " bytes"));
      return {};
    }
    IncomingRequest& in = connection->in;
    in.Receive(bytes);
    if (Status too_large = in.CheckSize(); !too_large.ok()) {
      Fail(peer, *parser, *connection, too_large);
      return {};
    }
    P::Http::Private::State state;
    try {
      state = parser->parse();
    } catch (const P::Http::HttpError& e) {
      Fail(peer, *parser, *connection, InvalidArgument(Excerpt(e.reason())));
      return {};
    } catch (const std::exception& e) {
      Fail(peer, *parser, *connection, InvalidArgument(Excerpt(e.what())));
      return {};
    }
    if (state == P::Http::Private::State::Done) return Serve(peer, *parser, in, bytes);
    if (HeadIsStuck(*parser, in)) {
      Fail(peer, *parser, *connection, InvalidArgument("malformed request line or header"));
      return {};
    }
    // A body declared over its limit is answered before it arrives: a client waiting for 100
    // Continue gets the 413 instead, and the rest of one already sending is read and dropped
    // (Fail), so it reads the 413 once it has sent it.
    if (Status too_large = in.CheckDeclaredLength(ContentLength(parser->request));
        !too_large.ok()) {
      Fail(peer, *parser, *connection, too_large);
      return {};
    }
    if (in.ContinueDue()) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      peer->send(P::RawBuffer(kContinue.data(), kContinue.size()));
    }
    // Pistache closes idle connections after the keep-alive timeout but counts a connection with
    // a half-received request as busy, forever. Marking it idle lets a stalled client be reaped.
    peer->setIdle(true);
    return {};
  }

  static size_t ContentLength(const P::Http::Request& in) {
    auto length = in.headers().tryGet<P::Http::Header::ContentLength>();
    return length ? length->value() : 0;
  }

  // Pistache 0.0.5 discards whatever follows a complete request in its buffer, which loses
  // pipelined requests. The request ends after its head and Content-Length bytes of body; what
  // follows is the next request. (After a chunked body the end is unknown, so pipelining after
  // one is not supported.)
  static std::string BytesAfter(const P::Http::Request& in, const IncomingRequest& received,
                                std::string_view last) {
    if (in.headers().tryGet<P::Http::Header::TransferEncoding>()) return {};
    return received.BytesAfter(ContentLength(in), last);
  }

  // Serves the request the parser completed (`last` the input that completed it); returns the
  // bytes of the next one, if any.
  std::string Serve(const std::shared_ptr<P::Tcp::Peer>& peer, P::Http::RequestParser& parser,
                    IncomingRequest& received, std::string_view last) {
    const P::Http::Request& in = parser.request;
    const auto started = std::chrono::steady_clock::now();
    Headers headers;
    for (const auto& [name, header] : in.headers().rawList()) {
      headers.emplace_back(name, header.value());
    }
    const std::string target = received.target();
    auto request = MakeRequest(P::Http::methodString(in.method()), target, std::move(headers),
                               in.body(), max_query_params_, undecodable_query_);
    const P::Http::Version version = in.version();
    const bool close = WantsClose(in);
    std::string next = close ? std::string() : BytesAfter(in, received, last);
    parser.reset();
    received.Next();
    peer->setIdle(false);
    if (!request.ok()) {  // a target that cannot be decoded: the framing is fine, keep going
      Request unread;
      unread.method = P::Http::methodString(in.method());
      unread.target = target;
      unread.peer = peer->address().host();
      Send(peer, version, close, service_->Reject(request.status()), unread, started);
      return next;
    }
    request.value().peer = peer->address().host();
    Send(peer, version, close, service_->Handle(request.value()), request.value(), started);
    return next;
  }

  // Answers `error` and ignores the rest of this connection's input: after a framing error the
  // stream cannot be resynchronised, and Pistache gives a handler no way to close a connection.
  // The response says `Connection: close`, so well-behaved clients close it themselves; input
  // still arriving (an upload's body past its limit) is read and dropped, never kept.
  void Fail(const std::shared_ptr<P::Tcp::Peer>& peer, P::Http::RequestParser& parser,
            Connection& connection, const Status& error) {
    Request request;
    request.method = "-";
    request.target = connection.in.target();
    request.peer = peer->address().host();
    parser.reset();
    connection.in.Next();
    connection.discarding = true;
    Send(peer, P::Http::Version::Http11, true, service_->Reject(error), request,
         std::chrono::steady_clock::now());
  }

  void Send(const std::shared_ptr<P::Tcp::Peer>& peer, P::Http::Version version, bool close,
            const Response& response, const Request& request,
            std::chrono::steady_clock::time_point started) {
    if (!response.delivery.immediate() && Defer(peer, version, close, response)) {
      LogAccess(request, response, started);
      return;
    }
    P::Http::ResponseWriter writer(version, transport(), this, peer);
    writer.headers().add<P::Http::Header::Connection>(
        close ? P::Http::ConnectionControl::Close : P::Http::ConnectionControl::KeepAlive);
    for (const auto& [name, value] : response.headers) {
      writer.headers().add(std::make_shared<AnyHeader>(name, value));
    }
    writer.send(static_cast<P::Http::Code>(response.status), response.body,
                P::Http::Mime::MediaType::fromString(response.content_type));
    LogAccess(request, response, started);
  }

  // Hands a response a fault rule delays, drips, truncates or drops to the DeferredSender, which
  // writes it to the socket itself. false when too many are pending: it is sent now instead.
  bool Defer(const std::shared_ptr<P::Tcp::Peer>& peer, P::Http::Version version, bool close,
             const Response& response) {
    auto connection = ConnectionOf(peer, options_);
    if (!connection->socket) connection->socket = std::make_shared<Socket>(peer->fd());
    std::string head =
        std::string(version == P::Http::Version::Http10 ? "HTTP/1.0 " : "HTTP/1.1 ") +
        std::to_string(response.status) + " " +
        P::Http::codeString(static_cast<P::Http::Code>(response.status)) + "\r\n";
    head += std::string("Connection: ") + (close ? "close" : "keep-alive") + "\r\n";
    head += "Content-Type: " + response.content_type + "\r\n";
    head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
    head += "\r\n";
    // As Pistache's own send does: an answered connection is idle, so the keep-alive timeout
    // applies to it (a delay longer than that timeout ends with the connection closed).
    peer->setIdle(true);
    if (deferred_->Schedule(connection->socket, head, response.body, response.delivery, close)) {
      return true;
    }
    Log(LogLevel::kWarn, "too many deferred responses pending; sending this one at once");
    return false;
  }

  static void LogAccess(const Request& request, const Response& response,
                        std::chrono::steady_clock::time_point started) {
    if (!LogEnabled(LogLevel::kInfo)) return;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
    Log(LogLevel::kInfo, request.peer + " \"" + request.method + " " + Excerpt(request.target) +
                             "\" " + std::to_string(response.status) + " " +
                             std::to_string(response.body.size()) + "B " + std::to_string(us) +
                             "us trace=" + response.trace_id);
  }

  const Service* service_;
  std::shared_ptr<const ServerOptions> options_;  // the size limits each request is held to
  size_t max_connections_;
  size_t max_query_params_;
  Undecodable undecodable_query_;
  // Shared by every clone Pistache makes of this handler.
  std::shared_ptr<std::atomic<size_t>> open_;
  std::shared_ptr<DeferredSender> deferred_;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  const Service& service;
  std::unique_ptr<P::Http::Endpoint> endpoint;
  std::once_flag shutdown_once;
};

HttpServer::HttpServer(ServerOptions options, const Service& service)
    : impl_(new Impl{std::move(options), service, nullptr, {}}) {}

HttpServer::~HttpServer() { Shutdown(); }

StatusOr<uint16_t> HttpServer::Start() {
  const ServerOptions& o = impl_->options;
  try {
    // Pistache 0.0.5 parses the host and port back out of "host:port", so an IPv6 address only
    // survives in brackets.
    const bool v6 = o.bind.find(':') != std::string::npos && o.bind.front() != '[';
    const std::string host = v6 ? "[" + o.bind + "]" : o.bind;
    impl_->endpoint = std::make_unique<P::Http::Endpoint>(P::Address(host, P::Port(o.port)));
    auto opts = P::Http::Endpoint::options()
                    .threads(o.threads)
                    .flags(P::Tcp::Options::ReuseAddr)
                    .maxRequestSize(LargestRequest(o))
                    .keepaliveTimeout(o.keepalive_timeout);
    impl_->endpoint->init(opts);
    impl_->endpoint->setHandler(P::Http::make_handler<Handler>(&impl_->service, o));
    impl_->endpoint->serveThreaded();
    return static_cast<uint16_t>(impl_->endpoint->getPort());
  } catch (const std::exception& e) {
    impl_->endpoint.reset();
    return ConfigError("cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " +
                       e.what());
  }
}

void HttpServer::Shutdown() {
  if (!impl_ || !impl_->endpoint) return;
  std::call_once(impl_->shutdown_once, [this] { impl_->endpoint->shutdown(); });
}

}  // namespace mock::http
