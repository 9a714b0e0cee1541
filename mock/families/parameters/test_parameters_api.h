// For the parameters' tests: an Api over a fixture folder (the bundled one unless given: its
// tasks, clusters, tenants, hosts and every family's data), as OCP `version`, on a frozen mock
// clock, with reloads from that folder and optionally users (none: served without
// authentication); and a copy of the bundled folder a test may change (reloads).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
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

// The parameters of cluster 1, and of its tenant 171 (trade, MySQL), in the bundled fixtures.
inline constexpr char kCluster1[] = "/api/v2/ob/clusters/1/parameters";
inline constexpr char kTenant171[] = "/api/v2/ob/clusters/1/tenants/171/parameters";

class ParametersApi {
 public:
  explicit ParametersApi(const std::string& version = "4.2.2",
                         std::optional<std::vector<auth::User>> users = {},
                         std::filesystem::path fixtures = testdata::FixturesDir())
      : fixtures_(std::move(fixtures)),
        profile_(Must(versions::LoadProfile(testdata::SchemasDir(), version))),
        schemas_(Must(json::SchemaSet::Load(profile_.schema_dirs))),
        clock(0),
        store(Must(fixtures::LoadTaskFixtures(fixtures_, schemas_, version.c_str())), clock),
        entities(Entities(version, store.All())),
        authenticator(users ? std::optional<auth::Authenticator>(std::in_place, *users)
                            : std::nullopt),
        api(Options(version), store, clock, authenticator ? &*authenticator : nullptr) {}

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
  api::ApiOptions Options(const std::string& version) {
    api::ApiOptions options;
    options.ocp_version = version;
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

// A copy of the bundled fixture folder, removed with the object.
class FixtureCopy {
 public:
  FixtureCopy()
      : dir_(
            std::filesystem::temp_directory_path() /
            ("ocpmock-parameters-" + std::to_string(::getpid()) + "-" + std::to_string(count_++))) {
    std::filesystem::copy(testdata::FixturesDir(), dir_, std::filesystem::copy_options::recursive);
  }
  ~FixtureCopy() { std::filesystem::remove_all(dir_); }
  FixtureCopy(const FixtureCopy&) = delete;
  FixtureCopy& operator=(const FixtureCopy&) = delete;

  // Writes `text` as fixtures/parameters/NAME.
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / "parameters" / name) << text;
  }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  static inline int count_ = 0;
  std::filesystem::path dir_;
};

}  // namespace mock::families::testing
