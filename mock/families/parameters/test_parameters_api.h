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
#include "mock/api/test_bundled_api.h"
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

// The bundled API (test_bundled_api.h), with the fixture folder as the third argument.
class ParametersApi : public BundledApi {
 public:
  explicit ParametersApi(const std::string& version = "4.2.2",
                         std::optional<std::vector<auth::User>> users = {},
                         std::filesystem::path fixtures = testdata::FixturesDir())
      : BundledApi(version, std::move(users), {}, std::move(fixtures)) {}
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
