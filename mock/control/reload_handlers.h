// Reading the fixture folder and the users file again while serving: POST
// /__mock/fixtures/reload, and SIGHUP (mock/app/main.cc). Atomic: both are read and checked
// before anything changes, so a broken file leaves the old data serving and the answer (or the
// log, for SIGHUP) names the file, the place and the reason. A reload is a fresh start for the
// tasks and the clusters, tenants and hosts (entity files, and what the tasks name: runtime
// changes, tasks and entities are forgotten); the clock, the journal, the rate limits and the
// fault rules are left as they are.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "mock/auth/authenticator.h"
#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_store.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/reply/family.h"
#include "mock/reply/route.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

// Where the served data came from.
struct FixtureSource {
  std::filesystem::path fixtures = {};  // the fixture folder (tasks/*.json inside)
  std::filesystem::path users = {};     // the users file; empty when serving without auth
  const json::SchemaSet* schemas = nullptr;
  fixtures::FixtureVersion version = {};
};

class ReloadHandlers {
 public:
  // `store`, `entities` and `authenticator` (nullptr without authentication) must outlive the
  // handlers. No source: every reload is refused (a server built from fixtures in memory).
  // `families`: those with state of their own; the ones with files (Family::Reloads()) are read
  // and swapped with the rest, all or nothing.
  ReloadHandlers(std::optional<FixtureSource> source, tasks::TaskStore& store,
                 entities::EntityStore& entities, auth::Authenticator* authenticator,
                 std::vector<const Family*> families = {})
      : source_(std::move(source)),
        store_(store),
        entities_(entities),
        authenticator_(authenticator),
        families_(std::move(families)) {}

  // POST /__mock/fixtures/reload: {"tasks": N, "users": M, "clusters": C, "tenants": T,
  // "hosts": H, and each family's rows by its name ("hostTypes": 4)}; a 400 naming what is
  // wrong.
  StatusOr<Reply> Reload() const OCPMOCK_EXCLUDES(mutex_);

  // The same, for SIGHUP: a line for the log, or the failure.
  StatusOr<std::string> ReloadNow() const OCPMOCK_EXCLUDES(mutex_);

 private:
  struct Counts {
    size_t tasks = 0;
    size_t users = 0;
    size_t clusters = 0, tenants = 0, hosts = 0;
    std::vector<std::pair<std::string, size_t>> families;
  };
  StatusOr<Counts> Swap() const OCPMOCK_EXCLUDES(mutex_);

  std::optional<FixtureSource> source_;
  tasks::TaskStore& store_;
  entities::EntityStore& entities_;
  auth::Authenticator* authenticator_;
  std::vector<const Family*> families_;
  // One reload at a time. It guards no data of its own: it is the outermost lock, taken before
  // the stores' (each store takes its own inside ReplaceFixtures), never under one.
  mutable Mutex mutex_;
};

}  // namespace mock::api
