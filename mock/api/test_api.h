// For the API's tests: an Api over one FAILED task (7, subtasks 71 SUCCESSFUL and 72 FAILED)
// with a frozen clock, the version's real error catalogue, and users when given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock/api/api.h"
#include "mock/tasks/test_tasks.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::api::testing {

struct TestApi {
  // No users: served without authentication, as --no-auth.
  explicit TestApi(ApiOptions options = {}, std::optional<std::vector<auth::User>> users = {})
      : clock(0),
        store({tasks::testing::Chain(
                  7, model::TaskStatus::kFailed,
                  {model::SubtaskStatus::kSuccessful, model::SubtaskStatus::kFailed})},
              clock),
        authenticator(users ? std::optional<auth::Authenticator>(std::in_place, *users)
                            : std::nullopt),
        api(WithCatalogue(std::move(options)), store, clock,
            authenticator ? &*authenticator : nullptr) {}

  // What the HTTP adapter would hand the Api for this request line.
  http::Response Send(const std::string& method, const std::string& target,
                      http::Headers headers = {}, std::string body = {}) const {
    return api.Handle(
        http::MakeRequest(method, target, std::move(headers), std::move(body)).value());
  }

  tasks::MockClock clock;
  tasks::TaskStore store;
  std::optional<auth::Authenticator> authenticator;
  Api api;

 private:
  static ApiOptions WithCatalogue(ApiOptions options) {
    const versions::Profile profile =
        versions::LoadProfile(testdata::SchemasDir(), options.ocp_version).value();
    options.errors = profile.errors;
    options.errors_zh = profile.errors_zh;
    if (options.schemas == nullptr) options.schemas = &testdata::BundledSchemas();
    return options;
  }
};

}  // namespace mock::api::testing
