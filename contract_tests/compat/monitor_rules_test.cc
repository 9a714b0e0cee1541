// The rules of ocp-compat's monitor, alarm and inspection rows (tools/compat/monitor_rules.h) on
// answers written here and on the docs' own samples: the cases the mock's answers never show
// (points outside the range, irregular steps, a filter ignored), each with the words it says.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"
#include "tools/compat/monitor_rules.h"

namespace compat {
namespace {

using testing::HasSubstr;

// One request and its answer, kept where FlowAnswer's references can point.
struct MonitorHeld {
  std::string request;
  contract::HttpResult response;
  std::optional<rapidjson::Document> json;
  std::string sent;
  FlowAnswer View() const { return {request, response, json, sent}; }
};

// `body` as the answer to `request`, with HTTP `status`.
std::unique_ptr<MonitorHeld> MonitorBody(const std::string& request, const std::string& body,
                                         long status = 200) {
  auto a = std::make_unique<MonitorHeld>();
  a->request = request;
  a->response.status = status;
  a->response.body = body;
  auto doc = mock::json::ParseJson(body);
  if (doc.ok()) a->json = std::move(doc).value();
  return a;
}

// `data` in OCP's envelope.
std::unique_ptr<MonitorHeld> MonitorAnswer(const std::string& request, const std::string& data) {
  return MonitorBody(request, R"({"data": )" + data +
                                  R"(, "duration": 5, "server": "a83ad33525", "status": 200,
                        "successful": true, "timestamp": "2026-12-05T10:30:00.000+08:00",
                        "traceId": "340849601d4d4ffe"})");
}

std::string MonitorSample(const std::string& name) {
  std::ifstream in(mock::testdata::SamplesDir() / name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Contract& MonitorContract() {
  static const Contract contract = [] {
    auto c = LoadContract(mock::testdata::SchemasDir(), "4.2.2");
    if (!c.ok()) throw std::runtime_error(c.status().message());
    return std::move(c).value();
  }();
  return contract;
}

// One group of the series with a point at each of `times` (JSON values, so that a test can
// write a timestamp of the wrong type).
std::string MonitorSeries(const std::vector<std::string>& times) {
  std::string points;
  for (const std::string& t : times) {
    points += (points.empty() ? "" : ", ") +
              std::string(R"({"sql_all_count": 38.5, "timestamp": )") + t + "}";
  }
  return R"({"contents": [{"app": "OB", "ob_cluster_id": "1", "data": [)" + points + "]}]}";
}
const std::string kMonitorSeriesRequest = "GET /api/v2/monitor/metricsWithLabel?interval=60";

TEST(MonitorRules, PointsInsideTheRangeAskedPassBothEndsIncluded) {
  auto a = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1000", "1060", "1120"}));
  EXPECT_EQ(Verdict::kPass, PointsInRange(a->View(), 1000, 1120).verdict);
  EXPECT_EQ(Verdict::kPass, PointsInRange(a->View(), 990, 1200).verdict);
}

TEST(MonitorRules, APointOutsideTheRangeFailsNamingItAndTheRange) {
  auto after = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1000", "1060", "4720"}));
  Outcome o = PointsInRange(after->View(), 1000, 1120);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/contents/0/data/2/timestamp 4720 is outside the range "
                                  "asked, [1000, 1120] (1970-01-01T00:16:40Z to "
                                  "1970-01-01T00:18:40Z)"));
  auto before = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"999", "1060"}));
  EXPECT_EQ(Verdict::kFail, PointsInRange(before->View(), 1000, 1120).verdict);
}

TEST(MonitorRules, ATimestampThatIsNotAnIntegerFails) {
  auto a = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({R"("1000")"}));
  Outcome o = PointsInRange(a->View(), 0, 2000);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/contents/0/data/0/timestamp is \"1000\", not an integer"));
}

TEST(MonitorRules, AnErrorInsteadOfASeriesFails) {
  auto a = MonitorBody(kMonitorSeriesRequest, R"({"status": 500, "successful": false})", 500);
  Outcome o = PointsInRange(a->View(), 0, 2000);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("HTTP 500, expected 200 with data.contents"));
}

TEST(MonitorRules, StepsThatAreWholeMultiplesOfTheIntervalPass) {
  auto a = MonitorAnswer(kMonitorSeriesRequest,
                         MonitorSeries({"1200", "1260", "1380"}));  // a gap of two steps
  EXPECT_EQ(Verdict::kPass, StepsFollowInterval(a->View(), 60).verdict);
}

TEST(MonitorRules, AStepOffTheIntervalOrBackwardsFailsWithItsWords) {
  auto off = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1200", "1259", "1320"}));
  Outcome o = StepsFollowInterval(off->View(), 60);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail,
              HasSubstr("/data/contents/0/data/1/timestamp 1259 is 59 s after the "
                        "point before, not a whole multiple of the interval asked (60 s)"));
  auto back = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1260", "1200"}));
  EXPECT_EQ(Verdict::kFail, StepsFollowInterval(back->View(), 60).verdict);
  auto same = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1260", "1260"}));
  EXPECT_EQ(Verdict::kFail, StepsFollowInterval(same->View(), 60).verdict);
}

TEST(MonitorRules, StepsAreNotJudgedWithoutTwoPoints) {
  auto a = MonitorAnswer(kMonitorSeriesRequest, MonitorSeries({"1200"}));
  EXPECT_EQ(Verdict::kNotApplicable, StepsFollowInterval(a->View(), 60).verdict);
}

// Why metric-steps is `mock`: the docs' own sample has points two seconds apart, which no
// interval the docs would ask (example 60) divides; its points are inside its own range.
TEST(MonitorRules, TheDocsSampleBreaksTheMockStepRuleButNotTheRange) {
  auto sample =
      MonitorBody(kMonitorSeriesRequest, MonitorSample("query-metrics-with-label-4.2.2.json"));
  ASSERT_TRUE(sample->json.has_value());
  EXPECT_EQ(Verdict::kFail, StepsFollowInterval(sample->View(), 60).verdict);
  EXPECT_EQ(Verdict::kPass, StepsFollowInterval(sample->View(), 2).verdict);
  EXPECT_EQ(Verdict::kPass, PointsInRange(sample->View(), 1605608370, 1605608374).verdict);
}

constexpr char kMonitorGroups[] = R"({"contents": [
    {"id": 1, "key": "metric_cluster_normal", "type": "NORMAL", "scope": "CLUSTER"},
    {"id": 6, "key": "metric_cluster_top", "type": "TOP", "scope": "CLUSTER"}]})";

TEST(MonitorRules, AFilterIgnoredShowsInARowOfAnotherValue) {
  auto a = MonitorAnswer("GET /api/v2/monitor/metricGroups?type=TOP&scope=CLUSTER", kMonitorGroups);
  Outcome o = OnlyMatching({{{"type", "TOP", a->View()}, {"scope", "CLUSTER", a->View()}}});
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("?type=TOP&scope=CLUSTER: /data/contents/0 has type "
                                  "\"NORMAL\", not the \"TOP\" asked: the filter is not applied"));
  EXPECT_EQ(Verdict::kPass, OnlyMatching({{{"scope", "CLUSTER", a->View()}}}).verdict);
}

constexpr char kMonitorAlarms[] = R"({"contents": [
    {"id": 3, "level": 5, "status": "Active"}, {"id": 2, "level": 5, "status": "Active"},
    {"id": 1, "level": 1, "status": "Inactive"}]})";

TEST(MonitorRules, IntegerValuesAreComparedAsTheirDecimalText) {
  auto a = MonitorAnswer("GET /api/v2/alarm/alarms?level=5", kMonitorAlarms);
  Outcome o = OnlyMatching({{{"level", "5", a->View()}}});
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/contents/2 has level 1, not the \"5\" asked"));
}

TEST(MonitorRules, TheRarestHeldValueAndOneNoneHoldsAreAsked) {
  auto a = MonitorAnswer("GET /api/v2/alarm/alarms", kMonitorAlarms);
  const rapidjson::Value& rows = (*a->json)["data"]["contents"];
  const std::vector<std::string> levels = {"1", "2", "3", "4", "5"};
  EXPECT_EQ("1", RarestHeld(rows, "level", levels));
  EXPECT_EQ("2", UnheldValue(rows, "level", levels));
  EXPECT_EQ("Inactive", RarestHeld(rows, "status", {"Active", "Inactive"}));
  EXPECT_EQ(std::nullopt, UnheldValue(rows, "status", {"Active", "Inactive"}));
  EXPECT_EQ(std::nullopt, RarestHeld(rows, "status", {"Silenced"}));
}

// The detail sample (A§3) against itself as the list's row: what an alarm's life changes
// (status, resolvedAt, ...) may differ, anything else may not.
TEST(MonitorRules, AnAlarmDetailAgreesWithItsListRowButForWhatItsLifeChanges) {
  auto detail =
      MonitorBody("GET /api/v2/alarm/alarms/1000159", MonitorSample("alarm-detail-4.2.2.json"));
  ASSERT_TRUE(detail->json.has_value());
  rapidjson::Document row;
  row.CopyFrom((*detail->json)["data"], row.GetAllocator());
  row["status"].SetString("Inactive");
  Outcome o = AlarmAgreesWithList(detail->View(), row, MonitorContract(), false);
  EXPECT_NE(Verdict::kFail, o.verdict) << o.detail;
  row["summary"].SetString("another summary");
  o = AlarmAgreesWithList(detail->View(), row, MonitorContract(), false);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/summary is "));
  EXPECT_THAT(o.detail, HasSubstr("the list shows \"another summary\""));
}

TEST(MonitorRules, TheServersNowIsItsEnvelopesTimestamp) {
  auto a = MonitorAnswer("GET /api/v2/monitor/metricGroups", kMonitorGroups);
  EXPECT_EQ(1796437800, ServerNow(a->json));  // 2026-12-05T10:30:00+08:00
  EXPECT_EQ("2026-12-05T02:30:00Z", IsoSeconds(1796437800));
  auto none = MonitorBody("GET /x", R"({"timestamp": "yesterday"})");
  EXPECT_EQ(std::nullopt, ServerNow(none->json));
}

}  // namespace
}  // namespace compat
