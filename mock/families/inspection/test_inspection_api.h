// For the inspection tests: an Api over the bundled fixtures (their tasks, clusters, tenants and
// hosts: host 6 OFFLINE, tenant 171 locked, FAILED tasks such as 7000002) as OCP `version`, on a
// frozen mock clock, optionally with users (none: served without authentication).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "mock/api/api.h"
#include "mock/api/test_bundled_api.h"
#include "mock/testing/test_paths.h"

namespace mock::families::testing {

inline constexpr char kInspection[] = "/api/v2/inspection";

// The bundled API (test_bundled_api.h), as the tests call it.
class InspectionApi : public BundledApi {
 public:
  explicit InspectionApi(const std::string& version = "4.2.2",
                         std::optional<std::vector<auth::User>> users = {}, uint64_t seed = 0)
      : BundledApi(version, std::move(users), {}, testdata::FixturesDir(), std::nullopt, seed) {}
};

}  // namespace mock::families::testing
