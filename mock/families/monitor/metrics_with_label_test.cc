// GET /api/v2/monitor/metricsWithLabel over the bundled topology (docs/monitor.md): the
// documented shape, points inside the range on the step, the grouping, consistency with the
// topology (a cluster's QPS is its tenants' summed; no server past its cores), determinism (the
// same bytes twice and after a restart; a clock advance moves the default window), and OCP's
// errors for a bad range, a bad time and an unknown metric.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "mock/families/monitor/test_monitor.h"

namespace mock::families {
namespace {

using monitor_test::AtNoon;
using monitor_test::DataOf;
using monitor_test::ErrorOf;
using monitor_test::kNoon;
using monitor_test::SeriesOf;
using ::testing::IsEmpty;

const std::string kHour = "startTime=2036-12-05T11:00:00Z&endTime=2036-12-05T12:00:00Z&interval=60";

rapidjson::Document Valid(const testing::BundledApi& h, const std::string& query) {
  const http::Response r = h.Send("GET", SeriesOf(query));
  EXPECT_EQ(200, r.status) << query << ": " << r.body;
  EXPECT_THAT(h.schemas().ValidateText("metrics-with-label-response", r.body), IsEmpty());
  return json::ParseJson(r.body).value();
}

// Each group's value of `metric` at each timestamp, by the group's `label`.
std::map<std::string, std::map<int64_t, double>> ByLabel(const rapidjson::Document& d,
                                                         const char* label, const char* metric) {
  std::map<std::string, std::map<int64_t, double>> out;
  for (const auto& g : d["data"]["contents"].GetArray()) {
    auto& points = out[g.HasMember(label) ? g[label].GetString() : ""];
    for (const auto& p : g["data"].GetArray()) {
      points[p["timestamp"].GetInt64()] = p[metric].GetDouble();
    }
  }
  return out;
}

TEST(MetricsWithLabelTest, GroupsByTheLabelsAskedWithPointsOnTheStep) {
  auto h = AtNoon();
  const auto d = Valid(*h, kHour + "&metrics=sql_all_count,sql_all_rt&groupBy=app,ob_cluster_name");
  const auto& contents = d["data"]["contents"];
  ASSERT_EQ(4u, contents.Size()) << "one group per cluster but the STOPPED one";
  EXPECT_STREQ("OB", contents[0]["app"].GetString());
  EXPECT_STREQ("metadb", contents[0]["ob_cluster_name"].GetString()) << "ordered by the values";
  const auto& points = contents[0]["data"];
  ASSERT_EQ(61u, points.Size()) << "11:00 to 12:00 inclusive, every minute";
  EXPECT_EQ(kNoon - 3'600, points[0]["timestamp"].GetInt64());
  EXPECT_EQ(kNoon, points[60]["timestamp"].GetInt64());
  EXPECT_TRUE(points[0].HasMember("sql_all_count"));
  EXPECT_TRUE(points[0].HasMember("sql_all_rt"));
  EXPECT_EQ(1, d["data"]["page"]["totalPages"].GetInt64());
}

TEST(MetricsWithLabelTest, PointsStayInsideTheRangeAlignedAndAtMostMaxPoints) {
  auto h = AtNoon();
  const auto d = Valid(*h,
                       "startTime=2036-12-05T08:00:07%2B08:00&endTime=2036-12-05T11:59:00Z"
                       "&interval=30&maxPoints=100&metrics=cpu_percent&groupBy=svr_ip"
                       "&labels=ob_cluster_name:obcluster-prod-hz");
  const int64_t start = kNoon - int64_t{12} * 3'600 + 7;  // 08:00:07+08:00
  const int64_t end = kNoon - 60;
  // 43,133 s in at most 100 points: the least multiple of 30 from 43,133 / 100 + 1.
  const int64_t step = 450;
  ASSERT_EQ(3u, d["data"]["contents"].Size()) << "the cluster's servers but host 6's (OFFLINE)";
  for (const auto& g : d["data"]["contents"].GetArray()) {
    const auto& points = g["data"];
    EXPECT_LE(points.Size(), 100u);
    for (const auto& p : points.GetArray()) {
      const int64_t t = p["timestamp"].GetInt64();
      EXPECT_GE(t, start);
      EXPECT_LE(t, end);
      EXPECT_EQ(0, t % step) << t;
    }
    EXPECT_EQ(start + step - start % step, points[0]["timestamp"].GetInt64());
  }
}

TEST(MetricsWithLabelTest, ThereAreNoPointsAfterNowOnTheMockClock) {
  auto h = AtNoon();
  const auto d = Valid(*h,
                       "startTime=2036-12-05T11:50:00Z&endTime=2036-12-05T13:00:00Z"
                       "&metrics=sql_all_count");
  const auto& points = d["data"]["contents"][0]["data"];
  ASSERT_EQ(11u, points.Size());
  EXPECT_EQ(kNoon, points[10]["timestamp"].GetInt64());
}

TEST(MetricsWithLabelTest, AServerThatIsNotRunningReportsNothing) {
  auto h = AtNoon();
  const auto servers = ByLabel(Valid(*h, kHour + "&metrics=cpu_percent&groupBy=svr_ip"
                                                 "&labels=ob_cluster_name:obcluster-prod-hz"),
                               "svr_ip", "cpu_percent");
  EXPECT_FALSE(servers.contains("10.0.0.6")) << "host 6 is OFFLINE: its server is UNAVAILABLE";
  EXPECT_TRUE(servers.contains("10.0.0.4"));
  const auto stopped = Valid(
      *h, kHour + "&metrics=sql_all_count,cpu_percent&labels=ob_cluster_name:ob-analytics-bj");
  EXPECT_EQ(0u, stopped["data"]["contents"].Size()) << "a STOPPED cluster reports nothing";
}

TEST(MetricsWithLabelTest, AClustersQpsIsItsTenantsSummed) {
  auto h = AtNoon();
  const std::string cluster = "&labels=ob_cluster_name:obcluster-prod-hz";
  const auto tenants =
      ByLabel(Valid(*h, kHour + "&metrics=sql_all_count&groupBy=tenant_name" + cluster),
              "tenant_name", "sql_all_count");
  ASSERT_EQ(2u, tenants.size())
      << "sys and ORA_FIN: trade's one unit is on host 6's server, which reports nothing";
  const auto whole =
      ByLabel(Valid(*h, kHour + "&metrics=sql_all_count" + cluster), "", "sql_all_count")[""];
  ASSERT_EQ(61u, whole.size());
  for (const auto& [t, total] : whole) {
    double sum = 0;
    for (const auto& [name, points] : tenants) sum += points.at(t);
    EXPECT_NEAR(total, sum, 0.02) << t << ": equal but for rounding each to 2 decimals";
    EXPECT_GT(total, 0);
  }
}

TEST(MetricsWithLabelTest, NoServersCpuPassesItsCores) {
  auto h = AtNoon();
  const auto d = Valid(*h,
                       "startTime=2036-12-04T12:00:00Z&endTime=2036-12-05T12:00:00Z"
                       "&maxPoints=1441&metrics=cpu_percent,load1&groupBy=svr_ip");
  for (const auto& g : d["data"]["contents"].GetArray()) {
    for (const auto& p : g["data"].GetArray()) {
      ASSERT_LE(p["cpu_percent"].GetDouble(), 100.0);
      ASSERT_GT(p["cpu_percent"].GetDouble(), 0.0);
      ASSERT_LE(p["load1"].GetDouble(), 32.0 * 1.2) << "the busy cores, at most 32";
    }
  }
}

TEST(MetricsWithLabelTest, TheSameQueryGivesTheSameBytesAlsoAfterARestart) {
  const std::string q = kHour + "&metrics=sql_all_count,active_session&groupBy=tenant_name";
  auto h = AtNoon();
  const std::string first = DataOf(h->Send("GET", SeriesOf(q)));
  EXPECT_EQ(first, DataOf(h->Send("GET", SeriesOf(q))));
  h->Advance(3'600);
  EXPECT_EQ(first, DataOf(h->Send("GET", SeriesOf(q)))) << "a closed window does not move";
  auto restarted = AtNoon();
  EXPECT_EQ(first, DataOf(restarted->Send("GET", SeriesOf(q))));
}

TEST(MetricsWithLabelTest, AClockAdvanceMovesTheDefaultWindow) {
  auto h = AtNoon();
  const auto before = Valid(*h, "metrics=sql_all_count");
  h->Advance(600);
  const auto after = Valid(*h, "metrics=sql_all_count");
  const auto& b = before["data"]["contents"][0]["data"];
  const auto& a = after["data"]["contents"][0]["data"];
  ASSERT_EQ(31u, b.Size());
  ASSERT_EQ(31u, a.Size());
  EXPECT_EQ(kNoon - 1'800, b[0]["timestamp"].GetInt64());
  EXPECT_EQ(kNoon - 1'200, a[0]["timestamp"].GetInt64());
  EXPECT_EQ(b[10]["sql_all_count"].GetDouble(), a[0]["sql_all_count"].GetDouble())
      << "the same instant, the same value";
}

TEST(MetricsWithLabelTest, LabelsFilterAndAppMatchesInAnyCase) {
  auto h = AtNoon();
  const auto d =
      Valid(*h, kHour + "&metrics=cpu_percent&groupBy=svr_ip&labels=app:ob,svr_ip=" + "10.0.0.4");
  ASSERT_EQ(1u, d["data"]["contents"].Size());
  EXPECT_STREQ("10.0.0.4", d["data"]["contents"][0]["svr_ip"].GetString());
  const auto none = Valid(*h, kHour + "&metrics=sql_all_count&labels=tenant_name:no_such");
  EXPECT_EQ(0u, none["data"]["contents"].Size()) << "no series matches: no group";
}

TEST(MetricsWithLabelTest, BadRangesTimesAndMetricsAreOcpsErrorsInEachVersion) {
  struct Expect {
    std::string query;
    std::string code_422, code_311;
  };
  const std::vector<Expect> cases = {
      {"metrics=cpu_percent&startTime=2036-12-05T12:00:00Z&endTime=2036-12-05T11:00:00Z",
       "COM10010", "1010"},
      {"metrics=cpu_percent&startTime=2036-10-01T00:00:00Z&endTime=2036-12-05T11:00:00Z",
       "COM10010", "1010"},
      {"metrics=cpu_percent&startTime=2036-12-05", "COM10001", "1001"},
      {"metrics=cpu_usage", "COM10001", "1001"},
      {"metrics=cpu_percent&groupBy=colour", "COM10001", "1001"},
  };
  for (const std::string version : {"4.2.2", "3.1.1"}) {
    auto h = AtNoon(version);
    for (const Expect& e : cases) {
      const http::Response r = h->Send("GET", SeriesOf(e.query));
      EXPECT_EQ(400, r.status) << e.query;
      EXPECT_EQ(version == "4.2.2" ? e.code_422 : e.code_311, ErrorOf(r).first)
          << version << " " << e.query << ": " << r.body;
    }
  }
}

}  // namespace
}  // namespace mock::families
