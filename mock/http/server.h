// The HTTP server: binds an address, serves a Service on background threads until Shutdown().
// Pistache stays behind this header.
//
//   HttpServer server(ServerOptions{.port = 0}, api);
//   StatusOr<uint16_t> port = server.Start();   // port 0 picks a free port
//   ...
//   server.Shutdown();
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/http/service.h"

namespace mock::http {

struct ServerOptions {
  // IPv4 or IPv6 address to bind; loopback unless told otherwise.
  std::string bind = "127.0.0.1";
  // 0 picks a free port; Start() returns the one bound.
  uint16_t port = 8080;
  // Worker threads. 1, because Pistache 0.0.5's router races with more (pistache#1238); each
  // worker is an epoll loop that serves many connections.
  int threads = 1;
  // Largest request (request line, headers and body) accepted; larger ones get a JSON 413.
  size_t max_request_bytes = size_t{64} * 1024;
  // Largest request line plus headers, and largest body; each over its limit is a JSON 413.
  size_t max_header_bytes = size_t{48} * 1024;
  size_t max_body_bytes = size_t{16} * 1024;
  // The requests (one method and path each) whose body has a limit of its own instead of
  // max_body_bytes, an upload's: the request then may be max_header_bytes plus that limit,
  // whatever max_request_bytes says. Over it, a JSON 413 naming `limit_name`.
  struct BodyLimit {
    std::string method;      // "POST"
    std::string path;        // "/api/v2/software-packages": the request-target before any '?'
    size_t max_bytes = 0;    // the body's limit
    std::string limit_name;  // where it is set, for the 413's message: "--max-upload-bytes"
  };
  std::vector<BodyLimit> body_limits = {};
  // More query parameters than this is a JSON 400, bounding the work one request can cause.
  size_t max_query_params = 1000;
  // A query parameter that does not decode: a 400, or dropped as Tomcat does (lenient-query).
  Undecodable undecodable_query = Undecodable::kReject;
  // How long an idle keep-alive connection stays open.
  std::chrono::seconds keepalive_timeout{60};
  // Connections open at once; a request on one more is answered with a JSON 503.
  size_t max_connections = 256;
};

class HttpServer {
 public:
  // `service` must outlive the server.
  HttpServer(ServerOptions options, const Service& service);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving; returns the bound port, or an error (address in use, say).
  StatusOr<uint16_t> Start();

  // Stops accepting and serving; idempotent. Returns once the worker threads are gone.
  void Shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mock::http
