// The documented "Upload a software package" sample answer (contract_tests/samples/README.md,
// "Software packages") validates verbatim against its own version's schemas, for every version
// the mock plays (docs/reference/ocp-client-flows.md 4.6: the samples parse equal but for
// `server`).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

class PackageSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(PackageSamples, TheUploadSampleValidatesVerbatim) {
  auto profile = versions::LoadProfile(testdata::SchemasDir(), GetParam());
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  auto schemas = json::SchemaSet::Load(profile.value().schema_dirs);
  ASSERT_TRUE(schemas.ok()) << schemas.status().message();
  auto text =
      json::ReadFile(testdata::SamplesDir() / ("upload-software-package-" + GetParam() + ".json"));
  ASSERT_TRUE(text.ok()) << "every version documents the page: " << text.status().message();
  EXPECT_THAT(schemas.value().ValidateText("software-package-response", text.value()),
              ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, PackageSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
