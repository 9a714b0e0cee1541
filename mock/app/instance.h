// One running ocp-mock: the version profile, schemas, fixtures, users, fault rules and quirks
// loaded and checked, the store, clock and API built over them, and the HTTP server listening.
// The CLI (main.cc) and the library (include/ocpmock/server.h) are both thin users of this.
//
//   auto mock = Instance::Start(config);   // kConfig naming what was refused
//   mock.value()->url();                   // "http://127.0.0.1:41234"
//   mock.value()->api().Handle(request);   // the same API the socket serves, in process
//
// Start is Bind then Load: the CLI calls them apart, so that a bad flag or a port in use is
// reported before the fixtures are read, and a signal can stop a long load.
#pragma once

#include <memory>
#include <optional>
#include <stop_token>
#include <string>

#include "mock/api/api.h"
#include "mock/core/status.h"
#include "mock/http/server.h"

namespace mock::app {

// 64 MiB: the docs' sample package (38,400,132 bytes) fits; a request is held in memory about
// four times over while it arrives and is read (docs/robustness.md).
inline constexpr size_t kDefaultMaxUploadBytes = size_t{64} << 20;

struct Config {
  std::string fixtures;  // a folder with tasks/*.json
  std::string schemas;   // shared schemas and versions/<version>/
  // The users file; empty: FIXTURES/users.json, or `bundled_users` (with a log line saying so)
  // when the fixture folder has none, as generated and hand-written folders often do not.
  std::string users;
  std::string bundled_users;
  std::string ocp_version;  // empty: the newest profile
  std::string faults;       // a fault file loaded at start-up, or empty
  std::string quirks;       // --quirks LIST
  bool no_auth = false;
  double time_scale = 1.0;
  // --clock-start: the mock clock's first instant (epoch ms); none: the wall clock at start-up.
  std::optional<int64_t> clock_start_ms;
  int keepalive_seconds = 60;
  // The largest body of an upload (POST /api/v2/software-packages), instead of
  // server.max_body_bytes (docs/takeover.md, "Uploading a package": OCP's own is undocumented).
  size_t max_upload_bytes = kDefaultMaxUploadBytes;
  http::ServerOptions server;
  api::ApiOptions api;
};

class Instance {
 public:
  // Bind, then Load.
  static StatusOr<std::unique_ptr<Instance>> Start(Config config);
  // Checks what the configuration names besides the fixtures and users (the bind address, that
  // the fixture folder exists, the version profile, the schemas, the fault file, the quirks),
  // then listens, reading no fixture. Until Load ends, every request is answered with a JSON
  // 503 saying the fixtures are loading. A refusal is kConfig, naming what and why; failing to
  // listen (the port is in use) is kUnavailable. Nothing listens after either.
  static StatusOr<std::unique_ptr<Instance>> Bind(Config config);
  // Reads the fixtures and users, builds the API and serves it. A refusal is kConfig; once
  // `stop` is requested no further fixture file is read and the load ends with kUnavailable.
  // Either way the instance is then only good for destruction. Call once.
  Status Load(const std::stop_token& stop = {});
  ~Instance();  // stops the server
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  uint16_t port() const { return port_; }
  // http://HOST:PORT, with IPv6 hosts in brackets.
  std::string url() const;
  // After a successful Load only.
  api::Api& api() { return *api_; }
  tasks::MockClock& clock() { return *clock_; }
  void Shutdown();

 private:
  struct Loaded;
  class Gate;
  Instance() = default;

  Config config_;
  std::unique_ptr<Loaded> loaded_;
  std::unique_ptr<tasks::MockClock> clock_;
  std::unique_ptr<tasks::TaskStore> store_;
  std::unique_ptr<entities::EntityStore> entities_;
  std::unique_ptr<auth::Authenticator> auth_;
  std::unique_ptr<api::Api> api_;
  std::unique_ptr<Gate> gate_;  // what the server serves: 503 while loading, then api_
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
  bool stopped_ = false;
};

}  // namespace mock::app
