// For the families' tests (OBProxy clusters, takeover): an Api over the bundled fixtures (tasks,
// clusters, tenants, hosts and every family's data), or those of `fixtures` (a generated set), as
// OCP `version`, on a mock clock that moves only when a test advances it, with reloads from that
// folder and optionally users (none: served without authentication), --quirks and the journal's
// size (a fuzzer keeps none).
#pragma once

#include <filesystem>
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

class BundledApi {
 public:
  explicit BundledApi(const std::string& version = "4.2.2",
                      std::optional<std::vector<auth::User>> users = {}, api::Quirks quirks = {},
                      std::filesystem::path fixtures_dir = testdata::FixturesDir(),
                      std::optional<size_t> journal_size = std::nullopt)
      : fixtures_(std::move(fixtures_dir)),
        profile_(Must(versions::LoadProfile(testdata::SchemasDir(), version))),
        schemas_(Must(json::SchemaSet::Load(profile_.schema_dirs))),
        clock(0),
        store(Must(fixtures::LoadTaskFixtures(fixtures_, schemas_, version.c_str())), clock),
        entities(Entities(version, store.All())),
        authenticator(users ? std::optional<auth::Authenticator>(std::in_place, *users)
                            : std::nullopt),
        api(Options(version, quirks, journal_size), store, clock,
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
  entities::EntitySet Entities(const std::string& version,
                               const std::vector<tasks::TaskSnapshot>& snapshots) {
    auto set = Must(entities::LoadEntityFixtures(fixtures_, schemas_, version.c_str()));
    std::vector<model::Task> tasks;
    for (const auto& t : snapshots) tasks.push_back(*t);
    if (Status s = entities::Complete(set, tasks); !s.ok()) throw std::runtime_error(s.message());
    return set;
  }
  api::ApiOptions Options(const std::string& version, api::Quirks quirks,
                          std::optional<size_t> journal_size) {
    api::ApiOptions options;
    if (journal_size) options.journal_size = *journal_size;
    options.ocp_version = version;
    options.quirks = quirks;
    options.errors = profile_.errors;
    options.errors_zh = profile_.errors_zh;
    options.arbitration = profile_.arbitration;
    options.schemas = &schemas_;
    options.entities = &entities;
    const fixtures::FixtureVersion v{version, versions::KnownVersions(testdata::SchemasDir())};
    options.family_data = Must(api::LoadFamilyData(fixtures_, schemas_, v));
    options.source = api::FixtureSource{fixtures_, "", &schemas_, v};
    return options;
  }

  std::filesystem::path fixtures_;
  versions::Profile profile_;
  json::SchemaSet schemas_;

 public:
  tasks::MockClock clock;
  tasks::TaskStore store;
  entities::EntityStore entities;
  std::optional<auth::Authenticator> authenticator;
  api::Api api;
};

}  // namespace mock::families::testing
