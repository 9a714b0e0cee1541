// An OceanBase cluster's life on the mock clock, as the terraform provider walks it: created ->
// its task polled at GET /api/v2/tasks/{id} until SUCCESSFUL -> it shows, with its zones and
// servers; deleted -> DELETING while its task runs -> gone, with its tenants, and its hosts free
// again. A creation whose task fails never shows and frees its name; a reset forgets both; the
// journal records the calls.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kLifecycleClusters[] = "/api/v2/ob/clusters";
// Long enough for the 23 subtasks of a creation (5 s each on the mock clock).
constexpr int64_t kDone = 300;

const char kBody[] = R"({"name": "tf-cluster", "type": "PRIMARY", "password": "Root@123",
    "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm",
    "zones": [{"name": "zone1", "idcName": "idc1", "servers": [16]},
              {"name": "zone2", "idcName": "idc2", "servers": [17, 18]}]})";

std::string Cluster(int64_t id) {
  return std::string(kLifecycleClusters) + "/" + std::to_string(id);
}

// The names of the OB_CLUSTER services host `id` lists.
std::vector<std::string> ServicesOf(const BundledApi& h, int64_t id) {
  auto d = h.Json("GET", "/api/v2/compute/hosts/" + std::to_string(id));
  std::vector<std::string> names;
  for (const auto& s : d["data"]["services"].GetArray()) names.emplace_back(s["name"].GetString());
  return names;
}

std::string StatusOfTask(const BundledApi& h, int64_t id) {
  return h.Json("GET", "/api/v2/tasks/" + std::to_string(id))["data"]["status"].GetString();
}

// The names of the clusters GET /api/v2/ob/clusters lists.
std::vector<std::string> Listed(const BundledApi& h) {
  auto d = h.Json("GET", std::string(kLifecycleClusters) + "?size=100");
  std::vector<std::string> names;
  for (const auto& c : d["data"]["contents"].GetArray()) names.emplace_back(c["name"].GetString());
  return names;
}

bool IsListed(const BundledApi& h, const std::string& name) {
  const auto names = Listed(h);
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(ClustersLifecycleTest, ACreatedClusterShowsOnlyOnceItsTaskSucceeds) {
  BundledApi h;
  auto created = h.Json("POST", kLifecycleClusters, kBody);
  const int64_t task = created["data"]["id"].GetInt64();
  const int64_t id = created["data"]["cluster"]["id"].GetInt64();
  EXPECT_EQ("RUNNING", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Cluster(id)).status) << "not while the creation runs";
  EXPECT_FALSE(IsListed(h, "tf-cluster"));
  EXPECT_THAT(ServicesOf(h, 16), IsEmpty());
  h.Advance(60);
  EXPECT_EQ("RUNNING", StatusOfTask(h, task)) << "23 subtasks take longer than a minute";
  EXPECT_EQ(404, h.Send("GET", Cluster(id)).status);
  h.Advance(kDone);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  http::Response r = h.Send("GET", Cluster(id));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("cluster-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& c = d["data"];
  EXPECT_STREQ("tf-cluster", c["name"].GetString());
  EXPECT_STREQ("RUNNING", c["status"].GetString());
  EXPECT_STREQ("PRIMARY", c["type"].GetString());
  EXPECT_STREQ("4.2.1.0", c["obVersion"].GetString());
  EXPECT_EQ(created["data"]["cluster"]["obClusterId"].GetInt64(), c["obClusterId"].GetInt64());
  EXPECT_EQ(3, c["serverCount"].GetInt64());
  ASSERT_EQ(2u, c["zones"].Size());
  EXPECT_STREQ("idc2", c["zones"][1]["idcName"].GetString());
  EXPECT_EQ(18, c["zones"][1]["servers"][1]["hostId"].GetInt64());
  EXPECT_STREQ("10.0.0.16", c["rootServers"][0]["address"].GetString());
  EXPECT_STREQ("LEADER", c["rootServers"][0]["role"].GetString());
  EXPECT_TRUE(IsListed(h, "tf-cluster"));
  const std::string service =
      "tf-cluster:" + std::to_string(created["data"]["cluster"]["obClusterId"].GetInt64());
  for (int64_t host : {16, 17, 18})
    EXPECT_EQ(std::vector<std::string>{service}, ServicesOf(h, host)) << host;
}

TEST(ClustersLifecycleTest, ADeletedClusterGoesWithItsTenantsOnceItsTaskSucceeds) {
  BundledApi h;
  auto deleted = h.Json("DELETE", Cluster(2));
  const int64_t task = deleted["data"]["id"].GetInt64();
  auto during = h.Json("GET", Cluster(2));
  EXPECT_STREQ("DELETING", during["data"]["status"].GetString()) << "shown while it runs";
  EXPECT_EQ(200, h.Send("GET", Cluster(2) + "/tenants/201").status);
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Cluster(2)).status);
  EXPECT_FALSE(IsListed(h, "obcluster-prod-hz"));
  EXPECT_EQ(404, h.Send("GET", Cluster(2) + "/tenants/201").status);
  auto tenants = h.Json("GET", "/api/v2/ob/tenants?size=100");
  for (const auto& t : tenants["data"]["contents"].GetArray())
    EXPECT_NE(2, t["clusterId"].GetInt64()) << t["name"].GetString();
  EXPECT_THAT(ServicesOf(h, 4), IsEmpty()) << "its hosts no longer list it";
  EXPECT_EQ(std::vector<std::string>{"obcluster-prod-hz-standby:100003"}, ServicesOf(h, 7));
  auto again = h.Send("DELETE", Cluster(2));
  EXPECT_EQ(404, again.status);
  EXPECT_THAT(again.body, HasSubstr("OBE11001"));
  // Its name and its hosts are free again.
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters,
                        R"({"name": "obcluster-prod-hz", "type": "PRIMARY", "password": "p",
                            "rpmName": "oceanbase-4.2.1.0.rpm",
                            "zones": [{"name": "z", "idcName": "idc1", "servers": [4, 5]}]})")
                     .status);
}

TEST(ClustersLifecycleTest, TheWholeTerraformRoundTrip) {
  BundledApi h;
  auto created = h.Json("POST", kLifecycleClusters, kBody);
  const int64_t id = created["data"]["cluster"]["id"].GetInt64();
  h.Advance(kDone);
  ASSERT_EQ("SUCCESSFUL", StatusOfTask(h, created["data"]["id"].GetInt64()));
  ASSERT_EQ(200, h.Send("GET", Cluster(id)).status);
  auto deleted = h.Json("DELETE", Cluster(id));
  EXPECT_EQ(id, deleted["data"]["cluster"]["id"].GetInt64());
  EXPECT_THAT(deleted["data"]["context"].GetString(), HasSubstr("host_ids=[16, 17, 18]"));
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, deleted["data"]["id"].GetInt64()));
  EXPECT_EQ(404, h.Send("GET", Cluster(id)).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status)
      << "its hosts and its name are free";
}

TEST(ClustersLifecycleTest, ACreationWhoseTaskFailsNeverShowsAndFreesItsNameAndHosts) {
  BundledApi h;
  auto created = h.Json("POST", kLifecycleClusters, kBody);
  const int64_t task = created["data"]["id"].GetInt64();
  EXPECT_EQ(400, h.Send("POST", kLifecycleClusters, kBody).status)
      << "held while its creation runs";
  ASSERT_TRUE(h.store.Remove(task).ok());
  h.Advance(kDone);
  EXPECT_EQ(404, h.Send("GET", Cluster(created["data"]["cluster"]["id"].GetInt64())).status);
  http::Response again = h.Send("POST", kLifecycleClusters, kBody);
  EXPECT_EQ(200, again.status) << again.body;
}

TEST(ClustersLifecycleTest, ResetForgetsCreationsAndDeletions) {
  BundledApi h;
  auto created = h.Json("POST", kLifecycleClusters, kBody);
  const int64_t id = created["data"]["cluster"]["id"].GetInt64();
  ASSERT_EQ(200, h.Send("DELETE", Cluster(1)).status);
  h.Advance(kDone);
  ASSERT_EQ(200, h.Send("GET", Cluster(id)).status);
  ASSERT_EQ(404, h.Send("GET", Cluster(1)).status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(404, h.Send("GET", Cluster(id)).status);
  EXPECT_EQ(200, h.Send("GET", Cluster(1)).status);
  EXPECT_STREQ("RUNNING", h.Json("GET", Cluster(1))["data"]["status"].GetString());
  EXPECT_EQ(
      404,
      h.Send("GET", "/api/v2/tasks/" + std::to_string(created["data"]["id"].GetInt64())).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status)
      << "its name and hosts are free again";
}

TEST(ClustersLifecycleTest, TheCallsAreJournaled) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status);
  ASSERT_EQ(400, h.Send("POST", kLifecycleClusters, kBody).status);
  ASSERT_EQ(200, h.Send("DELETE", Cluster(1)).status);
  auto posts = h.Json("GET", "/__mock/requests/count?method=POST&path=/api/v2/ob/clusters");
  EXPECT_EQ(2, posts["data"]["count"].GetInt64());
  auto deletes = h.Json("GET", "/__mock/requests?method=DELETE");
  ASSERT_EQ(1u, deletes["data"]["contents"].Size());
  EXPECT_STREQ("/api/v2/ob/clusters/1", deletes["data"]["contents"][0]["path"].GetString());
  EXPECT_EQ(200, deletes["data"]["contents"][0]["status"].GetInt64());
}

}  // namespace
}  // namespace mock::families
