// An OBProxy cluster's life on the mock clock, as the terraform provider walks it: created ->
// its task polled at GET /api/v2/tasks/{id} until SUCCESSFUL -> it shows; deleted -> its task
// SUCCESSFUL -> it is gone. A task that goes away takes its cluster (and its name) with it; a
// reset or a reload puts the bundled clusters back and forgets the runtime ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::IsEmpty;

constexpr char kLifecycleClusters[] = "/api/v2/obproxy/clusters";

const char kBody[] = R"({"name": "obproxy-tf", "workMode": "RS_LIST",
    "obproxyInstallParam": {"hostIds": [18, 12], "sqlPort": 3883, "exporterPort": 3884,
                            "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"},
    "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                 "username": "proxyro"}],
    "password": "secret", "clientToken": "terraform-1"})";

std::string StatusOfTask(const BundledApi& h, int64_t id) {
  return h.Json("GET", "/api/v2/tasks/" + std::to_string(id))["data"]["status"].GetString();
}

int64_t TaskIdOf(const http::Response& r) {
  EXPECT_EQ(200, r.status) << r.body;
  return json::ParseJson(r.body).value()["data"]["id"].GetInt64();
}

std::string Cluster(int64_t id) {
  return std::string(kLifecycleClusters) + "/" + std::to_string(id);
}

TEST(ObproxyLifecycleTest, ACreatedClusterShowsOnceItsTaskSucceeds) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleClusters, kBody));
  EXPECT_EQ("RUNNING", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Cluster(3)).status) << "not while the install runs";
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  http::Response r = h.Send("GET", Cluster(3));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("obproxy-cluster-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& c = d["data"];
  EXPECT_STREQ("obproxy-tf", c["name"].GetString());
  EXPECT_FALSE(c.HasMember("configUrl")) << "RS_LIST has no config URL";
  ASSERT_EQ(2u, c["obproxies"].Size());
  EXPECT_EQ(301, c["obproxies"][0]["id"].GetInt64());
  EXPECT_EQ(18, c["obproxies"][0]["hostId"].GetInt64());
  EXPECT_STREQ("10.0.0.18", c["obproxies"][0]["ip"].GetString());
  EXPECT_EQ(3883, c["obproxies"][1]["sqlPort"].GetInt64());
  EXPECT_EQ(3884, c["obproxies"][1]["exporterPort"].GetInt64());
  EXPECT_STREQ("4.2.1.0-11", c["versions"][0]["version"].GetString());
  EXPECT_EQ(2, c["topo"][0]["count"].GetInt64());
  EXPECT_STREQ("RUNNING", c["obLinks"][0]["status"].GetString());
}

TEST(ObproxyLifecycleTest, ADeletedClusterGoesOnceItsTaskSucceeds) {
  BundledApi h;
  http::Response r = h.Send("DELETE", Cluster(1));
  EXPECT_THAT(h.schemas().ValidateText("obproxy-task-response", r.body), IsEmpty());
  EXPECT_STREQ("Offline obproxy", json::ParseJson(r.body).value()["data"]["name"].GetString());
  const int64_t task = TaskIdOf(r);
  EXPECT_EQ(200, h.Send("GET", Cluster(1)).status) << "still there while the offline runs";
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Cluster(1)).status);
  EXPECT_EQ(404, h.Send("DELETE", Cluster(1)).status);
  // Its name is free again.
  std::string body = kBody;
  body.replace(body.find("obproxy-tf"), 10, "obproxy-prod-hz");
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters, body).status);
}

TEST(ObproxyLifecycleTest, TheWholeTerraformRoundTrip) {
  BundledApi h;
  const int64_t install = TaskIdOf(h.Send("POST", kLifecycleClusters, kBody));
  h.Advance(60);
  ASSERT_EQ("SUCCESSFUL", StatusOfTask(h, install));
  ASSERT_EQ(200, h.Send("GET", Cluster(3)).status);
  const int64_t offline = TaskIdOf(h.Send("DELETE", Cluster(3)));
  EXPECT_NE(install, offline);
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, offline));
  EXPECT_EQ(404, h.Send("GET", Cluster(3)).status);
}

TEST(ObproxyLifecycleTest, AClusterWhoseTaskIsGoneNeverShowsAndFreesItsName) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleClusters, kBody));
  EXPECT_EQ(400, h.Send("POST", kLifecycleClusters, kBody).status) << "held while its install runs";
  ASSERT_TRUE(h.store.Remove(task).ok());
  h.Advance(60);
  EXPECT_EQ(404, h.Send("GET", Cluster(3)).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status);
}

TEST(ObproxyLifecycleTest, ResetPutsTheBundledClustersBackAndForgetsTheRest) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleClusters, kBody));
  ASSERT_EQ(200, h.Send("DELETE", Cluster(2)).status);
  h.Advance(60);
  ASSERT_EQ(200, h.Send("GET", Cluster(3)).status);
  ASSERT_EQ(404, h.Send("GET", Cluster(2)).status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(404, h.Send("GET", Cluster(3)).status);
  EXPECT_EQ(200, h.Send("GET", Cluster(2)).status);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/tasks/" + std::to_string(task)).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status) << "its name is free again";
}

TEST(ObproxyLifecycleTest, AReloadServesTheFilesAgainAndForgetsInstallsAndOfflines) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kLifecycleClusters, kBody).status);
  ASSERT_EQ(200, h.Send("DELETE", Cluster(1)).status);
  h.Advance(60);
  ASSERT_EQ(404, h.Send("GET", Cluster(1)).status);
  http::Response r = h.Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, ::testing::HasSubstr(R"("obproxyClusters":2)"));
  EXPECT_EQ(200, h.Send("GET", Cluster(1)).status);
  EXPECT_EQ(404, h.Send("GET", Cluster(3)).status);
}

TEST(ObproxyLifecycleTest, TheMockRoutesComeFromTheResourcePattern) {
  BundledApi h;
  ASSERT_EQ(200,
            h.Send("PUT", "/__mock/obproxyClusters/40", R"({"name": "put-by-a-test"})").status);
  EXPECT_STREQ("put-by-a-test", h.Json("GET", Cluster(40))["data"]["name"].GetString());
  EXPECT_EQ(400, h.Send("PUT", "/__mock/obproxyClusters/41", R"({"name": 7})").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=obproxyClusters").status);
  EXPECT_EQ(404, h.Send("GET", Cluster(40)).status);
}

}  // namespace
}  // namespace mock::families
