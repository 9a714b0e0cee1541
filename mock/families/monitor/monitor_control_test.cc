// Steering the series through /__mock/metricOverrides (docs/monitor.md, "Steering"): a value on
// one server for ten minutes, a scale on a tenant that the cluster's sum follows, every refusal
// naming its place and adding nothing, the bound, DELETE, reset and reload.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/families/monitor/test_monitor.h"

namespace mock::families {
namespace {

using monitor_test::AtNoon;
using monitor_test::DataOf;
using monitor_test::kNoon;
using monitor_test::SeriesOf;
using ::testing::HasSubstr;

constexpr char kOverrides[] = "/__mock/metricOverrides";
const std::string kCpuQuery =
    "startTime=2036-12-05T11:00:00Z&endTime=2036-12-05T12:00:00Z&metrics=cpu_percent"
    "&groupBy=svr_ip&labels=ob_cluster_name:obcluster-prod-hz";
const std::string kHot = R"({"metric": "cpu_percent", "labels": {"svr_ip": "10.0.0.4"},
  "startTime": "2036-12-05T11:30:00Z", "endTime": "2036-12-05T11:39:59Z", "value": 95})";

// Server `ip`'s cpu_percent by minute of the hour.
std::map<int64_t, double> CpuOf(const testing::BundledApi& h, const std::string& ip) {
  std::map<int64_t, double> out;
  const auto d = h.Json("GET", SeriesOf(kCpuQuery));
  for (const auto& g : d["data"]["contents"].GetArray()) {
    if (g["svr_ip"].GetString() != ip) continue;
    for (const auto& p : g["data"].GetArray()) {
      out[(p["timestamp"].GetInt64() - (kNoon - 3'600)) / 60] = p["cpu_percent"].GetDouble();
    }
  }
  return out;
}

TEST(MetricOverridesTest, CpuAt95OnOneServerForTenMinutes) {
  auto h = AtNoon();
  const std::string other_before =
      DataOf(h->Send("GET", SeriesOf(kCpuQuery + "&labels=svr_ip:10.0.0.5")));
  const auto added = h->Json("POST", kOverrides, kHot);
  EXPECT_EQ(1, added["data"]["id"].GetInt64());
  EXPECT_STREQ("10.0.0.4", added["data"]["labels"]["svr_ip"].GetString());
  const auto cpu = CpuOf(*h, "10.0.0.4");
  for (const auto& [minute, value] : cpu) {
    if (minute >= 30 && minute <= 39) {
      EXPECT_EQ(95.0, value) << minute;
    } else {
      EXPECT_LT(value, 95.0) << minute;
    }
  }
  EXPECT_EQ(other_before, DataOf(h->Send("GET", SeriesOf(kCpuQuery + "&labels=svr_ip:10.0.0.5"))))
      << "another server is left alone";
}

TEST(MetricOverridesTest, AScaleOnATenantMovesTheClusterSumByTheSameAmount) {
  auto h = AtNoon();
  const std::string q =
      "startTime=2036-12-05T11:00:00Z&endTime=2036-12-05T11:10:00Z"
      "&metrics=sql_all_count&labels=ob_cluster_name:obcluster-prod-hz";
  const auto cluster_before = h->Json("GET", SeriesOf(q));
  const auto tenant_before = h->Json("GET", SeriesOf(q + "&labels=tenant_name:ORA_FIN"));
  ASSERT_EQ(200, h->Send("POST", kOverrides,
                         R"({"metric": "sql_all_count", "labels": {"tenant_name": "ORA_FIN"},
                             "startTime": "2036-12-05T00:00:00Z",
                             "endTime": "2036-12-05T23:59:59Z", "scale": 3})")
                     .status);
  const auto cluster_after = h->Json("GET", SeriesOf(q));
  const auto tenant_after = h->Json("GET", SeriesOf(q + "&labels=tenant_name:ORA_FIN"));
  for (rapidjson::SizeType i = 0; i < 11; ++i) {
    const double tenant =
        tenant_before["data"]["contents"][0]["data"][i]["sql_all_count"].GetDouble();
    EXPECT_NEAR(3 * tenant,
                tenant_after["data"]["contents"][0]["data"][i]["sql_all_count"].GetDouble(), 0.02);
    EXPECT_NEAR(
        cluster_before["data"]["contents"][0]["data"][i]["sql_all_count"].GetDouble() + 2 * tenant,
        cluster_after["data"]["contents"][0]["data"][i]["sql_all_count"].GetDouble(), 0.03);
  }
}

TEST(MetricOverridesTest, AWrongBodyIsRefusedNamingItsPlaceAndAddsNothing) {
  auto h = AtNoon();
  const std::string before = DataOf(h->Send("GET", SeriesOf(kCpuQuery)));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{", "COM10003"},
      {R"({"labels": {}, "startTime": "2036-12-05T11:30:00Z",
           "endTime": "2036-12-05T11:40:00Z", "value": 1})",
       "metric"},
      {R"({"metric": "cpu_usage", "startTime": "2036-12-05T11:30:00Z",
           "endTime": "2036-12-05T11:40:00Z", "value": 1})",
       "metric"},
      {R"({"metric": "cpu_percent", "labels": {"tenant_name": "trade"},
           "startTime": "2036-12-05T11:30:00Z", "endTime": "2036-12-05T11:40:00Z", "value": 1})",
       "labels.tenant_name"},
      {R"({"metric": "cpu_percent", "startTime": "2036-12-05T11:30:00Z",
           "endTime": "2036-12-05T11:20:00Z", "value": 1})",
       "endTime"},
      {R"({"metric": "cpu_percent", "startTime": "2036-12-05T11:30:00Z",
           "endTime": "2036-12-05T11:40:00Z", "value": 120})",
       "value"},
      {R"({"metric": "cpu_percent", "startTime": "2036-12-05T11:30:00Z",
           "endTime": "2036-12-05T11:40:00Z", "value": 1, "scale": 2})",
       "scale"},
      {R"({"metric": "cpu_percent", "startTime": "noon",
           "endTime": "2036-12-05T11:40:00Z", "value": 1})",
       "startTime"},
  };
  for (const auto& [body, place] : cases) {
    const http::Response r = h->Send("POST", kOverrides, body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(place)) << body;
  }
  EXPECT_EQ(0u, h->Json("GET", kOverrides)["data"].Size());
  EXPECT_EQ(before, DataOf(h->Send("GET", SeriesOf(kCpuQuery))));
}

TEST(MetricOverridesTest, AtMostAHundredAreHeldAndDeleteFreesOne) {
  auto h = AtNoon();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(200, h->Send("POST", kOverrides, kHot).status) << i;
  const http::Response full = h->Send("POST", kOverrides, kHot);
  EXPECT_EQ(400, full.status) << full.body;
  EXPECT_THAT(full.body, HasSubstr("at most 100"));
  EXPECT_EQ(100u, h->Json("GET", kOverrides)["data"].Size());
  EXPECT_EQ(200, h->Send("DELETE", std::string(kOverrides) + "/7").status);
  EXPECT_EQ(404, h->Send("DELETE", std::string(kOverrides) + "/7").status);
  EXPECT_EQ(200, h->Send("POST", kOverrides, kHot).status);
}

TEST(MetricOverridesTest, ResetAndReloadForgetThemAll) {
  auto h = AtNoon();
  const std::string before = DataOf(h->Send("GET", SeriesOf(kCpuQuery)));
  ASSERT_EQ(200, h->Send("POST", kOverrides, kHot).status);
  ASSERT_NE(before, DataOf(h->Send("GET", SeriesOf(kCpuQuery))));
  ASSERT_EQ(200, h->Send("POST", "/__mock/reset?only=metricGroups").status);
  EXPECT_EQ(before, DataOf(h->Send("GET", SeriesOf(kCpuQuery))));
  EXPECT_EQ(1, h->Json("POST", kOverrides, kHot)["data"]["id"].GetInt64()) << "ids from 1 again";
  const http::Response reload = h->Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, reload.status) << reload.body;
  EXPECT_EQ(0u, h->Json("GET", kOverrides)["data"].Size());
  EXPECT_EQ(before, DataOf(h->Send("GET", SeriesOf(kCpuQuery))));
}

TEST(MetricOverridesTest, TheCatalogueHasTheResourceRoutes) {
  auto h = AtNoon();
  EXPECT_EQ(5u, h->Json("GET", "/__mock/metricGroups")["data"].Size());
  ASSERT_EQ(200, h->Send("DELETE", "/__mock/metricGroups/7").status);
  EXPECT_EQ(4, h->Json("GET", monitor_test::kGroups)["data"]["page"]["totalElements"].GetInt64());
  ASSERT_EQ(200, h->Send("POST", "/__mock/reset?only=metricGroups").status);
  EXPECT_EQ(5, h->Json("GET", monitor_test::kGroups)["data"]["page"]["totalElements"].GetInt64());
}

// A metric name of 64 bytes or more is quoted cut to a character, never inside one: the answer
// stays UTF-8 (the diagnosis fuzzer found the same cut on the SQL pages, 2026-12-05).
TEST(MetricOverridesTest, ALongUnknownMetricIsQuotedCutOnACharacterBoundary) {
  auto h = AtNoon();
  const std::string metric = std::string(63, 'a') + "\u00e9" + "zzz";  // U+00E9 at bytes 63-64
  const http::Response r = h->Send(
      "POST", kOverrides, R"({"metric": ")" + metric + R"(", "startTime": "2036-12-05T11:30:00Z",
                                   "endTime": "2036-12-05T11:39:59Z", "value": 95})");
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_TRUE(json::ParseJson(r.body).ok()) << r.body;
  EXPECT_NE(std::string::npos, r.body.find(std::string(63, 'a') + "...")) << r.body;
}

}  // namespace
}  // namespace mock::families
