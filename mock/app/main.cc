// ocp-mock: serves OCP's task API from fixture files. `ocp-mock --help` lists the flags.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "mock/api/api.h"
#include "mock/auth/users.h"
#include "mock/core/log.h"
#include "mock/faults/fault_json.h"
#include "mock/fixtures/fixture_loader.h"
#include "mock/http/address.h"
#include "mock/http/server.h"
#include "mock/core/data_dir.h"
#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"

namespace {

std::string BundledData(const char* folder) {
  const std::filesystem::path dir = mock::DataDir(OCPMOCK_SOURCE_FROM_BINARY);
  return dir.empty() ? std::string() : (dir / folder).string();
}

struct Flags {
  // The bundled data, found from the executable (mock/core/data_dir.h); "" when not found.
  std::string fixtures = BundledData("fixtures");
  std::string schemas = BundledData("schemas");
  std::string users;        // default: FIXTURES/users.json
  std::string ocp_version;  // default: the newest profile
  bool list_versions = false;
  bool no_auth = false;
  double time_scale = 1.0;
  int keepalive_seconds = 60;
  std::string log_level = "info";
  std::string faults;  // a fault file loaded at start-up
  std::string quirks;  // --quirks LIST
  mock::http::ServerOptions server;
  mock::api::ApiOptions api;
};

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "ocp-mock";
  return name;
}

void AddFlags(CLI::App& app, Flags& f) {
  app.set_version_flag("--version", std::string("ocp-mock ") + OCPMOCK_VERSION);
  app.add_option("--fixtures", f.fixtures, "Fixture folder (tasks/*.json inside)")
      ->capture_default_str();
  app.add_option("--schemas", f.schemas,
                 "JSON Schema folder (shared schemas; versions/<version>/ per OCP version)")
      ->capture_default_str();
  app.add_option("--ocp-version", f.ocp_version,
                 "OCP version to behave as (default: the newest; --list-versions lists them)");
  app.add_flag("--list-versions", f.list_versions, "Print the OCP version profiles and exit");
  app.add_option("--users", f.users, "Users file (default: FIXTURES/users.json)");
  app.add_flag("--no-auth", f.no_auth,
               "Serve without authentication, as a user with every permission");
  app.add_option("--time-scale", f.time_scale,
                 "Simulated seconds per real second for task progress; 0 freezes the clock")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  app.add_option("--bind", f.server.bind, "Address to listen on (IPv4 or IPv6)")
      ->capture_default_str();
  app.add_option("--port", f.server.port, "Port to listen on; 0 picks a free one")
      ->capture_default_str();
  app.add_option("--server-name", f.api.server_name,
                 "The envelope's `server` field (default: this host's name)");
  app.add_option("--log-level", f.log_level, "error, warn, info (one line per request), debug")
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}))
      ->capture_default_str();
  app.add_option("--max-header-bytes", f.server.max_header_bytes,
                 "Largest request line plus headers; larger is a JSON 413")
      ->check(CLI::Range(size_t{256}, size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--max-body-bytes", f.server.max_body_bytes,
                 "Largest request body; larger is a JSON 413")
      ->check(CLI::Range(size_t{0}, size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--max-query-params", f.server.max_query_params,
                 "Most query parameters a request may carry; more is a JSON 400")
      ->check(CLI::Range(size_t{16}, size_t{100000}))
      ->capture_default_str();
  app.add_option("--max-connections", f.server.max_connections,
                 "Connections open at once; a request on one more gets a JSON 503")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  app.add_option("--keepalive-timeout", f.keepalive_seconds,
                 "Seconds an idle connection (or one that stopped mid-request) stays open")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--cors", f.api.cors_origin,
                 "An origin (or *) whose web pages may call the mock: CORS headers, preflights");
  app.add_option("--journal-size", f.api.journal_size,
                 "Requests the journal (GET /__mock/requests) keeps; the oldest go first; 0 "
                 "keeps none")
      ->check(CLI::Range(size_t{0}, size_t{1000000}))
      ->capture_default_str();
  app.add_option("--faults", f.faults,
                 "Fault rules to start with (schemas/fault-file.schema.json); POST /__mock/reset "
                 "puts them back");
  app.add_option("--quirks", f.quirks,
                 "Play a real deployment where OCP's docs are silent, comma-separated: "
                 "extra-fields, language, tie-order, collation, unknown-path-html, "
                 "lenient-query, subtask-order, big-ids-as-strings, or all (docs/live-checks.md)");
  app.add_option("--seed", f.api.seed,
                 "Seeds the fault rules' probability and jitter draws, so a run can be replayed")
      ->capture_default_str();
  app.add_option("--max-request-bytes", f.server.max_request_bytes,
                 "Largest request accepted, headers included; larger ones get a JSON 413")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20))
      ->capture_default_str();
}

int Fatal(const std::string& message) {
  mock::Log(mock::LogLevel::kError, message);
  return 2;
}

std::string Url(const std::string& host, uint16_t port) {
  bool v6 = host.find(':') != std::string::npos && host.front() != '[';
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// The authenticator, or nullptr with --no-auth; an error when the users file is refused.
mock::StatusOr<std::unique_ptr<mock::auth::Authenticator>> LoadAuth(
    const Flags& f, const mock::json::SchemaSet& schemas, bool accept_ak_sk) {
  if (f.no_auth) return std::unique_ptr<mock::auth::Authenticator>();
  std::string path = f.users.empty() ? f.fixtures + "/users.json" : f.users;
  auto users = mock::auth::LoadUsers(path, schemas);
  if (!users.ok()) return users.status();
  return std::make_unique<mock::auth::Authenticator>(std::move(users).value(), accept_ak_sk);
}

// --ocp-version's profile, the newest when not given.
mock::StatusOr<mock::versions::Profile> LoadProfile(const Flags& f) {
  std::string version = f.ocp_version;
  if (version.empty()) {
    auto known = mock::versions::KnownVersions(f.schemas);
    if (known.empty()) return mock::ConfigError(f.schemas + "/versions/ holds no version profile");
    version = known.back();
  }
  return mock::versions::LoadProfile(f.schemas, version);
}

int ListVersions(const Flags& f) {
  auto known = mock::versions::KnownVersions(f.schemas);
  for (const std::string& v : known) {
    auto profile = mock::versions::LoadProfile(f.schemas, v);
    std::printf("%-8s %s%s\n", v.c_str(),
                profile.ok() ? profile.value().summary.c_str() : profile.status().message().c_str(),
                v == known.back() ? " (default)" : "");
  }
  return known.empty() ? 2 : 0;
}

// Loading parses whole fixture files on several threads; glibc keeps what they freed in
// per-thread arenas unless told to give it back, which at a million tasks is gigabytes.
void ReturnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// While loading, keep freed memory for reuse instead of unmapping it: each fixture file's
// parse tree is freed and the next one's allocated, and fresh pages cost the kernel a zeroing
// each (a sixth of the load time at a million tasks). ReturnFreedMemory undoes this.
void KeepFreedMemory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int Serve(const Flags& f) {
  const auto started = std::chrono::steady_clock::now();
  KeepFreedMemory();
  auto profile = LoadProfile(f);
  if (!profile.ok()) return Fatal("cannot load the version profile: " + profile.status().message());
  auto schemas = mock::json::SchemaSet::Load(profile.value().schema_dirs);
  if (!schemas.ok()) return Fatal("cannot load schemas: " + schemas.status().message());
  std::vector<std::filesystem::path> skipped;
  auto tasks = mock::fixtures::LoadTaskFixtures(
      f.fixtures, schemas.value(),
      {profile.value().version, mock::versions::KnownVersions(f.schemas)}, &skipped);
  if (!tasks.ok()) {
    return Fatal("fixture refused (as OCP " + profile.value().version +
                 "): " + tasks.status().message());
  }
  for (const auto& file : skipped) {
    mock::Log(mock::LogLevel::kInfo, "not loaded, for other OCP versions: " + file.string());
  }
  std::vector<mock::faults::FaultRule> api_rules;
  auto auth = LoadAuth(f, schemas.value(), profile.value().ak_sk);
  if (!auth.ok()) {
    return Fatal("users file refused: " + auth.status().message() +
                 " (give one with --users, or run with --no-auth)");
  }
  if (!f.faults.empty()) {
    auto rules = mock::faults::LoadFaultFile(f.faults, schemas.value());
    if (!rules.ok()) return Fatal("fault file refused: " + rules.status().message());
    for (size_t i = 0; i < rules.value().size(); ++i) {
      const auto at = f.faults + ": /faults/" + std::to_string(i);
      if (auto s = mock::api::CheckAgainstCatalogue(rules.value()[i], at); !s.ok()) {
        return Fatal("fault file refused: " + s.message());
      }
    }
    api_rules = std::move(rules).value();
  }
  auto quirks = mock::api::ParseQuirks(f.quirks);
  if (!quirks.ok()) return Fatal("--quirks: " + quirks.status().message());
  mock::tasks::MockClock clock(f.time_scale);
  mock::tasks::TaskStore store(std::move(tasks).value(), clock,
                               quirks.value().collation ? mock::query::NameOrder::kCodePoint
                                                        : mock::query::NameOrder::kCaseInsensitive);
  ReturnFreedMemory();
  mock::api::ApiOptions api_options = f.api;
  api_options.quirks = quirks.value();
  api_options.errors = profile.value().errors;
  api_options.errors_zh = profile.value().errors_zh;
  api_options.ocp_version = profile.value().version;
  api_options.api_status = profile.value().api_status;
  api_options.schemas = &schemas.value();
  api_options.source = mock::api::FixtureSource{
      f.fixtures,
      f.no_auth ? "" : (f.users.empty() ? f.fixtures + "/users.json" : f.users),
      &schemas.value(),
      {profile.value().version, mock::versions::KnownVersions(f.schemas)}};
  api_options.faults = std::move(api_rules);
  mock::api::Api api(api_options, store, clock, auth.value().get());
  const auto load_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  mock::Log(mock::LogLevel::kInfo,
            "OCP " + profile.value().version + ": loaded " + std::to_string(store.size()) +
                " tasks from " + f.fixtures + " in " + std::to_string(load_ms) + " ms" +
                (auth.value() ? "; " + std::to_string(auth.value()->size()) + " users"
                              : "; authentication off") +
                (f.quirks.empty() ? "" : "; quirks: " + mock::api::QuirkNames(quirks.value())));
  if (f.no_auth && !mock::http::IsLoopback(f.server.bind)) {
    mock::Log(mock::LogLevel::kWarn, "authentication is off and " + f.server.bind +
                                         " is not a loopback address: anyone who can reach it "
                                         "can change tasks");
  }

  // Block the signals before any thread starts, so that every thread inherits the mask and only
  // sigwait() below receives them (Pistache's http_server_shutdown example).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  mock::http::ServerOptions server_options = f.server;
  if (quirks.value().lenient_query)
    server_options.undecodable_query = mock::http::Undecodable::kDrop;
  server_options.keepalive_timeout = std::chrono::seconds(f.keepalive_seconds);
  mock::http::HttpServer server(server_options, api);
  auto port = server.Start();
  if (!port.ok()) {
    mock::Log(mock::LogLevel::kError, port.status().message());
    return 1;
  }
  std::printf("listening on %s\n", Url(f.server.bind, port.value()).c_str());
  std::fflush(stdout);

  int received = 0;
  // SIGHUP reads the fixtures and users again; SIGINT and SIGTERM stop.
  while (sigwait(&signals, &received) == 0 && received == SIGHUP) {
    auto reloaded = api.Reload();
    mock::Log(reloaded.ok() ? mock::LogLevel::kInfo : mock::LogLevel::kError,
              "SIGHUP: " + (reloaded.ok() ? reloaded.value()
                                          : reloaded.status().message() +
                                                "; the old fixtures and users are still served"));
  }
  mock::Log(mock::LogLevel::kInfo,
            std::string("received ") + strsignal(received) + ", shutting down");
  server.Shutdown();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ocp-mock: a mock of the OceanBase Cloud Platform (OCP) task API"};
  Flags flags;
  flags.api.server_name = HostName();
  AddFlags(app, flags);
  CLI11_PARSE(app, argc, argv);
  mock::SetLogLevel(*mock::ParseLogLevel(flags.log_level));
  if (flags.schemas.empty() || flags.fixtures.empty()) {
    return Fatal("the bundled fixtures and schemas are not next to this executable (" +
                 mock::ExecutableDir().string() +
                 "/../share/ocpmock); set OCPMOCK_DATA_DIR, or give --fixtures and --schemas");
  }
  if (flags.list_versions) return ListVersions(flags);
  return Serve(flags);
}
