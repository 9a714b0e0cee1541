// For the alarms' tests: an Api over the bundled fixtures (their tasks, clusters, tenants and
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

inline constexpr char kAlarmList[] = "/api/v2/alarm/alarms";

// The bundled API (test_bundled_api.h), as the tests call it.
class AlarmsApi : public BundledApi {
 public:
  explicit AlarmsApi(const std::string& version = "4.2.2",
                     std::optional<std::vector<auth::User>> users = {})
      : BundledApi(version, std::move(users), {}, testdata::FixturesDir(), std::nullopt, 0) {}
};

}  // namespace mock::families::testing
