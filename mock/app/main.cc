// ocp-mock: serves OCP's task API from fixture files. `ocp-mock --help` lists the flags.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "mock/app/instance.h"
#include "mock/app/openapi_command.h"
#include "mock/core/data_dir.h"
#include "mock/core/log.h"
#include "mock/model/timestamp.h"
#include "mock/versions/profile.h"

namespace {

std::string BundledData(const char* folder) {
  const std::filesystem::path dir = mock::DataDir(OCPMOCK_SOURCE_FROM_BINARY);
  return dir.empty() ? std::string() : (dir / folder).string();
}

struct Flags {
  mock::app::Config config;
  bool list_versions = false;
  std::string log_level = "info";
  std::string openapi_out;      // `ocp-mock openapi --out DIR`
  std::string openapi_samples;  // its --samples; empty: SCHEMAS/../contract_tests/samples
};

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "ocp-mock";
  return name;
}

// 0 to 65535, said in words (CLI11's own conversion of 70000 says only "Could not convert").
CLI::Validator PortNumber() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        unsigned long port = 0;
        const char* end = value.data() + value.size();
        auto [at, error] = std::from_chars(value.data(), end, port);
        if (value.empty() || error != std::errc() || at != end || port > 65535) {
          return value + " is not a port number: give 0 to 65535 (0 picks a free port)";
        }
        return {};
      },
      "UINT in [0 - 65535]");
}

// An ISO-8601 instant with its offset, as OCP writes times; said in words when it is not one.
CLI::Validator IsoInstant() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (mock::model::ParseTimestamp(value)) return {};
        return value + " is not a time: give ISO-8601 with an offset, e.g. " +
               "2026-12-01T08:00:00.000+08:00 or 2026-12-01T00:00:00Z";
      },
      "ISO-8601");
}

void AddFlags(CLI::App& app, Flags& f) {
  app.set_version_flag("--version", std::string("ocp-mock ") + OCPMOCK_VERSION);
  app.add_option("--fixtures", f.config.fixtures, "Fixture folder (tasks/*.json inside)")
      ->capture_default_str();
  app.add_option("--schemas", f.config.schemas,
                 "JSON Schema folder (shared schemas; versions/<version>/ per OCP version)")
      ->capture_default_str();
  app.add_option("--ocp-version", f.config.ocp_version,
                 "OCP version to behave as (default: the newest; --list-versions lists them)");
  app.add_flag("--list-versions", f.list_versions, "Print the OCP version profiles and exit");
  app.add_option("--users", f.config.users, "Users file (default: FIXTURES/users.json)");
  app.add_flag("--no-auth", f.config.no_auth,
               "Serve without authentication, as a user with every permission");
  app.add_option("--time-scale", f.config.time_scale,
                 "Simulated seconds per real second for task progress; 0 freezes the clock")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  app.add_option_function<std::string>(
         "--clock-start",
         [&f](const std::string& text) {
           f.config.clock_start_ms = mock::model::ParseTimestamp(text)->epoch_ms;
         },
         "Start the mock's clock at this time (ISO-8601 with an offset) instead of now, so that "
         "two runs with the same --seed answer the same; POST /__mock/reset returns to it")
      ->check(IsoInstant());
  app.add_option("--bind", f.config.server.bind, "Address to listen on (IPv4 or IPv6)")
      ->capture_default_str();
  app.add_option("--port", f.config.server.port, "Port to listen on; 0 picks a free one")
      ->check(PortNumber())
      ->capture_default_str();
  app.add_option("--server-name", f.config.api.server_name,
                 "The envelope's `server` field (default: this host's name)");
  app.add_option("--log-level", f.log_level, "error, warn, info (one line per request), debug")
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}))
      ->capture_default_str();
  app.add_option("--max-header-bytes", f.config.server.max_header_bytes,
                 "Largest request line plus headers; larger is a JSON 413")
      ->check(CLI::Range(size_t{256}, size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--max-body-bytes", f.config.server.max_body_bytes,
                 "Largest request body; larger is a JSON 413")
      ->check(CLI::Range(size_t{0}, size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--max-upload-bytes", f.config.max_upload_bytes,
                 "Largest body of an upload (POST /api/v2/software-packages), instead of "
                 "--max-body-bytes; larger is a JSON 413")
      ->check(CLI::Range(size_t{0}, size_t{1} << 30))
      ->capture_default_str();
  app.add_option("--max-query-params", f.config.server.max_query_params,
                 "Most query parameters a request may carry; more is a JSON 400")
      ->check(CLI::Range(size_t{16}, size_t{100000}))
      ->capture_default_str();
  app.add_option("--max-connections", f.config.server.max_connections,
                 "Connections open at once; a request on one more gets a JSON 503")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  app.add_option("--keepalive-timeout", f.config.keepalive_seconds,
                 "Seconds an idle connection (or one that stopped mid-request) stays open")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--cors", f.config.api.cors_origin,
                 "An origin (or *) whose web pages may call the mock: CORS headers, preflights");
  app.add_option("--journal-size", f.config.api.journal_size,
                 "Requests the journal (GET /__mock/requests) keeps; the oldest go first; 0 "
                 "keeps none")
      ->check(CLI::Range(size_t{0}, size_t{1000000}))
      ->capture_default_str();
  app.add_option("--faults", f.config.faults,
                 "Fault rules to start with (schemas/fault-file.schema.json); POST /__mock/reset "
                 "puts them back");
  app.add_option("--quirks", f.config.quirks,
                 "Play a real deployment where OCP's docs are silent, comma-separated: "
                 "extra-fields, language, tie-order, collation, unknown-path-html, "
                 "lenient-query, subtask-order, big-ids-as-strings, client-ids, zone-rpm-name, "
                 "or all (docs/live-checks.md)");
  app.add_option("--seed", f.config.api.seed,
                 "Seeds the fault rules' draws and the generated monitoring data, so a run can be "
                 "replayed (with --clock-start)")
      ->capture_default_str();
  app.add_option("--max-request-bytes", f.config.server.max_request_bytes,
                 "Largest request accepted, headers included; larger ones get a JSON 413")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20))
      ->capture_default_str();
}

int Fatal(const std::string& message) {
  mock::Log(mock::LogLevel::kError, message);
  return 2;
}

// `ocp-mock openapi`: the OpenAPI documents, written; no server is started (docs/openapi.md).
CLI::App* AddOpenApiCommand(CLI::App& app, Flags& f) {
  CLI::App* openapi = app.add_subcommand(
      "openapi",
      "Write every OCP version's OpenAPI 3.1 document (ocp-VERSION.openapi.json) and the "
      "control plane's (ocp-mock-control.openapi.json) to --out, then exit");
  openapi->add_option("--out", f.openapi_out, "Folder to write to (created when missing)")
      ->required();
  openapi->add_option("--samples", f.openapi_samples,
                      "OCP's documented samples, the success answers' examples (default: "
                      "contract_tests/samples beside the schema folder, if there is one)");
  openapi->fallthrough();  // --schemas may follow the subcommand
  return openapi;
}

int WriteOpenApi(const Flags& f) {
  std::error_code ec;
  if (!f.openapi_samples.empty() && !std::filesystem::is_directory(f.openapi_samples, ec)) {
    return Fatal("--samples " + f.openapi_samples + ": no such folder");
  }
  mock::api::OpenApiSources sources{.schemas_root = f.config.schemas};
  sources.samples_dir = f.openapi_samples.empty() ? mock::api::SamplesBeside(f.config.schemas)
                                                  : std::filesystem::path(f.openapi_samples);
  auto files = mock::app::WriteOpenApiDocuments(sources, f.openapi_out);
  if (!files.ok()) return Fatal(files.status().message());
  for (const std::string& w : files.value().warnings) mock::Log(mock::LogLevel::kWarn, w);
  for (const auto& file : files.value().written) std::printf("wrote %s\n", file.c_str());
  return 0;
}

int ListVersions(const Flags& f) {
  auto known = mock::versions::KnownVersions(f.config.schemas);
  for (const std::string& v : known) {
    auto profile = mock::versions::LoadProfile(f.config.schemas, v);
    std::printf("%-8s %s%s\n", v.c_str(),
                profile.ok() ? profile.value().summary.c_str() : profile.status().message().c_str(),
                v == known.back() ? " (default)" : "");
  }
  return known.empty() ? 2 : 0;
}

// The exit status of a start-up stopped by `signal` before the mock was ready: 128 + the signal
// (130 for SIGINT, 143 for SIGTERM), as a shell reports a command a signal ended.
int StoppedBy(int signal) { return 128 + signal; }

// How long a load stopped by a signal may take to wind down (it checks the stop between files and
// every thousand tasks) before the process exits without waiting: a file that blocks (a FIFO, a
// hung network mount) must not keep a stopped mock alive.
constexpr auto kStopGrace = std::chrono::milliseconds(500);

// Between the main thread (which loads, prints the ready line, then waits) and the thread that
// receives SIGINT, SIGTERM and SIGHUP for the whole run.
struct Lifecycle {
  enum class Phase { kLoading, kServing, kEnded };
  std::mutex mutex;
  std::condition_variable changed;
  Phase phase = Phase::kLoading;
  int stop_signal = 0;  // SIGINT or SIGTERM, once received
  std::stop_source stop;
};

// Receives the signals `signals` holds until a stop: while loading, SIGINT or SIGTERM stops the
// load (and, should it not wind down within kStopGrace, the process); once serving, it tells the
// main thread to shut down, and SIGHUP reads the fixtures and users again. A signal after the
// phase became kEnded only ends this thread (the main thread sends one to do so).
void HandleSignals(sigset_t signals, Lifecycle& life, mock::app::Instance& mock) {
  int received = 0;
  while (sigwait(&signals, &received) == 0) {
    std::unique_lock lock(life.mutex);
    if (life.phase == Lifecycle::Phase::kEnded) return;
    if (received == SIGHUP) {
      if (life.phase == Lifecycle::Phase::kLoading) {
        mock::Log(mock::LogLevel::kWarn, "SIGHUP while loading the fixtures: ignored");
        continue;
      }
      lock.unlock();
      auto reloaded = mock.api().Reload();
      mock::Log(reloaded.ok() ? mock::LogLevel::kInfo : mock::LogLevel::kError,
                "SIGHUP: " + (reloaded.ok() ? reloaded.value()
                                            : reloaded.status().message() +
                                                  "; the old fixtures and users are still served"));
      continue;
    }
    life.stop_signal = received;
    if (life.phase == Lifecycle::Phase::kServing) {
      life.changed.notify_all();
      return;
    }
    mock::Log(mock::LogLevel::kInfo, std::string("received ") + strsignal(received) +
                                         " while loading the fixtures: stopping, not serving");
    life.stop.request_stop();
    if (!life.changed.wait_for(lock, kStopGrace,
                               [&] { return life.phase == Lifecycle::Phase::kEnded; })) {
      mock::Log(mock::LogLevel::kWarn, "the load did not stop within " +
                                           std::to_string(kStopGrace.count()) +
                                           " ms; exiting without waiting for it");
      std::fflush(nullptr);
      std::_Exit(StoppedBy(received));
    }
    return;
  }
}

int Serve(Flags& f) {
  // Block the signals before any thread starts, so that every thread inherits the mask and only
  // sigwait() receives them (Pistache's http_server_shutdown example).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // Every flag is checked and the port bound before any fixture is read.
  auto mock = mock::app::Instance::Bind(std::move(f.config));
  if (!mock.ok() && mock.status().code() != mock::StatusCode::kConfig) {
    mock::Log(mock::LogLevel::kError, mock.status().message());
    return 1;  // could not listen: not the configuration's fault
  }
  if (!mock.ok()) return Fatal(mock.status().message());
  Lifecycle life;
  std::thread signal_thread(HandleSignals, signals, std::ref(life), std::ref(*mock.value()));
  const mock::Status loaded = mock.value()->Load(life.stop.get_token());
  std::unique_lock lock(life.mutex);
  if (!loaded.ok() || life.stop_signal != 0) {
    life.phase = Lifecycle::Phase::kEnded;
    life.changed.notify_all();
    const int stopped_by = life.stop_signal;
    lock.unlock();
    // Wakes the signal thread from sigwait (it takes SIGTERM as its cue to end), not a kill.
    // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
    pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
    if (stopped_by != 0) return StoppedBy(stopped_by);
    return Fatal(loaded.message());
  }
  life.phase = Lifecycle::Phase::kServing;
  std::printf("listening on %s\n", mock.value()->url().c_str());
  std::fflush(stdout);
  life.changed.wait(lock, [&] { return life.stop_signal != 0; });
  mock::Log(mock::LogLevel::kInfo,
            std::string("received ") + strsignal(life.stop_signal) + ", shutting down");
  lock.unlock();
  signal_thread.join();
  mock.value()->Shutdown();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ocp-mock: a mock of the OceanBase Cloud Platform (OCP) task API"};
  Flags flags;
  flags.config.api.server_name = HostName();
  flags.config.fixtures = BundledData("fixtures");
  flags.config.schemas = BundledData("schemas");
  flags.config.bundled_users = BundledData("fixtures/users.json");
  AddFlags(app, flags);
  CLI::App* openapi = AddOpenApiCommand(app, flags);
  CLI11_PARSE(app, argc, argv);
  mock::SetLogLevel(*mock::ParseLogLevel(flags.log_level));
  if (*openapi) {
    if (flags.config.schemas.empty()) return Fatal("no schema folder: give --schemas");
    return WriteOpenApi(flags);
  }
  if (flags.config.schemas.empty() || flags.config.fixtures.empty()) {
    return Fatal("the bundled fixtures and schemas are not next to this executable (" +
                 mock::ExecutableDir().string() +
                 "/../share/ocpmock); set OCPMOCK_DATA_DIR, or give --fixtures and --schemas");
  }
  if (flags.list_versions) return ListVersions(flags);
  return Serve(flags);
}
