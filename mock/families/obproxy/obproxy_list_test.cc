// GET /api/v2/obproxy/clusters, "Query OBProxy clusters" (documented alike in every version:
// docs/reference/ocp-client-flows.md 3.5): a page of the clusters shown, each as its detail;
// Spring's paging; a cluster whose install runs is not listed, one whose offline runs still is.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kListClusters[] = "/api/v2/obproxy/clusters";

std::vector<int64_t> IdsOf(const rapidjson::Document& d) {
  std::vector<int64_t> ids;
  for (const auto& row : d["data"]["contents"].GetArray()) ids.push_back(row["id"].GetInt64());
  return ids;
}

TEST(ObproxyListTest, ListsTheBundledClustersAsTheirDetailsInOnePage) {
  BundledApi h;
  const http::Response r = h.Send("GET", std::string(kListClusters) + "?page=1&size=10");
  ASSERT_EQ(200, r.status) << r.body;
  std::vector<std::string> violations;
  for (const auto& v : h.schemas().ValidateText("obproxy-cluster-list-response", r.body))
    violations.push_back(v.path + ": " + v.message);
  EXPECT_THAT(violations, IsEmpty());
  const auto d = json::ParseJson(r.body).value();
  EXPECT_EQ((std::vector<int64_t>{1, 2}), IdsOf(d));
  EXPECT_EQ(2, d["data"]["page"]["totalElements"].GetInt64());
  EXPECT_EQ(1, d["data"]["page"]["number"].GetInt64());
  // Each row is the cluster's detail, field for field.
  const auto detail = h.Json("GET", std::string(kListClusters) + "/1");
  EXPECT_TRUE(d["data"]["contents"][0] == detail["data"]);
}

TEST(ObproxyListTest, PagesAndSortsAsSpringDoes) {
  BundledApi h;
  const auto second = h.Json("GET", std::string(kListClusters) + "?page=2&size=1");
  EXPECT_EQ((std::vector<int64_t>{2}), IdsOf(second));
  EXPECT_EQ(2, second["data"]["page"]["number"].GetInt64());
  EXPECT_EQ(2, second["data"]["page"]["totalPages"].GetInt64());
  const auto by_name = h.Json("GET", std::string(kListClusters) + "?sort=name,asc");
  EXPECT_EQ((std::vector<int64_t>{2, 1}), IdsOf(by_name)) << "obproxy-daily, obproxy-prod-hz";
  const http::Response bad = h.Send("GET", std::string(kListClusters) + "?sort=noSuchField,asc");
  EXPECT_EQ(400, bad.status);
  EXPECT_THAT(bad.body, HasSubstr("noSuchField"));
}

TEST(ObproxyListTest, ListsAClusterOnceItsInstallSucceedsAndUntilItsOfflineDoes) {
  BundledApi h;
  const char body[] = R"({"name": "obproxy-listed", "obproxyInstallParam": {"hostIds": [18]},
      "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                   "username": "proxyro"}], "extra": "ignored"})";
  ASSERT_EQ(200, h.Send("POST", kListClusters, body).status);
  EXPECT_EQ((std::vector<int64_t>{1, 2}), IdsOf(h.Json("GET", kListClusters))) << "installing";
  h.Advance(60);
  EXPECT_EQ((std::vector<int64_t>{1, 2, 3}), IdsOf(h.Json("GET", kListClusters)));
  ASSERT_EQ(200, h.Send("DELETE", std::string(kListClusters) + "/3").status);
  EXPECT_EQ((std::vector<int64_t>{1, 2, 3}), IdsOf(h.Json("GET", kListClusters))) << "offlining";
  h.Advance(60);
  EXPECT_EQ((std::vector<int64_t>{1, 2}), IdsOf(h.Json("GET", kListClusters)));
}

TEST(ObproxyListTest, NeedsAnAuthenticatedUserOnly) {
  const std::vector<auth::User> users = {{1, "nobody", "p", {}, {}, std::nullopt}};
  BundledApi h("4.2.2", users);
  EXPECT_EQ(401, h.Send("GET", kListClusters).status);
  EXPECT_EQ(200,
            h.Send("GET", kListClusters, "", {{"Authorization", "Basic bm9ib2R5OnA="}}).status);
}

}  // namespace
}  // namespace mock::families
