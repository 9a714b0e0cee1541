// Binding metricsWithLabel's parameters (metric_query.h): the step rule, the defaults, and every
// refusal naming its parameter with the OCP kind it maps to.
#include "mock/families/monitor/metric_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>

#include <string>

#include "mock/ocp/error_kinds.h"

namespace mock::families::monitor {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kQueryNowMs = 1'796'472'000'000;  // 2026-12-05T12:00:00Z

QueryParams ParamsOf(std::initializer_list<std::pair<std::string, std::string>> list) {
  QueryParams p;
  for (const auto& [k, v] : list) p.emplace(k, v);
  return p;
}

struct StepCase {
  std::string name;
  int64_t range, interval, min_step, max_points, step;
};

// Read by GoogleTest wherever it prints a parameter (failures, test lists).
void PrintTo(const StepCase& c, std::ostream* os) {
  *os << c.name << ": range " << c.range << " s, interval " << c.interval << ", minStep "
      << c.min_step << ", maxPoints " << c.max_points << " -> step " << c.step;
}

class StepRule : public ::testing::TestWithParam<StepCase> {};

TEST_P(StepRule, GivesTheLeastStepHoldingTheRangeInMaxPoints) {
  const StepCase& c = GetParam();
  const int64_t step = StepFor(c.range, c.interval, c.min_step, c.max_points);
  EXPECT_EQ(c.step, step);
  EXPECT_EQ(0, step % c.interval) << "a multiple of interval";
  EXPECT_LE(c.range / step + 1, c.max_points) << "at most maxPoints aligned points";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StepRule,
    ::testing::Values(StepCase{"HalfAnHourAtTheInterval", 1'800, 60, 0, 1'440, 60},
                      StepCase{"MinStepAboveTheInterval", 1'800, 60, 300, 1'440, 300},
                      StepCase{"MinStepRoundedUpToTheInterval", 1'800, 60, 90, 1'440, 120},
                      StepCase{"ADayAtOneMinuteIsOnePointTooMany", 86'400, 60, 0, 1'440, 120},
                      StepCase{"ADayAtOneMinuteWith1441Points", 86'400, 60, 0, 1'441, 60},
                      StepCase{"MaxPointsRaisesTheStep", 3'600, 1, 0, 360, 11},
                      StepCase{"OnePointForTheWholeRange", 600, 10, 0, 1, 610},
                      StepCase{"AnEmptyRange", 0, 60, 0, 1'440, 60}),
    [](const auto& param_info) { return param_info.param.name; });

TEST(MetricQueryTest, DefaultsAreTheLastHalfHourAtOneMinuteSteps) {
  auto q = BindMetricQuery(ParamsOf({{"metrics", "sql_all_count"}}), kQueryNowMs);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(kQueryNowMs / 1000, q.value().end);
  EXPECT_EQ(kQueryNowMs / 1000 - 1'800, q.value().start);
  EXPECT_EQ(60, q.value().step);
  EXPECT_TRUE(q.value().group_by.empty());
}

TEST(MetricQueryTest, TimesAreReadInCamelCaseOrAsTheTableSpellsThem) {
  auto camel = BindMetricQuery(ParamsOf({{"metrics", "cpu_percent"},
                                         {"startTime", "2026-12-05T10:00:00+08:00"},
                                         {"endTime", "2026-12-05T11:00:00+08:00"}}),
                               kQueryNowMs);
  auto snake = BindMetricQuery(ParamsOf({{"metrics", "cpu_percent"},
                                         {"start_time", "2026-12-05T10:00:00+08:00"},
                                         {"end_time", "2026-12-05T11:00:00+08:00"}}),
                               kQueryNowMs);
  ASSERT_TRUE(camel.ok());
  ASSERT_TRUE(snake.ok());
  EXPECT_EQ(1'796'436'000, camel.value().start);
  EXPECT_EQ(camel.value().start, snake.value().start);
  EXPECT_EQ(camel.value().end, snake.value().end);
}

TEST(MetricQueryTest, ArraysAreCommaSeparatedOrRepeatedAndLabelsTakeBothSeparators) {
  QueryParams p = ParamsOf({{"metrics", "sql_all_count, transaction_count"},
                            {"metrics", "sql_all_rt"},
                            {"groupBy", "app,ob_cluster_name"},
                            {"labels", "app:ob,tenant_name=trade"}});
  auto q = BindMetricQuery(p, kQueryNowMs);
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(3u, q.value().metrics.size());
  EXPECT_EQ("sql_all_rt", q.value().metrics[2]->key);
  EXPECT_EQ((std::vector<size_t>{0, 1}), q.value().group_by);
  ASSERT_EQ(2u, q.value().labels.size());
  EXPECT_EQ(kTenantLabel, q.value().labels[1].first);
  EXPECT_EQ("trade", q.value().labels[1].second);
}

struct RefusalCase {
  std::string name;
  QueryParams params;
  ocp::ErrorKind kind;
  std::string says;
};

void PrintTo(const RefusalCase& c, std::ostream* os) {
  *os << c.name << ": " << c.params.size() << " parameters -> refused saying \"" << c.says << "\"";
}

class MetricQueryRefusal : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(MetricQueryRefusal, NamesTheParameterWithItsKind) {
  const RefusalCase& c = GetParam();
  auto q = BindMetricQuery(c.params, kQueryNowMs);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(c.kind, ocp::KindOf(q.status()));
  EXPECT_THAT(q.status().message(), HasSubstr(c.says));
}

const std::string kM = "metrics";
INSTANTIATE_TEST_SUITE_P(
    Cases, MetricQueryRefusal,
    ::testing::Values(
        RefusalCase{"NoMetric", ParamsOf({}), ocp::ErrorKind::kInvalidParameter,
                    "metrics is required"},
        RefusalCase{"UnknownMetric", ParamsOf({{kM, "sql_all_count,no_such"}}),
                    ocp::ErrorKind::kInvalidParameter, "'no_such'"},
        RefusalCase{"EndBeforeStart",
                    ParamsOf({{kM, "cpu_percent"},
                              {"startTime", "2026-12-05T11:00:00Z"},
                              {"endTime", "2026-12-05T10:00:00Z"}}),
                    ocp::ErrorKind::kTimeRangeInvalid, "before startTime"},
        RefusalCase{"RangeOver31Days",
                    ParamsOf({{kM, "cpu_percent"},
                              {"startTime", "2026-11-01T00:00:00Z"},
                              {"endTime", "2026-12-02T00:00:01Z"}}),
                    ocp::ErrorKind::kTimeRangeInvalid, "over 31 days"},
        RefusalCase{"BadTimeFormat", ParamsOf({{kM, "cpu_percent"}, {"startTime", "yesterday"}}),
                    ocp::ErrorKind::kInvalidParameter, "startTime: 'yesterday'"},
        RefusalCase{"TimeWithoutOffset",
                    ParamsOf({{kM, "cpu_percent"}, {"end_time", "2026-12-05 10:00:00"}}),
                    ocp::ErrorKind::kInvalidParameter, "end_time"},
        RefusalCase{"UnknownLabel", ParamsOf({{kM, "cpu_percent"}, {"labels", "colour:red"}}),
                    ocp::ErrorKind::kInvalidParameter, "labels: no series carries a label"},
        RefusalCase{"LabelWithoutValueSeparator",
                    ParamsOf({{kM, "cpu_percent"}, {"labels", "svr_ip"}}),
                    ocp::ErrorKind::kInvalidParameter, "not name:value"},
        RefusalCase{"TenantOfAServerMetric",
                    ParamsOf({{kM, "sql_all_count,cpu_percent"}, {"groupBy", "tenant_name"}}),
                    ocp::ErrorKind::kInvalidParameter, "cpu_percent is a server metric"},
        RefusalCase{"ZeroInterval", ParamsOf({{kM, "cpu_percent"}, {"interval", "0"}}),
                    ocp::ErrorKind::kInvalidParameter, "interval: '0'"},
        RefusalCase{"NegativeMinStep", ParamsOf({{kM, "cpu_percent"}, {"minStep", "-1"}}),
                    ocp::ErrorKind::kInvalidParameter, "minStep"},
        RefusalCase{"TooManyPoints", ParamsOf({{kM, "cpu_percent"}, {"maxPoints", "10001"}}),
                    ocp::ErrorKind::kInvalidParameter, "maxPoints"}),
    [](const auto& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace mock::families::monitor
