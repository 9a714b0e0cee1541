// Every version's documented host-type samples validate against that version's schemas
// (contract_tests/samples/README.md, "Host types"). The list pages' sample spells
// `descripiton`; the field's table, the create page's body and every other page say
// `description`, so the sample is read with that erratum, after proving the verbatim text fails
// at that key alone (docs/reference/ocp-host-types.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

constexpr std::string_view kTypo = R"("descripiton")";

class HostTypeSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(HostTypeSamples, TheListSampleValidatesWithItsOneErratum) {
  const std::string version = GetParam();
  std::string body = testdata::SampleText("query-host-types", version);
  const size_t at = body.find(kTypo);
  ASSERT_NE(std::string::npos, at) << "the verbatim sample carries the docs' typo";
  auto verbatim = testdata::VersionSchemas(version).ValidateText("host-type-list-response", body);
  ASSERT_EQ(1u, verbatim.size()) << json::Describe(verbatim);
  EXPECT_EQ("/data/contents/0", verbatim.front().path);
  EXPECT_EQ(R"(unknown field "descripiton" (did you mean "description"?))",
            verbatim.front().message);
  body.replace(at, kTypo.size(), R"("description")");
  EXPECT_THAT(testdata::VersionSchemas(version).ValidateText("host-type-list-response", body),
              ::testing::IsEmpty());
}

TEST_P(HostTypeSamples, TheCreateSampleValidatesVerbatim) {
  const std::string version = GetParam();
  EXPECT_THAT(testdata::VersionSchemas(version).ValidateText(
                  "host-type-response", testdata::SampleText("create-host-type", version)),
              ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, HostTypeSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
