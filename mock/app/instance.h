// One running ocp-mock: the version profile, schemas, fixtures, users, fault rules and quirks
// loaded and checked, the store, clock and API built over them, and the HTTP server listening.
// The CLI (main.cc) and the library (include/ocpmock/server.h) are both thin users of this.
//
//   auto mock = Instance::Start(config);   // kConfig naming what was refused
//   mock.value()->url();                   // "http://127.0.0.1:41234"
//   mock.value()->api().Handle(request);   // the same API the socket serves, in process
#pragma once

#include <memory>
#include <string>

#include "mock/api/api.h"
#include "mock/core/status.h"
#include "mock/http/server.h"

namespace mock::app {

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
  int keepalive_seconds = 60;
  http::ServerOptions server;
  api::ApiOptions api;
};

class Instance {
 public:
  // Loads and checks everything, then listens. Nothing listens when something is refused
  // (kConfig, naming what and why); failing to listen is kUnavailable.
  static StatusOr<std::unique_ptr<Instance>> Start(Config config);
  ~Instance();  // stops the server
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  uint16_t port() const { return port_; }
  // http://HOST:PORT, with IPv6 hosts in brackets.
  std::string url() const;
  api::Api& api() { return *api_; }
  tasks::MockClock& clock() { return *clock_; }
  void Shutdown();

 private:
  struct Loaded;
  Instance() = default;

  Config config_;
  std::unique_ptr<Loaded> loaded_;
  std::unique_ptr<tasks::MockClock> clock_;
  std::unique_ptr<tasks::TaskStore> store_;
  std::unique_ptr<entities::EntityStore> entities_;
  std::unique_ptr<auth::Authenticator> auth_;
  std::unique_ptr<api::Api> api_;
  std::unique_ptr<http::HttpServer> server_;
  uint16_t port_ = 0;
  bool stopped_ = false;
};

}  // namespace mock::app
