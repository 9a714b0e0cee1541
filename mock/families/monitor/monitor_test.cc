// GET /api/v2/monitor/metricGroups on the bundled catalogue (docs/monitor.md): the documented
// shape, its filters, paging and sorting through the list engine, the refusals, the permission;
// and the catalogue and the metrics the mock computes agree.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "mock/families/monitor/metric_models.h"
#include "mock/families/monitor/test_monitor.h"

namespace mock::families {
namespace {

using monitor_test::ErrorOf;
using monitor_test::kGroups;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<int64_t> CategoryIds(const rapidjson::Document& d) {
  std::vector<int64_t> ids;
  for (const auto& c : d["data"]["contents"].GetArray()) ids.push_back(c["id"].GetInt64());
  return ids;
}

TEST(MetricGroupsTest, ListsEveryCategoryById) {
  testing::BundledApi h;
  const http::Response r = h.Send("GET", kGroups);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("metric-category-list-response", r.body), IsEmpty());
  const auto d = json::ParseJson(r.body).value();
  EXPECT_THAT(CategoryIds(d), ElementsAre(1, 2, 3, 6, 7));
  EXPECT_EQ(5, d["data"]["page"]["totalElements"].GetInt64());
}

TEST(MetricGroupsTest, TheClusterTopCategoryIsTheDocsSample) {
  testing::BundledApi h;
  const auto d = h.Json("GET", kGroups + "?scope=CLUSTER&type=TOP");
  ASSERT_THAT(CategoryIds(d), ElementsAre(6));
  const auto& c = d["data"]["contents"][0];
  EXPECT_STREQ("metric_cluster_top", c["key"].GetString());
  std::vector<std::string> keys;
  for (const auto& g : c["metricGroups"].GetArray()) keys.emplace_back(g["key"].GetString());
  EXPECT_THAT(keys, ElementsAre("QPS", "QPS_RT", "active_session", "cpu_percent"));
  EXPECT_EQ(1000061, c["metricGroups"][0]["metrics"][0]["id"].GetInt64());
  EXPECT_STREQ("times/s", c["metricGroups"][0]["metrics"][0]["unit"].GetString());
}

TEST(MetricGroupsTest, FiltersByScopeAndTypeAndIgnoresTarget) {
  testing::BundledApi h;
  EXPECT_THAT(CategoryIds(h.Json("GET", kGroups + "?scope=TENANT")), ElementsAre(2, 7));
  EXPECT_THAT(CategoryIds(h.Json("GET", kGroups + "?type=NORMAL&scope=HOST")), ElementsAre(3));
  EXPECT_THAT(CategoryIds(h.Json("GET", kGroups + "?scope=OBPROXY")), IsEmpty());
  EXPECT_THAT(CategoryIds(h.Json("GET", kGroups + "?type=TOP&target=OBCLUSTER&targetId=2")),
              ElementsAre(6, 7));
}

TEST(MetricGroupsTest, PagesAndSorts) {
  testing::BundledApi h;
  const auto page2 = h.Json("GET", kGroups + "?page=2&size=2");
  EXPECT_THAT(CategoryIds(page2), ElementsAre(3, 6));
  EXPECT_EQ(3, page2["data"]["page"]["totalPages"].GetInt64());
  EXPECT_THAT(CategoryIds(h.Json("GET", kGroups + "?sort=key,desc")), ElementsAre(7, 2, 3, 6, 1));
}

TEST(MetricGroupsTest, AnUnknownScopeOrSortIsRefusedInTheVersionsCode) {
  for (const std::string version : {"3.1.1", "4.2.2"}) {
    testing::BundledApi h(version);
    const http::Response r = h.Send("GET", kGroups + "?scope=DATABASE");
    EXPECT_EQ(400, r.status) << version;
    EXPECT_EQ(version == "4.2.2" ? "COM10001" : "1001", ErrorOf(r).first) << r.body;
    EXPECT_EQ(400, h.Send("GET", kGroups + "?sort=unit,asc").status) << version;
  }
}

TEST(MetricGroupsTest, AnyAuthenticatedUserMayRead) {
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {auth::Permission::kTaskViewer}, std::nullopt}};
  testing::BundledApi h("4.2.2", users);
  const http::Headers tasks = {{"Authorization", "Basic dGFza3M6cA=="}};  // tasks:p
  EXPECT_EQ(200, h.Send("GET", kGroups, "", tasks).status);
  EXPECT_EQ(200, h.Send("GET", monitor_test::SeriesOf("metrics=cpu_percent"), "", tasks).status);
  EXPECT_EQ(401, h.Send("GET", kGroups).status);
  EXPECT_EQ(401, h.Send("GET", monitor_test::SeriesOf("metrics=cpu_percent")).status);
}

TEST(MetricGroupsTest, EveryCataloguedMetricIsComputedAndEveryComputedOneCatalogued) {
  testing::BundledApi h;
  std::set<std::string> catalogued;
  const auto d = h.Json("GET", kGroups + "?size=100");
  for (const auto& c : d["data"]["contents"].GetArray()) {
    for (const auto& g : c["metricGroups"].GetArray()) {
      for (const auto& m : g["metrics"].GetArray()) {
        const std::string key = m["key"].GetString();
        EXPECT_NE(nullptr, monitor::FindMetric(key)) << key;
        catalogued.insert(key);
      }
    }
  }
  for (const monitor::MetricModel& m : monitor::AllMetrics()) {
    EXPECT_TRUE(catalogued.contains(std::string(m.key))) << m.key;
  }
}

}  // namespace
}  // namespace mock::families
