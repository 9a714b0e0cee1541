// For the entity API's tests: an Api over the bundled fixtures (their tasks, and the clusters,
// tenants and hosts of fixtures/entities/ plus those the tasks name), as OCP `version`, with a
// frozen clock and optionally users (none: served without authentication).
#pragma once

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

namespace mock::api::testing {

class EntityApi {
 public:
  explicit EntityApi(const std::string& version = "4.2.2",
                     std::optional<std::vector<auth::User>> users = {})
      : loaded_(Load(version)),
        clock(0),
        store(loaded_.tasks, clock),
        entities(std::move(loaded_.entities)),
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
    return std::move(json::ParseJson(r.body)).value();
  }
  int64_t TotalOf(const std::string& target) const {
    return Json("GET", target)["data"]["page"]["totalElements"].GetInt64();
  }

 private:
  struct Loaded {
    json::SchemaSet schemas;
    versions::Profile profile;
    std::vector<model::Task> tasks;
    entities::EntitySet entities;
  };
  static Loaded Load(const std::string& version) {
    auto profile = versions::LoadProfile(testdata::SchemasDir(), version);
    if (!profile.ok()) throw std::runtime_error(profile.status().message());
    auto schemas = json::SchemaSet::Load(profile.value().schema_dirs);
    if (!schemas.ok()) throw std::runtime_error(schemas.status().message());
    auto tasks = fixtures::LoadTaskFixtures(testdata::FixturesDir(), schemas.value(), version);
    if (!tasks.ok()) throw std::runtime_error(tasks.status().message());
    auto set = entities::LoadEntityFixtures(testdata::FixturesDir(), schemas.value(), version);
    if (!set.ok()) throw std::runtime_error(set.status().message());
    if (Status s = entities::Complete(set.value(), tasks.value()); !s.ok())
      throw std::runtime_error(s.message());
    return Loaded{std::move(schemas).value(), std::move(profile).value(), std::move(tasks).value(),
                  std::move(set).value()};
  }
  ApiOptions Options(const std::string& version) {
    ApiOptions options;
    options.ocp_version = version;
    options.errors = loaded_.profile.errors;
    options.errors_zh = loaded_.profile.errors_zh;
    options.schemas = &loaded_.schemas;
    options.entities = &entities;
    return options;
  }

  Loaded loaded_;

 public:
  tasks::MockClock clock;
  tasks::TaskStore store;
  entities::EntityStore entities;
  std::optional<auth::Authenticator> authenticator;
  Api api;
};

}  // namespace mock::api::testing
