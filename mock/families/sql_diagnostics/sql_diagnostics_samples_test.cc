// Every version's documented SQL samples validate verbatim against that version's schemas
// (contract_tests/samples/README.md, "SQL diagnostics").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

class SqlSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(SqlSamples, TheTopSqlTextAndExplainSamplesValidateVerbatim) {
  const std::string version = GetParam();
  const json::SchemaSet& schemas = testdata::VersionSchemas(version);
  EXPECT_THAT(schemas.ValidateText("sql-performance-list-response",
                                   testdata::SampleText("query-top-sql", version)),
              ::testing::IsEmpty());
  EXPECT_THAT(
      schemas.ValidateText("sql-text-response", testdata::SampleText("query-sql-text", version)),
      ::testing::IsEmpty());
  EXPECT_THAT(schemas.ValidateText("plan-explain-response",
                                   testdata::SampleText("query-plan-explain", version)),
              ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, SqlSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
