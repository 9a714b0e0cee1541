// Every version's documented monitor samples validate against that version's schemas
// (contract_tests/samples/README.md, "Monitor"). The metric-groups sample spells the CPU
// group's and metric's description "Description"; the field tables and every other item say
// "description", so it is read with that erratum, after proving the verbatim text fails at those
// two places alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

constexpr std::string_view kCapitalised = R"("Description")";

class MonitorSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(MonitorSamples, TheMetricGroupsSampleValidatesWithItsOneErratum) {
  const std::string version = GetParam();
  std::string body = testdata::SampleText("query-metric-groups", version);
  auto verbatim =
      testdata::VersionSchemas(version).ValidateText("metric-category-list-response", body);
  ASSERT_EQ(2u, verbatim.size()) << json::Describe(verbatim);
  EXPECT_THAT((std::vector<std::string>{verbatim[0].path, verbatim[1].path}),
              ::testing::UnorderedElementsAre("/data/contents/0/metricGroups/3",
                                              "/data/contents/0/metricGroups/3/metrics/0"));
  for (const auto& v : verbatim) EXPECT_THAT(v.message, ::testing::HasSubstr("Description"));
  for (size_t at = body.find(kCapitalised); at != std::string::npos;
       at = body.find(kCapitalised, at)) {
    body.replace(at, kCapitalised.size(), R"("description")");
  }
  EXPECT_THAT(testdata::VersionSchemas(version).ValidateText("metric-category-list-response", body),
              ::testing::IsEmpty());
}

TEST_P(MonitorSamples, TheMetricsWithLabelSampleValidatesVerbatim) {
  const std::string version = GetParam();
  EXPECT_THAT(
      testdata::VersionSchemas(version).ValidateText(
          "metrics-with-label-response", testdata::SampleText("query-metrics-with-label", version)),
      ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, MonitorSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
