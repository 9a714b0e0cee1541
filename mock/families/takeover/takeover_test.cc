// The takeover over HTTP requests (no sockets): the pre-check and its /__mock/ switch, the
// takeOver answer, its task on the mock clock with the cluster, zones and hosts appearing only
// when it succeeds, a failed subtask retried, each refusal (OCP's error naming what was wrong,
// nothing changed: one test each), reset, the journal and the fault rules.
#include "mock/families/takeover/takeover_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kPreCheck[] = "/api/v2/ob/clusters/takeOverPreCheck";
constexpr char kTakeOver[] = "/api/v2/ob/clusters/takeOver";
constexpr char kCredentials[] = "/api/v2/profiles/me/credentials";
constexpr char kClusters[] = "/api/v2/ob/clusters";

// obdeploy's pre-check body (plugins/ocp-server/4.2.1/takeover_precheck.py).
constexpr char kPreCheckBody[] =
    R"({"connectionMode": "direct", "address": "10.9.0.1", "port": 2881,
        "rootSysPassword": "rootpw"})";

// obdeploy's takeOver body with `credential` (plugins/ocp-server/4.2.1/takeover.py).
std::string Body(int64_t credential, const std::string& extra = "") {
  return R"({"switchConfigUrl": true, "connectionMode": "direct", "rootSysPassword": "rootpw",
             "address": "10.9.0.1", "port": 2881)" +
         extra + R"(, "hostInfo": {"kind": "DEDICATED_PHYSICAL_MACHINE", "hostTypeId": 1,
             "sshPort": 22, "credentialId": )" +
         std::to_string(credential) + "}}";
}

int64_t AddCredential(const BundledApi& h) {
  return h
      .Json("POST", kCredentials,
            R"({"targetType": "HOST", "name": "obd", "sshCredentialProperty":
                    {"type": "PASSWORD", "username": "admin", "passphrase": "pw"}})")["data"]["id"]
      .GetInt64();
}

std::vector<std::string> TakeoverViolations(const BundledApi& h, const char* schema,
                                            const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText(schema, body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

bool Listed(const BundledApi& h, const std::string& name) {
  auto page = h.Json("GET", std::string(kClusters) + "?size=100");
  for (const auto& c : page["data"]["contents"].GetArray()) {
    if (c["name"].GetString() == name) return true;
  }
  return false;
}

int64_t HostCount(const BundledApi& h) {
  return h.Json("GET", "/api/v2/compute/hosts")["data"]["page"]["totalElements"].GetInt64();
}

// What a refusal must leave as it was: tasks, clusters, hosts.
std::string TakeoverState(const BundledApi& h) {
  auto clusters = h.Json("GET", std::string(kClusters) + "?size=100");
  return std::to_string(h.store.size()) + " " +
         std::to_string(clusters["data"]["page"]["totalElements"].GetInt64()) + " " +
         std::to_string(HostCount(h)) + " " + std::to_string(h.entities.PendingTaskIds().size());
}

void ExpectTakeoverRefused(const std::string& body, const std::string& code,
                           const std::string& says) {
  BundledApi h;
  AddCredential(h);
  const std::string before = TakeoverState(h);
  http::Response r = h.Send("POST", kTakeOver, body);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":\"" + code + "\"")) << r.body;
  EXPECT_THAT(r.body, HasSubstr(says)) << r.body;
  EXPECT_EQ(before, TakeoverState(h));
}

TEST(TakeoverTest, ThePreCheckAnswersValidWithMessages) {
  BundledApi h;
  http::Response r = h.Send("POST", kPreCheck, kPreCheckBody);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(TakeoverViolations(h, "takeover-precheck-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_TRUE(d["data"]["result"]["valid"].GetBool());
  EXPECT_EQ(0u, d["data"]["result"]["messages"].Size());
}

TEST(TakeoverTest, ThePreCheckFailsWhenATestSaysSoUntilReset) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/takeover",
                        R"({"precheck": {"valid": false, "messages": ["OBServer check failed"]}})")
                     .status);
  auto d = h.Json("POST", kPreCheck, kPreCheckBody);
  EXPECT_FALSE(d["data"]["result"]["valid"].GetBool());
  EXPECT_STREQ("OBServer check failed", d["data"]["result"]["messages"][0].GetString());
  // The takeover itself then fails with the pre-check's cause, as OCP's FAQ shows.
  const int64_t credential = AddCredential(h);
  const std::string before = TakeoverState(h);
  http::Response refused = h.Send("POST", kTakeOver, Body(credential));
  EXPECT_EQ(400, refused.status);
  EXPECT_THAT(refused.body, HasSubstr(R"("code":"OBE11042")"));
  EXPECT_THAT(refused.body, HasSubstr("failed. Cause:OBServer check failed"));
  EXPECT_EQ(before, TakeoverState(h));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=takeover").status);
  EXPECT_TRUE(h.Json("POST", kPreCheck, kPreCheckBody)["data"]["result"]["valid"].GetBool());
  EXPECT_EQ(400, h.Send("PUT", "/__mock/takeover", R"({"precheck": {"valid": 1}})").status);
}

TEST(TakeoverTest, ThePreCheckRefusesAMissingOrWrongTypedField) {
  BundledApi h;
  http::Response missing = h.Send("POST", kPreCheck, R"({"port": 2881, "rootSysPassword": ""})");
  EXPECT_EQ(400, missing.status);
  EXPECT_THAT(missing.body, HasSubstr("address"));
  http::Response wrong = h.Send(
      "POST", kPreCheck, R"({"address": "10.9.0.1", "port": "2881", "rootSysPassword": "x"})");
  EXPECT_EQ(400, wrong.status);
  EXPECT_THAT(wrong.body, HasSubstr("port"));
  http::Response proxy = h.Send("POST", kPreCheck,
                                R"({"address": "10.9.0.1", "port": 2883, "rootSysPassword": "x",
                                    "connectionMode": "proxy"})");
  EXPECT_EQ(400, proxy.status);
  EXPECT_THAT(proxy.body, HasSubstr("clusterName"));
}

// The whole lifecycle: the answer, the task on the mock clock, the cluster with its zones and
// its new host appearing only when the task is SUCCESSFUL.
TEST(TakeoverTest, TheClusterAppearsWithItsZonesAndHostsWhenTheTaskSucceeds) {
  BundledApi h;
  const int64_t hosts = HostCount(h);
  http::Response r = h.Send("POST", kTakeOver, Body(AddCredential(h)));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(TakeoverViolations(h, "async-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const int64_t task = d["data"]["id"].GetInt64();
  const int64_t cluster = d["data"]["clusterId"].GetInt64();
  EXPECT_STREQ("Take over cluster", d["data"]["name"].GetString());
  EXPECT_STREQ("RUNNING", d["data"]["status"].GetString());
  const std::string detail = std::string(kClusters) + "/" + std::to_string(cluster);
  EXPECT_FALSE(Listed(h, "obcluster"));
  EXPECT_EQ(404, h.Send("GET", detail).status);
  EXPECT_EQ(hosts, HostCount(h));
  h.Advance(60);
  auto t = h.Json("GET", "/api/v2/tasks/instances/" + std::to_string(task));
  EXPECT_STREQ("SUCCESSFUL", t["data"]["status"].GetString());
  EXPECT_TRUE(Listed(h, "obcluster"));
  http::Response shown = h.Send("GET", detail);
  ASSERT_EQ(200, shown.status) << shown.body;
  EXPECT_THAT(TakeoverViolations(h, "cluster-response", shown.body), IsEmpty());
  auto c = json::ParseJson(shown.body).value();
  EXPECT_STREQ("zone1", c["data"]["zones"][0]["name"].GetString());
  EXPECT_STREQ("10.9.0.1", c["data"]["zones"][0]["servers"][0]["ip"].GetString());
  EXPECT_EQ(hosts + 1, HostCount(h));
  EXPECT_THAT(h.Send("GET", "/api/v2/compute/hosts?keyword=10.9.0.1").body,
              HasSubstr("obcluster:" + std::to_string(200000 + cluster)));
}

TEST(TakeoverTest, TheSettingDescribesTheClusterAndAFailedSubtaskIsRetried) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/takeover",
                        R"({"cluster": {"name": "obd-demo", "obClusterId": 7,
                            "zones": [{"name": "z1", "servers": ["10.9.0.1"]},
                                      {"name": "z2", "servers": ["10.9.0.2", "10.0.0.1"]}]},
                            "failSubtask": "Install ocp agent"})")
                     .status);
  const int64_t hosts = HostCount(h);
  auto d = h.Json("POST", kTakeOver, Body(AddCredential(h)));
  const std::string task = "/api/v2/tasks/instances/" + std::to_string(d["data"]["id"].GetInt64());
  h.Advance(60);
  EXPECT_STREQ("FAILED", h.Json("GET", task)["data"]["status"].GetString());
  EXPECT_FALSE(Listed(h, "obd-demo"));
  ASSERT_EQ(200, h.Send("POST", task + "/retry").status);
  h.Advance(60);
  EXPECT_STREQ("SUCCESSFUL", h.Json("GET", task)["data"]["status"].GetString());
  EXPECT_TRUE(Listed(h, "obd-demo"));
  // 10.0.0.1 is a host OCP holds already: only the two others are added.
  EXPECT_EQ(hosts + 2, HostCount(h));
}

TEST(TakeoverTest, AMissingFieldIsInvalidParameterNamingIt) {
  ExpectTakeoverRefused(R"({"address": "10.9.0.1", "port": 2881})", "COM10001", "rootSysPassword");
}

TEST(TakeoverTest, AWrongTypedFieldIsInvalidParameterNamingIt) {
  ExpectTakeoverRefused(R"({"address": "10.9.0.1", "port": "2881", "rootSysPassword": "x"})",
                        "COM10001", "port");
}

TEST(TakeoverTest, NewHostsWithoutHostInfoAreInvalidParameterNamingIt) {
  ExpectTakeoverRefused(R"({"address": "10.9.0.1", "port": 2881, "rootSysPassword": "x"})",
                        "COM10001", "hostInfo");
}

TEST(TakeoverTest, AnUnknownCredentialIdIsInvalidParameterNamingIt) {
  ExpectTakeoverRefused(Body(999), "COM10001", "hostInfo.credentialId");
}

TEST(TakeoverTest, AClusterNameHeldIsTakeoverClusterExists) {
  ExpectTakeoverRefused(Body(1, R"(, "clusterName": "obcluster-prod-hz")"), "OBE11034",
                        "Cluster obcluster-prod-hz:");
}

TEST(TakeoverTest, ASecondTakeoverWhileTheFirstRunsIsTakeoverClusterExists) {
  BundledApi h;
  const int64_t credential = AddCredential(h);
  ASSERT_EQ(200, h.Send("POST", kTakeOver, Body(credential)).status);
  const std::string before = TakeoverState(h);
  http::Response again = h.Send("POST", kTakeOver, Body(credential));
  EXPECT_EQ(400, again.status);
  EXPECT_THAT(again.body, HasSubstr("OBE11034"));
  EXPECT_THAT(again.body, HasSubstr("clusterName"));
  EXPECT_EQ(before, TakeoverState(h));
  // The pre-check says so too.
  EXPECT_FALSE(h.Json("POST", kPreCheck, kPreCheckBody)["data"]["result"]["valid"].GetBool());
}

TEST(TakeoverTest, ResetForgetsTheTakeover) {
  BundledApi h;
  const std::string before = TakeoverState(h);
  ASSERT_EQ(200, h.Send("POST", kTakeOver, Body(AddCredential(h))).status);
  h.Advance(60);
  EXPECT_TRUE(Listed(h, "obcluster"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_FALSE(Listed(h, "obcluster"));
  EXPECT_EQ(before, TakeoverState(h));
}

TEST(TakeoverTest, FaultRulesApplyAndTheRequestsAreJournaled) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", "/__mock/faults",
                        R"({"match": {"method": "POST", "path": "/api/v2/ob/clusters/takeOver"},
                            "action": {"type": "status", "status": 503}, "times": 1})")
                     .status);
  const int64_t credential = AddCredential(h);
  EXPECT_EQ(503, h.Send("POST", kTakeOver, Body(credential)).status);
  EXPECT_EQ(200, h.Send("POST", kTakeOver, Body(credential)).status);
  auto count = h.Json("GET", "/__mock/requests/count?path=/api/v2/ob/clusters/takeOver");
  EXPECT_EQ(2, count["data"]["count"].GetInt64());
}

TEST(TakeoverTest, EveryRouteNeedsAnAuthenticatedUserOnly) {
  const std::vector<auth::User> users = {{1, "nobody", "p", {}, {}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers nobody = {{"Authorization", "Basic bm9ib2R5OnA="}};  // nobody:p
  EXPECT_EQ(401, h.Send("POST", kPreCheck, kPreCheckBody).status);
  EXPECT_EQ(200, h.Send("POST", kPreCheck, kPreCheckBody, nobody).status);
  EXPECT_EQ(401, h.Send("POST", kTakeOver, Body(1)).status);
}

}  // namespace
}  // namespace mock::families
