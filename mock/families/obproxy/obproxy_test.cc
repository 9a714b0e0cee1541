// The OBProxy cluster endpoints over HTTP requests (no sockets): the detail of a bundled
// cluster, a creation's answer, and each refusal, which answers OCP's error naming what was wrong
// and changes nothing (no task, no row), one test each; the permissions.
#include "mock/families/obproxy/obproxy_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"
#include "mock/families/obproxy/obproxy_cluster.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kClusters[] = "/api/v2/obproxy/clusters";

// A body the docs' table accepts, for a new cluster on host 18 in front of cluster 2.
std::string Body(const std::string& name = "obproxy-new") {
  return R"({"name": ")" + name + R"(", "address": "10.0.0.18", "port": 2883,
         "obproxyInstallParam": {"hostIds": [18], "sqlPort": 2883, "exportPort": 2884,
             "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"},
         "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                      "username": "proxyro"}],
         "startupParameters": [], "parameters": []})";
}

std::vector<std::string> ViolationsOf(const BundledApi& h, const char* schema,
                                      const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText(schema, body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

// What a refusal must leave as it was: the tasks and the rows held.
std::string StateOf(const BundledApi& h) {
  const std::string rows = h.Send("GET", "/__mock/obproxyClusters").body;
  return std::to_string(h.store.size()) + " " + rows.substr(0, rows.find(",\"duration\""));
}

// Sends `body` to the create route; expects a 400 with `code` whose text has `says`, and no change.
void ExpectRefused(const std::string& body, const std::string& code, const std::string& says) {
  BundledApi h;
  const std::string before = StateOf(h);
  http::Response r = h.Send("POST", kClusters, body);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":\"" + code + "\"")) << r.body;
  EXPECT_THAT(r.body, HasSubstr(says));
  EXPECT_EQ(before, StateOf(h));
}

TEST(ObproxyTest, DetailAnswersABundledClusterAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("GET", std::string(kClusters) + "/1");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "obproxy-cluster-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_STREQ("obproxy-prod-hz", d["data"]["name"].GetString());
  EXPECT_EQ(2, d["data"]["obLinks"][0]["clusterId"].GetInt64());
  EXPECT_FALSE(d["data"].HasMember("status")) << "no cluster-level status is documented";
}

TEST(ObproxyTest, CreateAnswersTheInstallTaskAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("POST", kClusters, Body());
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "obproxy-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_STREQ("Install obproxy", d["data"]["name"].GetString());
  EXPECT_STREQ("RUNNING", d["data"]["status"].GetString());
  EXPECT_STREQ("Prepare obproxy install", d["data"]["subtasks"][0]["name"].GetString());
  EXPECT_FALSE(d["data"].HasMember("obproxyClusterId")) << "the docs' TaskInstance has none";
}

TEST(ObproxyTest, TheDocsOwnSampleRequestIsAcceptedWhenItsClusterExists) {
  BundledApi h;
  // The sample links cluster "hooray" (obClusterId 1); the bundled cluster 1 is named otherwise.
  http::Response r = h.Send("POST", kClusters,
                            R"({"obproxyInstallParam": {"hostIds": []}, "obLinks": [{
      "clusterName": "ob20daily.xiaojun.chengxj", "clusterId": 1, "username": "proxyro",
      "obClusterId": 1}], "name": "OBProxy001", "address": "foo.bar", "port": 2883,
      "workMode": "CONFIG_URL"})");
  EXPECT_EQ(200, r.status) << r.body;
}

TEST(ObproxyTest, AMissingNameIsRefusedNamingIt) {
  ExpectRefused(R"({"obLinks": []})", "COM10001", "name");
}

TEST(ObproxyTest, AWrongTypedFieldIsRefusedNamingIt) {
  ExpectRefused(R"({"name": "x", "port": "2883", "obLinks": []})", "COM10001", "port");
}

TEST(ObproxyTest, ALinkWithoutObClusterIdIsRefusedNamingIt) {
  ExpectRefused(R"({"name": "x", "obLinks": [{"clusterName": "c", "username": "u"}]})", "COM10001",
                R"(obLinks[0]: missing required field \"obClusterId\")");
}

TEST(ObproxyTest, ABodyThatIsNotJsonIsRefused) {
  ExpectRefused("{", "COM10003", "JSON parse error");
}

TEST(ObproxyTest, ANameHeldIsRefusedAsNameExists) {
  ExpectRefused(Body("obproxy-prod-hz"), "COM10006", "obproxy-prod-hz");
}

TEST(ObproxyTest, AnUnknownHostIdIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("[18]"), 4, "[18, 999]");
  ExpectRefused(body, "COM10001", "obproxyInstallParam.hostIds[1]");
}

TEST(ObproxyTest, ALinkToNoClusterIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("100002"), 6, "100003");
  ExpectRefused(body, "COM10001", "obLinks[0].clusterName");
}

TEST(ObproxyTest, RsListWithTwoLinksIsRefused) {
  ExpectRefused(R"({"name": "x", "workMode": "RS_LIST", "obLinks": [
      {"clusterName": "obcluster-prod-hz", "obClusterId": 100002, "username": "proxyro"},
      {"clusterName": "metadb", "obClusterId": 100004, "username": "proxyro"}]})",
                "COM10001", "obLinks");
}

TEST(ObproxyTest, AnUnknownIdIsObproxyClusterNotFound) {
  BundledApi h;
  http::Response r = h.Send("GET", std::string(kClusters) + "/99");
  EXPECT_EQ(404, r.status);
  EXPECT_THAT(r.body, HasSubstr("ODP21001"));
  EXPECT_THAT(r.body, HasSubstr("The OBProxy cluster with the ID of 99 is not found."));
  http::Response old = BundledApi("3.1.1").Send("GET", std::string(kClusters) + "/99");
  EXPECT_EQ(404, old.status);
  EXPECT_THAT(old.body, HasSubstr(R"("code":21001)"));
}

TEST(ObproxyTest, DeletingAnUnknownIdIsObproxyClusterNotFoundAndChangesNothing) {
  BundledApi h;
  const std::string before = StateOf(h);
  http::Response r = h.Send("DELETE", std::string(kClusters) + "/99");
  EXPECT_EQ(404, r.status);
  EXPECT_THAT(r.body, HasSubstr("ODP21001"));
  EXPECT_EQ(before, StateOf(h));
}

TEST(ObproxyTest, ASecondDeleteWhileTheFirstRunsIsRefusedAndChangesNothing) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", std::string(kClusters) + "/1").status);
  const std::string before = StateOf(h);
  http::Response r = h.Send("DELETE", std::string(kClusters) + "/1");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("being deleted"));
  EXPECT_EQ(before, StateOf(h));
}

TEST(ObproxyTest, EveryRouteNeedsAnAuthenticatedUserOnly) {
  const std::vector<auth::User> users = {{1, "nobody", "p", {}, {}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers nobody = {{"Authorization", "Basic bm9ib2R5OnA="}};  // nobody:p
  EXPECT_EQ(401, h.Send("GET", std::string(kClusters) + "/1").status);
  EXPECT_EQ(200, h.Send("GET", std::string(kClusters) + "/1", "", nobody).status);
  http::Response created = h.Send("POST", kClusters, Body(), nobody);
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_THAT(created.body, HasSubstr(R"("creator":"nobody")"));
  EXPECT_EQ(200, h.Send("DELETE", std::string(kClusters) + "/2", "", nobody).status);
}

TEST(ObproxyTest, TheVersionIsTheRpmNamesVersion) {
  EXPECT_EQ("1.9.1.1-1919579", obproxy::VersionOfRpm("obproxy-1.9.1.1-1919579.el7.x86_64.rpm"));
  EXPECT_EQ("4.2.1.0-11", obproxy::VersionOfRpm("obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"));
  EXPECT_EQ("4.2.1.0", obproxy::VersionOfRpm("4.2.1.0"));
  EXPECT_EQ("obproxy", obproxy::VersionOfRpm("obproxy"));
}

}  // namespace
}  // namespace mock::families
