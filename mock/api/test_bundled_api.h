// For the families' tests (OBProxy clusters, takeover): an Api over the bundled fixtures (tasks,
// clusters, tenants, hosts and every family's data), or those of `fixtures` (a generated set), as
// OCP `version`, on a mock clock that moves only when a test advances it, with reloads from that
// folder and optionally users (none: served without authentication), --quirks, the journal's
// size (a fuzzer keeps none) and --seed.
//
// What the fixtures and the version give (the profile, the compiled schemas, the tasks, the
// entity rows and every family's rows: all immutable once loaded) is loaded once per test binary
// for the bundled folder and shared by every BundledApi of that version: each test still gets
// its own clock, stores and Api, and so its own state. Loading it was most of a test's time
// (about 60 ms each, a second under ASan). A folder other than the bundled one, which a test may
// write, is read afresh each time.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mock/api/api.h"
#include "mock/entities/entity_loader.h"
#include "mock/entities/entity_store.h"
#include "mock/json/json.h"
#include "mock/loader/fixture_loader.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families::testing {

// The fixtures of one folder as one version reads them.
struct BundledData {
  versions::Profile profile;
  std::shared_ptr<const json::SchemaSet> schemas;
  std::vector<model::Task> tasks;
  entities::EntitySet entities;  // as the files give them, not yet completed from the tasks
  api::FamilyData family_data;
  fixtures::FixtureVersion version;
};

template <typename T>
T MustLoad(StatusOr<T> v) {
  if (!v.ok()) throw std::runtime_error(v.status().message());
  return std::move(v).value();
}

inline std::shared_ptr<const BundledData> LoadBundledData(const std::string& version,
                                                          const std::filesystem::path& fixtures) {
  auto d = std::make_shared<BundledData>();
  d->profile = MustLoad(versions::LoadProfile(testdata::SchemasDir(), version));
  d->schemas = std::make_shared<const json::SchemaSet>(
      MustLoad(json::SchemaSet::Load(d->profile.schema_dirs)));
  d->tasks = MustLoad(fixtures::LoadTaskFixtures(fixtures, *d->schemas, version.c_str()));
  d->entities = MustLoad(entities::LoadEntityFixtures(fixtures, *d->schemas, version.c_str()));
  d->version = fixtures::FixtureVersion{version, versions::KnownVersions(testdata::SchemasDir())};
  d->family_data = MustLoad(api::LoadFamilyData(fixtures, *d->schemas, d->version));
  return d;
}

// `version`'s data of `fixtures`: the bundled folder's loaded once (above), any other afresh.
inline std::shared_ptr<const BundledData> BundledDataFor(const std::string& version,
                                                         const std::filesystem::path& fixtures) {
  if (fixtures != testdata::FixturesDir()) return LoadBundledData(version, fixtures);
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const BundledData>> loaded;
  std::lock_guard lock(mutex);
  auto& d = loaded[version];
  if (d == nullptr) d = LoadBundledData(version, fixtures);
  return d;
}

class BundledApi {
 public:
  explicit BundledApi(const std::string& version = "4.2.2",
                      std::optional<std::vector<auth::User>> users = {}, api::Quirks quirks = {},
                      std::filesystem::path fixtures_dir = testdata::FixturesDir(),
                      std::optional<size_t> journal_size = std::nullopt, uint64_t seed = 0)
      : fixtures_(std::move(fixtures_dir)),
        data_(BundledDataFor(version, fixtures_)),
        profile_(data_->profile),
        schemas_(*data_->schemas),
        clock(0),
        store(data_->tasks, clock),
        entities(Entities(store.All())),
        authenticator(users ? std::optional<auth::Authenticator>(std::in_place, *users)
                            : std::nullopt),
        api(Options(version, quirks, journal_size, seed), store, clock,
            authenticator ? &*authenticator : nullptr) {}

  http::Response Send(const std::string& method, const std::string& target, std::string body = {},
                      http::Headers headers = {}) const {
    return api.Handle(
        http::MakeRequest(method, target, std::move(headers), std::move(body)).value());
  }
  // The body of a 200 answer, parsed; throws otherwise, with the answer.
  rapidjson::Document Json(const std::string& method, const std::string& target,
                           std::string body = {}) const {
    http::Response r = Send(method, target, std::move(body));
    if (r.status != 200) throw std::runtime_error(method + " " + target + ": " + r.body);
    return Must(json::ParseJson(r.body));
  }
  // Moves the mock clock on, as POST /__mock/clock/advance does.
  void Advance(int64_t seconds) { clock.Advance(seconds * 1000); }
  const json::SchemaSet& schemas() const { return schemas_; }

 private:
  template <typename T>
  static T Must(StatusOr<T> v) {
    if (!v.ok()) throw std::runtime_error(v.status().message());
    return std::move(v).value();
  }
  entities::EntitySet Entities(const std::vector<tasks::TaskSnapshot>& snapshots) {
    entities::EntitySet set = data_->entities;
    std::vector<model::Task> tasks;
    for (const auto& t : snapshots) tasks.push_back(*t);
    if (Status s = entities::Complete(set, tasks); !s.ok()) throw std::runtime_error(s.message());
    return set;
  }
  api::ApiOptions Options(const std::string& version, api::Quirks quirks,
                          std::optional<size_t> journal_size, uint64_t seed) {
    api::ApiOptions options;
    options.seed = seed;
    if (journal_size) options.journal_size = *journal_size;
    options.ocp_version = version;
    options.quirks = quirks;
    options.errors = profile_.errors;
    options.errors_zh = profile_.errors_zh;
    options.arbitration = profile_.arbitration;
    options.schemas = &schemas_;
    options.entities = &entities;
    options.family_data = data_->family_data;
    options.source = api::FixtureSource{fixtures_, "", &schemas_, data_->version};
    return options;
  }

  std::filesystem::path fixtures_;
  std::shared_ptr<const BundledData> data_;
  const versions::Profile& profile_;
  const json::SchemaSet& schemas_;

 public:
  tasks::MockClock clock;
  tasks::TaskStore store;
  entities::EntityStore entities;
  std::optional<auth::Authenticator> authenticator;
  api::Api api;
};

}  // namespace mock::families::testing
