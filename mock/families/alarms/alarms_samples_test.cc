// Every version's documented alert-event samples validate, verbatim, against that version's
// schemas (contract_tests/samples/README.md, "Alarms"), and the mock's own answers against the
// same schemas in every version.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mock/families/alarms/test_alarms_api.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

class AlarmSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(AlarmSamples, TheListSampleValidatesVerbatim) {
  const std::string version = GetParam();
  EXPECT_EQ("", json::Describe(testdata::VersionSchemas(version).ValidateText(
                    "alarm-list-response", testdata::SampleText("query-alarms", version))));
}

TEST_P(AlarmSamples, TheDetailSampleValidatesVerbatim) {
  const std::string version = GetParam();
  EXPECT_EQ("", json::Describe(testdata::VersionSchemas(version).ValidateText(
                    "alarm-response", testdata::SampleText("alarm-detail", version))));
}

TEST_P(AlarmSamples, The42ChinesePagesSamplesValidateVerbatim) {
  const std::string version = GetParam();
  if (!version.starts_with("4.2")) GTEST_SKIP() << "only 4.2.x's Chinese pages differ";
  EXPECT_EQ("", json::Describe(testdata::VersionSchemas(version).ValidateText(
                    "alarm-list-response", testdata::SampleText("query-alarms-zh", version))));
  EXPECT_EQ("", json::Describe(testdata::VersionSchemas(version).ValidateText(
                    "alarm-response", testdata::SampleText("alarm-detail-zh", version))));
}

TEST_P(AlarmSamples, The42ChineseSampleFailsTheOlderSchemaAtItsVocabulary) {
  const std::string version = GetParam();
  if (version.starts_with("4.2")) GTEST_SKIP() << "the sample is 4.2.x's";
  const auto found = testdata::VersionSchemas(version).ValidateText(
      "alarm-response", testdata::SampleText("alarm-detail-zh", "4.2.2"));
  EXPECT_FALSE(found.empty()) << "appType OceanBase is not this version's";
}

TEST_P(AlarmSamples, TheMocksAnswersValidateInThisVersion) {
  testing::AlarmsApi h(GetParam());
  ASSERT_EQ(200, h.Send("POST", "/__mock/alarms",
                        R"({"scope": "Service", "level": 4, "target": "t", "summary": "s",
                            "durationSeconds": 1})")
                     .status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=2").status);
  const http::Response list = h.Send("GET", std::string(testing::kAlarmList) + "?size=2000");
  EXPECT_EQ("", json::Describe(h.schemas().ValidateText("alarm-list-response", list.body)));
  const http::Response one = h.Send("GET", std::string(testing::kAlarmList) + "/1000001");
  EXPECT_EQ("", json::Describe(h.schemas().ValidateText("alarm-response", one.body)));
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, AlarmSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
