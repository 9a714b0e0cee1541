#include "mock/app/instance.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "mock/auth/users.h"
#include "mock/core/log.h"
#include "mock/entities/entity_loader.h"
#include "mock/families/packages/packages_family.h"
#include "mock/faults/fault_json.h"
#include "mock/http/address.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/envelope.h"
#include "mock/versions/profile.h"

namespace mock::app {
namespace {

namespace fs = std::filesystem;

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

// The version's profile, and in `*schemas` the schema set of its folders.
StatusOr<versions::Profile> ProfileOf(const Config& c, std::optional<json::SchemaSet>* schemas) {
  std::string version = c.ocp_version;
  if (version.empty()) {
    auto known = versions::KnownVersions(c.schemas);
    if (known.empty()) return ConfigError(c.schemas + "/versions/ holds no version profile");
    version = known.back();
  }
  return versions::LoadProfile(c.schemas, version, schemas);
}

// The users file to read: --users, FIXTURES/users.json, else the bundled one; "" for none.
std::string UsersFile(const Config& c) {
  if (c.no_auth) return "";
  if (!c.users.empty()) return c.users;
  std::string own = c.fixtures + "/users.json";
  std::error_code ec;
  if (fs::exists(own, ec) || c.bundled_users.empty()) return own;
  Log(LogLevel::kInfo, c.fixtures + " has no users.json: using the bundled users (" +
                           c.bundled_users + "; admin / Admin@123 may do everything)");
  return c.bundled_users;
}

StatusOr<std::vector<faults::FaultRule>> FaultsOf(const Config& c, const json::SchemaSet& schemas) {
  if (c.faults.empty()) return std::vector<faults::FaultRule>();
  auto rules = faults::LoadFaultFile(c.faults, schemas);
  if (!rules.ok()) return ConfigError("fault file refused: " + rules.status().message());
  for (size_t i = 0; i < rules.value().size(); ++i) {
    const auto at = c.faults + ": /faults/" + std::to_string(i);
    if (auto s = api::CheckAgainstCatalogue(rules.value()[i], at); !s.ok()) {
      return ConfigError("fault file refused: " + s.message());
    }
  }
  return rules;
}

// The OCP server a task ran on, when its fixture names none: the address the mock serves on,
// or its server name when that address is a wildcard.
std::string DefaultExecutor(const Config& c) {
  const std::string& bind = c.server.bind;
  const bool wildcard = bind.empty() || bind == "0.0.0.0" || bind == "::" || bind == "[::]";
  return wildcard ? c.api.server_name : bind;
}

// A fixture folder that is not there is refused before anything listens, in words (the
// loader's own message names the tasks/ folder it could not list).
Status CheckFixtureFolder(const std::string& dir) {
  std::error_code ec;
  const char* holds = " (a fixture folder holds tasks/*.json)";
  if (!fs::exists(dir, ec)) return ConfigError("--fixtures " + dir + ": no such folder" + holds);
  if (!fs::is_directory(dir, ec)) {
    return ConfigError("--fixtures " + dir + ": not a folder" + holds);
  }
  if (!fs::is_directory(fs::path(dir) / "tasks", ec)) {
    return ConfigError("--fixtures " + dir + ": it has no tasks/ folder" + holds);
  }
  return {};
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

struct Instance::Loaded {
  versions::Profile profile;
  json::SchemaSet schemas;
  api::Quirks quirks;
  std::vector<faults::FaultRule> faults;
};

// What the server serves: until Open, a JSON 503 saying the fixtures are loading (so a health
// check polling /__mock/health sees 503 until the mock is ready); then the API.
class Instance::Gate : public http::Service {
 public:
  Gate(std::string server_name, const ocp::ErrorCatalog& errors)
      : envelope_{std::move(server_name), errors},
        code_(errors.Lookup(ocp::ErrorKind::kUnavailable).CodeText()) {}

  void Open(const http::Service* api) { api_.store(api, std::memory_order_release); }

  http::Response Handle(const http::Request& request) const override {
    if (const http::Service* api = api_.load(std::memory_order_acquire)) {
      return api->Handle(request);
    }
    return Loading();
  }
  http::Response Reject(const Status& status) const override {
    if (const http::Service* api = api_.load(std::memory_order_acquire)) {
      return api->Reject(status);
    }
    return Loading();
  }

 private:
  http::Response Loading() const {
    return api::Failure(envelope_, api::RequestContext{trace_ids_.Next()}, 503, code_,
                        "ocp-mock is loading its fixtures and serves once it has read them; "
                        "try again when GET /__mock/health answers 200.");
  }

  const api::EnvelopeSettings envelope_;
  const std::string code_;
  mutable api::TraceIds trace_ids_;
  std::atomic<const http::Service*> api_{nullptr};
};

StatusOr<std::unique_ptr<Instance>> Instance::Start(Config c) {
  auto self = Bind(std::move(c));
  if (!self.ok()) return self.status();
  if (Status loaded = self.value()->Load(); !loaded.ok()) return loaded;
  return self;
}

StatusOr<std::unique_ptr<Instance>> Instance::Bind(Config c) {
  if (Status s = http::CheckBindAddress(c.server.bind); !s.ok()) {
    return ConfigError("--bind: " + s.message());
  }
  if (Status s = CheckFixtureFolder(c.fixtures); !s.ok()) return s;
  std::optional<json::SchemaSet> schemas;
  auto profile = ProfileOf(c, &schemas);
  if (!profile.ok()) {
    return ConfigError("cannot load the version profile: " + profile.status().message());
  }
  auto quirks = api::ParseQuirks(c.quirks);
  if (!quirks.ok()) return ConfigError("--quirks: " + quirks.status().message());
  auto rules = FaultsOf(c, schemas.value());
  if (!rules.ok()) return rules.status();
  std::unique_ptr<Instance> self(new Instance());
  self->loaded_ =
      std::make_unique<Loaded>(Loaded{std::move(profile).value(), std::move(schemas).value(),
                                      quirks.value(), std::move(rules).value()});
  self->gate_ = std::make_unique<Gate>(c.api.server_name, self->loaded_->profile.errors);
  http::ServerOptions server = c.server;
  if (quirks.value().lenient_query) server.undecodable_query = http::Undecodable::kDrop;
  server.keepalive_timeout = std::chrono::seconds(c.keepalive_seconds);
  server.body_limits.push_back(
      {"POST", families::PackagesFamily::kUploadPath, c.max_upload_bytes, "--max-upload-bytes"});
  self->server_ = std::make_unique<http::HttpServer>(server, *self->gate_);
  auto port = self->server_->Start();
  if (!port.ok()) return Unavailable(port.status().message());  // the port, not the config
  self->port_ = port.value();
  self->config_ = std::move(c);
  Log(LogLevel::kInfo, "bound " + self->url() + "; loading the fixtures from " +
                           self->config_.fixtures + " (503 to every request until they are read)");
  return self;
}

Status Instance::Load(const std::stop_token& stop) {
  Status stopped = Unavailable("the load was stopped");
  const auto started = std::chrono::steady_clock::now();
  const Config& c = config_;
  KeepFreedMemory();
  const versions::Profile& p = loaded_->profile;
  const json::SchemaSet& s = loaded_->schemas;
  const api::Quirks& quirks = loaded_->quirks;
  const fixtures::FixtureVersion versions{p.version, versions::KnownVersions(c.schemas)};
  std::vector<fs::path> skipped;
  auto tasks = fixtures::LoadTaskFixtures(c.fixtures, s, versions, &skipped, stop);
  if (stop.stop_requested()) return stopped;
  if (!tasks.ok()) {
    return ConfigError("fixture refused (as OCP " + p.version + "): " + tasks.status().message());
  }
  auto entity_set = entities::LoadEntityFixtures(c.fixtures, s, versions, &skipped);
  auto family_data = api::LoadFamilyData(c.fixtures, s, versions, &skipped);
  if (stop.stop_requested()) return stopped;
  if (!family_data.ok()) {
    return ConfigError("fixture refused (as OCP " + p.version +
                       "): " + family_data.status().message());
  }
  for (const auto& file : skipped) {
    Log(LogLevel::kInfo, "not loaded, for other OCP versions: " + file.string());
  }
  if (entity_set.ok()) {
    if (Status done = entities::Complete(entity_set.value(), tasks.value()); !done.ok())
      entity_set = ConfigError(c.fixtures + "/: " + done.message());
  }
  if (!entity_set.ok()) {
    return ConfigError("fixture refused (as OCP " + p.version +
                       "): " + entity_set.status().message());
  }
  const std::string entity_counts =
      Plural(entity_set.value().clusters.size(), "cluster", "clusters") + ", " +
      Plural(entity_set.value().tenants.size(), "tenant", "tenants") + ", " +
      Plural(entity_set.value().hosts.size(), "host", "hosts");
  entities_ = std::make_unique<entities::EntityStore>(std::move(entity_set).value());
  const std::string users = UsersFile(c);
  if (!users.empty()) {
    auto loaded = auth::LoadUsers(users, s);
    if (!loaded.ok()) {
      return ConfigError("users file refused: " + loaded.status().message() +
                         " (give one with --users, or run with --no-auth)");
    }
    auth_ = std::make_unique<auth::Authenticator>(std::move(loaded).value(), p.ak_sk);
  }
  if (stop.stop_requested()) return stopped;
  clock_ = std::make_unique<tasks::MockClock>(c.time_scale, c.clock_start_ms);
  tasks::StoreOptions store;
  store.name_order =
      quirks.collation ? query::NameOrder::kCodePoint : query::NameOrder::kCaseInsensitive;
  store.default_executor = DefaultExecutor(c);
  store_ = std::make_unique<tasks::TaskStore>(std::move(tasks).value(), *clock_, store);
  ReturnFreedMemory();
  if (stop.stop_requested()) return stopped;
  api::ApiOptions options = c.api;
  options.quirks = quirks;
  options.errors = p.errors;
  options.errors_zh = p.errors_zh;
  options.ocp_version = p.version;
  options.api_status = p.api_status;
  options.arbitration = p.arbitration;
  options.schemas = &s;
  options.entities = entities_.get();
  options.source = api::FixtureSource{c.fixtures, users, &s, versions};
  options.faults = loaded_->faults;
  options.family_data = std::move(family_data).value();
  options.control_needs_credentials = !http::IsLoopback(c.server.bind);
  api_ = std::make_unique<api::Api>(options, *store_, *clock_, auth_.get());
  const auto load_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  Log(LogLevel::kInfo,
      "OCP " + p.version + ": loaded " + Plural(store_->size(), "task", "tasks") + " from " +
          c.fixtures + " in " + std::to_string(load_ms) + " ms (" + entity_counts + ")" +
          (auth_ ? "; " + Plural(auth_->size(), "user", "users") : "; authentication off") +
          (c.quirks.empty() ? "" : "; quirks: " + api::QuirkNames(quirks)));
  if (!c.no_auth && !http::IsLoopback(c.server.bind)) {
    Log(LogLevel::kInfo, c.server.bind +
                             " is not a loopback address: /__mock/ (but /__mock/health) needs a "
                             "TASK_MANAGER user's credentials");
  }
  if (c.no_auth && !http::IsLoopback(c.server.bind)) {
    Log(LogLevel::kWarn, "authentication is off and " + c.server.bind +
                             " is not a loopback address: anyone who can reach it can change "
                             "tasks");
  }
  gate_->Open(api_.get());
  return {};
}

std::string Instance::url() const {
  const std::string& host = config_.server.bind;
  const bool v6 = host.find(':') != std::string::npos && host.front() != '[';
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port_);
}

void Instance::Shutdown() {
  if (stopped_ || !server_) return;
  stopped_ = true;
  server_->Shutdown();
}

Instance::~Instance() { Shutdown(); }

}  // namespace mock::app
