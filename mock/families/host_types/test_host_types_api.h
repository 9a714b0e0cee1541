// For the host types' tests: an Api serving the host types of a fixture folder (the bundled one
// unless given) as OCP `version`, with no tasks, a frozen clock, reloads from that folder, and
// optionally users (none: served without authentication).
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mock/api/api.h"
#include "mock/json/json.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families::testing {

class HostTypesApi {
 public:
  explicit HostTypesApi(std::filesystem::path fixtures = testdata::FixturesDir(),
                        const std::string& version = "4.2.2",
                        std::optional<std::vector<auth::User>> users = {})
      : fixtures_(std::move(fixtures)),
        profile_(Must(versions::LoadProfile(testdata::SchemasDir(), version))),
        schemas_(Must(json::SchemaSet::Load(profile_.schema_dirs))),
        clock(1'700'000'000'000),
        store({}, clock),
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
  api::ApiOptions Options(const std::string& version) {
    api::ApiOptions options;
    options.ocp_version = version;
    options.errors = profile_.errors;
    options.errors_zh = profile_.errors_zh;
    options.schemas = &schemas_;
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
  std::optional<auth::Authenticator> authenticator;
  api::Api api;
};

}  // namespace mock::families::testing
