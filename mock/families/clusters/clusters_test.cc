// Creating and deleting OceanBase clusters over HTTP requests (no sockets): the answers as
// documented, each refusal answering OCP's error naming what was wrong and changing nothing (no
// task, no cluster), one test each; the permissions; --quirks zone-rpm-name.
#include "mock/families/clusters/clusters_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"
#include "mock/families/clusters/cluster_plan.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kClusters[] = "/api/v2/ob/clusters";

// A body the docs' table accepts: a new cluster on the two hosts no cluster uses (16, 17).
std::string Body(const std::string& name = "tf-cluster", const std::string& servers = "[16]") {
  return R"({"name": ")" + name + R"(", "type": "PRIMARY", "password": "Root@123",
      "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm",
      "zones": [{"name": "zone1", "idcName": "idc1", "servers": )" +
         servers + R"(}, {"name": "zone2", "idcName": "idc1", "servers": [17]}]})";
}

// `text` without its first `part`.
std::string Erase(std::string text, const std::string& part) {
  const size_t at = text.find(part);
  if (at != std::string::npos) text.erase(at, part.size());
  return text;
}

// What a refusal must leave as it was: the tasks, the clusters shown, the entities waiting.
std::string StateOf(const BundledApi& h) {
  const std::string clusters = h.Send("GET", std::string(kClusters) + "?size=100").body;
  return std::to_string(h.store.size()) + " " + std::to_string(h.entities.PendingTaskIds().size()) +
         " " + clusters.substr(0, clusters.find(",\"duration\""));
}

// Sends `body` to `method` `target`; expects `status` with `code` whose text has `says`, and no
// change.
void ExpectRefused(BundledApi& h, const std::string& method, const std::string& target,
                   const std::string& body, int status, const std::string& code,
                   const std::string& says) {
  const std::string before = StateOf(h);
  http::Response r = h.Send(method, target, body);
  EXPECT_EQ(status, r.status) << r.body;
  // A string code from 4.2.2 on, a number before.
  EXPECT_THAT(r.body, ::testing::AnyOf(HasSubstr("\"code\":\"" + code + "\""),
                                       HasSubstr("\"code\":" + code + ",")))
      << r.body;
  EXPECT_THAT(r.body, HasSubstr(says)) << r.body;
  EXPECT_EQ(before, StateOf(h));
}

void ExpectCreateRefused(const std::string& body, const std::string& code,
                         const std::string& says) {
  BundledApi h;
  ExpectRefused(h, "POST", kClusters, body, 400, code, says);
}

TEST(ClustersTest, CreateAnswersTheTaskAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("POST", kClusters, Body());
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("ob-cluster-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& t = d["data"];
  EXPECT_STREQ("Create primary OB cluster", t["name"].GetString());
  EXPECT_STREQ("RUNNING", t["status"].GetString());
  EXPECT_STREQ("tf-cluster", t["cluster"]["name"].GetString());
  EXPECT_EQ(6, t["cluster"]["id"].GetInt64()) << "one more than the bundled clusters' ids";
  EXPECT_EQ(100006, t["cluster"]["obClusterId"].GetInt64());
  EXPECT_EQ(23u, t["tasks"].Size());
  EXPECT_STREQ("Prepare install cluster", t["tasks"][0]["name"].GetString());
  EXPECT_STREQ("READY", t["tasks"][0]["status"].GetString());
  EXPECT_STREQ("admin", t["creator"]["name"].GetString());
  EXPECT_THAT(t["context"].GetString(), HasSubstr("cluster_name=tf-cluster"));
  EXPECT_THAT(t["context"].GetString(), HasSubstr("host_ids=[16, 17]"));
  EXPECT_THAT(t["context"].GetString(), HasSubstr("zone_names=[zone1, zone2]"));
  EXPECT_FALSE(t.HasMember("clusterId")) << "the docs' answer has none";
  // The task is the task store's: the provider polls it there.
  auto polled = h.Json("GET", "/api/v2/tasks/" + std::to_string(t["id"].GetInt64()));
  EXPECT_EQ(6, polled["data"]["cluster"]["id"].GetInt64());
}

TEST(ClustersTest, TheDocsOwnSampleRequestIsAcceptedOnAFreeHost) {
  BundledApi h;
  // The sample's cluster "terran" on host 1, which serves ob20daily: on host 16 instead.
  std::string body =
      json::ReadFile(testdata::SamplesDir() / "create-cluster-request-4.2.2.json").value();
  body.replace(body.find("        1\n"), 10, "        16\n");
  http::Response r = h.Send("POST", kClusters, body);
  EXPECT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("obClusterId":100006)"));
}

TEST(ClustersTest, UnknownFieldsAreAcceptedAndDropped) {
  BundledApi h;
  std::string body = Body();
  body.insert(1,
              R"("clientToken": "tf-0001", "attributes": {"SqlPort": 2881}, "notAnOcpField": 1, )");
  http::Response r = h.Send("POST", kClusters, body);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, Not(HasSubstr("notAnOcpField")));
  EXPECT_THAT(r.body, Not(HasSubstr("tf-0001")));
}

TEST(ClustersTest, AMissingNameIsRefusedNamingIt) {
  const std::string body = Erase(Body(), R"("name": "tf-cluster", )");
  ExpectCreateRefused(body, "COM10001", R"(missing required field \"name\")");
}

TEST(ClustersTest, AMissingRpmNameIsRefusedNamingIt) {
  const std::string body =
      Erase(Body(), R"("rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm",)");
  ExpectCreateRefused(body, "COM10001", R"(missing required field \"rpmName\")");
}

TEST(ClustersTest, AWrongTypedFieldIsRefusedNamingIt) {
  ExpectCreateRefused(Body("tf-cluster", R"(["16"])"), "COM10001", "zones[0].servers[0]");
}

TEST(ClustersTest, AnUnknownTypeIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("PRIMARY"), 7, "LOGICAL");
  ExpectCreateRefused(body, "COM10001", "type");
}

TEST(ClustersTest, ABodyThatIsNotJsonIsRefused) {
  ExpectCreateRefused("{", "COM10003", "JSON parse error");
}

TEST(ClustersTest, AnUnknownHostIsRefusedNamingIt) {
  ExpectCreateRefused(Body("tf-cluster", "[16, 999]"), "COM10001",
                      "zones[0].servers[1]: no host has id 999");
}

TEST(ClustersTest, AHostListedTwiceIsRefusedNamingIt) {
  ExpectCreateRefused(Body("tf-cluster", "[17]"), "COM10001",
                      "zones[1].servers[0]: host 17 is listed twice");
}

TEST(ClustersTest, AHostServingAClusterIsRefusedNamingIt) {
  ExpectCreateRefused(
      Body("tf-cluster", "[4]"), "COM10001",
      R"(zones[0].servers[0]: host 4 (10.0.0.4) serves cluster \"obcluster-prod-hz\")");
}

TEST(ClustersTest, AnOfflineHostIsRefusedNamingIt) {
  ExpectCreateRefused(Body("tf-cluster", "[6]"), "COM10001",
                      "zones[0].servers[0]: host 6 is OFFLINE");
}

TEST(ClustersTest, TwoZonesOfOneNameAreRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("zone2"), 5, "zone1");
  ExpectCreateRefused(body, "COM10001", R"(zones[1].name: zone \"zone1\" is named twice)");
}

TEST(ClustersTest, ANameHeldIsRefusedAsClusterExists) {
  ExpectCreateRefused(Body("obcluster-prod-hz"), "OBE11014",
                      "The cluster to be created already exists.");
}

TEST(ClustersTest, ANameHeldByACreationStillRunningIsRefusedToo) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kClusters, Body()).status);
  ExpectRefused(h, "POST", kClusters, Body("tf-cluster", "[18]"), 400, "OBE11014", "tf-cluster");
  ExpectRefused(h, "POST", kClusters, Body("other", "[16]"), 400, "COM10001",
                "host 16 (10.0.0.16) serves cluster");
}

TEST(ClustersTest, DeletingAnUnknownIdIsClusterNotFoundAndChangesNothing) {
  BundledApi h;
  ExpectRefused(h, "DELETE", std::string(kClusters) + "/99", "", 404, "OBE11001",
                "The specified cluster with the ID of 99 does not exist.");
}

TEST(ClustersTest, DeletingAClusterBeingCreatedIsClusterNotFound) {
  BundledApi h;
  auto created = h.Json("POST", kClusters, Body());
  const int64_t id = created["data"]["cluster"]["id"].GetInt64();
  ExpectRefused(h, "DELETE", std::string(kClusters) + "/" + std::to_string(id), "", 404, "OBE11001",
                "GET /api/v2/ob/clusters lists them");
}

TEST(ClustersTest, ASecondDeleteWhileTheFirstRunsIsRefusedAndChangesNothing) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", std::string(kClusters) + "/1").status);
  ExpectRefused(h, "DELETE", std::string(kClusters) + "/1", "", 400, "COM10003",
                "cluster 1 is being deleted by task");
}

TEST(ClustersTest, DeleteAnswersTheTaskAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("DELETE", std::string(kClusters) + "/2");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("ob-cluster-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_STREQ("Delete primary OB cluster", d["data"]["name"].GetString());
  EXPECT_STREQ("obcluster-prod-hz", d["data"]["cluster"]["name"].GetString());
  EXPECT_EQ(100002, d["data"]["cluster"]["obClusterId"].GetInt64());
  EXPECT_EQ(6u, d["data"]["tasks"].Size());
  EXPECT_STREQ("Unreserve host", d["data"]["tasks"][5]["name"].GetString());
  // The hosts whose services name it, 7 too where 11-standby-oracle.json is played.
  EXPECT_THAT(d["data"]["context"].GetString(), HasSubstr("host_ids=[4, 5, 6, 7]"));
  EXPECT_THAT(d["data"]["context"].GetString(), HasSubstr("former_cluster_status=RUNNING"));
  EXPECT_FALSE(d["data"].HasMember("clusterId"));
}

TEST(ClustersTest, StandbyIsRefusedWhere420DocumentsPrimaryOnly) {
  BundledApi h("4.2.0");
  std::string body = Body();
  body.replace(body.find("PRIMARY"), 7, "STANDBY");
  ExpectRefused(h, "POST", kClusters, body, 400, "1001", "type");
  BundledApi newer("4.2.1");
  auto created = newer.Json("POST", kClusters, body);
  EXPECT_STREQ("Create standby OB cluster", created["data"]["name"].GetString());
}

TEST(ClustersTest, CreatingAndDeletingNeedClusterManager) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kClusterViewer}, std::nullopt},
      {2, "manager", "p", {}, {auth::Permission::kClusterManager}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};   // viewer:p
  const http::Headers manager = {{"Authorization", "Basic bWFuYWdlcjpw"}};  // manager:p
  EXPECT_EQ(401, h.Send("POST", kClusters, Body()).status);
  http::Response refused = h.Send("POST", kClusters, Body(), viewer);
  EXPECT_EQ(403, refused.status);
  EXPECT_THAT(refused.body, HasSubstr("IAM11000"));
  EXPECT_EQ(403, h.Send("DELETE", std::string(kClusters) + "/1", "", viewer).status);
  http::Response created = h.Send("POST", kClusters, Body(), manager);
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_THAT(created.body, HasSubstr(R"("creator":{"id":2,"name":"manager"})"));
  EXPECT_EQ(200, h.Send("DELETE", std::string(kClusters) + "/1", "", manager).status);
  EXPECT_EQ(200, h.Send("GET", std::string(kClusters) + "/1", "", manager).status)
      << "CLUSTER_MANAGER includes CLUSTER_VIEWER";
}

// --quirks zone-rpm-name: the terraform provider's body, whose zones carry the rpmName.
TEST(ClustersTest, ZoneRpmNameTakesTheZonesRpmNameOnlyWithTheQuirk) {
  const std::string rpm = R"(, "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm")";
  const std::string body = R"({"name": "tf-cluster", "type": "PRIMARY", "password": "Root@123",
      "zones": [{"name": "zone1", "idcName": "idc1", "servers": [16])" +
                           rpm + "}]}";
  ExpectCreateRefused(body, "COM10001", R"(missing required field \"rpmName\")");
  BundledApi h("4.2.2", std::nullopt, api::Quirks{.zone_rpm_name = true});
  auto created = h.Json("POST", kClusters, body);
  EXPECT_THAT(created["data"]["context"].GetString(),
              HasSubstr("rpm_name=oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm"));
  ExpectRefused(h, "POST", kClusters, Erase(body, rpm), 400, "COM10001",
                R"(missing required field \"rpmName\")");
}

TEST(ClustersTest, TheVersionIsTheRpmNamesVersion) {
  EXPECT_EQ("2.2.73", clusters::ObVersionOfRpm("oceanbase-2.2.73-20201211175814.el7.x86_64.rpm"));
  EXPECT_EQ("4.2.1.0",
            clusters::ObVersionOfRpm("oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm"));
  EXPECT_EQ("4.2.1.0", clusters::ObVersionOfRpm("4.2.1.0"));
  EXPECT_EQ("oceanbase", clusters::ObVersionOfRpm("oceanbase"));
}

}  // namespace
}  // namespace mock::families
