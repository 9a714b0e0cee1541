// The parameter endpoints over HTTP requests (no sockets), on the bundled fixtures: each list in
// every version, valid against that version's schemas and built from the catalogue and the
// cluster's servers; a change round-trips; a reset puts the defaults back; each route's
// permission; a PUT is journaled. The refusals: parameters_refusal_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "mock/families/parameters/test_parameters_api.h"

namespace mock::families {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::ParametersApi;

using testing::kCluster1;
using testing::kTenant171;  // trade, MySQL

std::vector<std::string> ViolationsOf(const ParametersApi& h, const char* schema,
                                      const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText(schema, body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

// The item named `name` of a list answer.
const rapidjson::Value& ItemOf(const rapidjson::Document& list, const std::string& name) {
  for (const auto& item : list["data"]["contents"].GetArray()) {
    if (name == item["name"].GetString()) return item;
  }
  throw std::runtime_error("no item " + name);
}

std::string CurrentOf(const ParametersApi& h, const std::string& path, const std::string& name) {
  const rapidjson::Document list = h.Json("GET", path);
  const rapidjson::Value& current = ItemOf(list, name)["currentValue"];
  return current.IsString() ? current.GetString() : current["values"][0].GetString();
}

class EveryVersion : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryVersion, ClusterParametersAreTheCataloguesOnEachServerAndValid) {
  ParametersApi h(GetParam());
  http::Response r = h.Send("GET", kCluster1);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "cluster-parameter-list-response", r.body), IsEmpty());
  const rapidjson::Document list = json::ParseJson(r.body).value();
  EXPECT_EQ(27u, list["data"]["contents"].Size()) << "every CLUSTER row of fixtures/parameters";
  EXPECT_FALSE(list["data"].HasMember("page")) << "not paged, as every sample";
  const rapidjson::Value& p = ItemOf(list, "memory_limit_percentage");
  EXPECT_STREQ("80", p["defaultValue"].GetString());
  EXPECT_STREQ("INT", p["valueRange"]["type"].GetString());
  EXPECT_STREQ("10", p["valueRange"]["minValue"].GetString());
  EXPECT_TRUE(p["valueRange"]["allowedValues"].IsNull()) << "unset keys null, as the sample";
  EXPECT_STREQ("OBSERVER", p["section"].GetString());
  const rapidjson::Value& current = p["currentValue"];
  // Cluster 1 runs on hosts 1 to 3 (their services name it), all in its one zone.
  ASSERT_EQ(3u, current["obParameters"].Size());
  EXPECT_STREQ("10.0.0.2", current["obParameters"][1]["svrIp"].GetString());
  EXPECT_EQ(2882, current["obParameters"][1]["svrPort"].GetInt());
  EXPECT_STREQ("zone1", current["obParameters"][1]["zone"].GetString());
  EXPECT_STREQ("80", current["obParameters"][1]["value"].GetString());
  EXPECT_STREQ("10.0.0.3:2882", current["valueToServers"]["80"][2].GetString());
  EXPECT_TRUE(current["singleValueInCluster"].GetBool());
}

TEST_P(EveryVersion, TenantParametersAreTheTenantRowsItsModeReadsAndValid) {
  ParametersApi h(GetParam());
  http::Response r = h.Send("GET", kTenant171);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "tenant-parameter-list-response", r.body), IsEmpty());
  const rapidjson::Document list = json::ParseJson(r.body).value();
  // 11 tenant parameters and 17 system variables (ob_compatibility_mode once, the MySQL one).
  EXPECT_EQ(28u, list["data"]["contents"].Size());
  const rapidjson::Value& autocommit = ItemOf(list, "autocommit");
  EXPECT_STREQ("ON", autocommit["currentValue"].GetString());
  EXPECT_STREQ("OB_SYSTEM_VARIABLE", autocommit["parameterType"].GetString());
  EXPECT_STREQ("OFF,ON", autocommit["valueRange"]["allowedValues"].GetString());
  EXPECT_FALSE(autocommit["valueRange"].HasMember("minValue")) << "no null keys, as the sample";
  EXPECT_STREQ("MYSQL", ItemOf(list, "ob_compatibility_mode")["currentValue"].GetString());
  EXPECT_TRUE(ItemOf(list, "lower_case_table_names")["readonly"].GetBool());
  EXPECT_STREQ("OB_TENANT_PARAMETER", ItemOf(list, "undo_retention")["parameterType"].GetString());
}

INSTANTIATE_TEST_SUITE_P(Versions, EveryVersion,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

TEST(ParametersTest, AnOracleTenantReadsItsOwnCompatibilityMode) {
  ParametersApi h("4.2.2");
  const std::string oracle = "/api/v2/ob/clusters/1/tenants/169/parameters";  // zhiqiong
  EXPECT_EQ("ORACLE", CurrentOf(h, oracle, "ob_compatibility_mode"));
  EXPECT_EQ(28u, h.Json("GET", oracle)["data"]["contents"].Size());
}

TEST(ParametersTest, AClusterChangeRoundTripsToEveryServerAndOnlyThatCluster) {
  ParametersApi h;
  http::Response r = h.Send("PUT", kCluster1,
                            R"([{"name": "memory_limit_percentage", "value": "70"},
                                {"name": "syslog_io_bandwidth_limit", "value": "64MB"},
                                {"name": "enable_sql_audit", "value": false}])");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, "no-data-response", r.body), IsEmpty()) << "no data, as documented";
  const rapidjson::Document list = h.Json("GET", kCluster1);
  const rapidjson::Value& current = ItemOf(list, "memory_limit_percentage")["currentValue"];
  EXPECT_STREQ("70", current["values"][0].GetString());
  for (const auto& server : current["obParameters"].GetArray())
    EXPECT_STREQ("70", server["value"].GetString());
  EXPECT_EQ(3u, current["valueToServers"]["70"].Size());
  EXPECT_FALSE(current["valueToServers"].HasMember("80"));
  EXPECT_STREQ("80", ItemOf(list, "memory_limit_percentage")["defaultValue"].GetString());
  EXPECT_EQ("64MB", CurrentOf(h, kCluster1, "syslog_io_bandwidth_limit"));
  EXPECT_EQ("false", CurrentOf(h, kCluster1, "enable_sql_audit")) << "a Boolean as its text";
  EXPECT_EQ("80", CurrentOf(h, "/api/v2/ob/clusters/2/parameters", "memory_limit_percentage"));
}

// The lists are kept as last written (rendered_lists.h): one read before a change must not
// hide the change from the next.
TEST(ParametersTest, AListReadBeforeAChangeShowsTheChangeAfterIt) {
  ParametersApi h;
  EXPECT_EQ("80", CurrentOf(h, kCluster1, "memory_limit_percentage"));
  EXPECT_EQ("50", CurrentOf(h, kTenant171, "open_cursors"));
  ASSERT_EQ(
      200,
      h.Send("PUT", kCluster1, R"([{"name": "memory_limit_percentage", "value": "70"}])").status);
  ASSERT_EQ(200, h.Send("PUT", kTenant171, R"([{"name": "open_cursors", "value": "100"}])").status);
  EXPECT_EQ("70", CurrentOf(h, kCluster1, "memory_limit_percentage"));
  EXPECT_EQ("100", CurrentOf(h, kTenant171, "open_cursors"));
  const size_t before = h.Json("GET", kCluster1)["data"]["contents"].Size();
  ASSERT_EQ(200, h.Send("PUT", "/__mock/parameters/300",
                        R"({"name": "balancer_emergency_percentage", "scope": "CLUSTER", )"
                        R"("parameterType": "OB_CLUSTER_PARAMETER", "defaultValue": "80", )"
                        R"("valueRange": {"type": "INT", "minValue": "1", "maxValue": "100"}, )"
                        R"("editLevel": "DYNAMIC_EFFECTIVE", "description": "A test parameter"})")
                     .status);
  EXPECT_EQ(before + 1, h.Json("GET", kCluster1)["data"]["contents"].Size());
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=parameters").status);
  EXPECT_EQ(before, h.Json("GET", kCluster1)["data"]["contents"].Size());
  EXPECT_EQ("80", CurrentOf(h, kCluster1, "memory_limit_percentage"));
  EXPECT_EQ("50", CurrentOf(h, kTenant171, "open_cursors"));
}

TEST(ParametersTest, TheDocsNumberValueIsHeldAsItsText) {
  ParametersApi h;
  ASSERT_EQ(
      200,
      h.Send("PUT", kCluster1, R"([{"name": "memory_limit_percentage", "value": 75}])").status);
  EXPECT_EQ("75", CurrentOf(h, kCluster1, "memory_limit_percentage"));
  ASSERT_EQ(
      200,
      h.Send("PUT", kTenant171, R"([{"name": "cpu_quota_concurrency", "value": 2.5}])").status);
  EXPECT_EQ("2.5", CurrentOf(h, kTenant171, "cpu_quota_concurrency"));
}

TEST(ParametersTest, ATenantChangeAsTheMcpServerSendsItRoundTripsToThatTenantOnly) {
  ParametersApi h;
  // The MCP tool's body: json.dumps of name, value (a string) and parameterType.
  http::Response r = h.Send(
      "PUT", kTenant171,
      R"([{"name": "ob_query_timeout", "value": "20000000", "parameterType": "OB_SYSTEM_VARIABLE"}, )"
      R"({"name": "undo_retention", "value": "3600", "parameterType": "OB_TENANT_PARAMETER"}, )"
      R"({"name": "autocommit", "value": "OFF"}])",
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_EQ("20000000", CurrentOf(h, kTenant171, "ob_query_timeout"));
  EXPECT_EQ("3600", CurrentOf(h, kTenant171, "undo_retention"));
  EXPECT_EQ("OFF", CurrentOf(h, kTenant171, "autocommit"));
  const std::string sys = "/api/v2/ob/clusters/1/tenants/170/parameters";
  EXPECT_EQ("10000000", CurrentOf(h, sys, "ob_query_timeout"));
  EXPECT_EQ("80", CurrentOf(h, kCluster1, "memory_limit_percentage"));
}

TEST(ParametersTest, ANameGivenTwiceKeepsTheLastAndAnEmptyArrayChangesNothing) {
  ParametersApi h;
  ASSERT_EQ(200,
            h.Send("PUT", kCluster1,
                   R"([{"name": "cpu_count", "value": "8"}, {"name": "cpu_count", "value": "16"}])")
                .status);
  EXPECT_EQ("16", CurrentOf(h, kCluster1, "cpu_count"));
  const std::string before = h.Send("GET", kCluster1).body;
  ASSERT_EQ(200, h.Send("PUT", kCluster1, "[]").status);
  const std::string after = h.Send("GET", kCluster1).body;
  EXPECT_EQ(before.substr(0, before.find("\"duration\"")),
            after.substr(0, after.find("\"duration\"")));
}

TEST(ParametersTest, AResetPutsEveryDefaultBack) {
  ParametersApi h;
  ASSERT_EQ(200, h.Send("PUT", kCluster1, R"([{"name": "cpu_count", "value": "8"}])").status);
  ASSERT_EQ(200, h.Send("PUT", kTenant171, R"([{"name": "open_cursors", "value": "100"}])").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=parameters").status);
  EXPECT_EQ("0", CurrentOf(h, kCluster1, "cpu_count"));
  EXPECT_EQ("50", CurrentOf(h, kTenant171, "open_cursors"));
  ASSERT_EQ(200, h.Send("PUT", kCluster1, R"([{"name": "cpu_count", "value": "8"}])").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ("0", CurrentOf(h, kCluster1, "cpu_count"));
}

TEST(ParametersTest, ReadingNeedsClusterViewerAndChangingClusterManager) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kClusterViewer}, std::nullopt},
      {2, "manager", "p", {}, {auth::Permission::kClusterManager}, std::nullopt},
      {3, "hosts", "p", {}, {auth::Permission::kHostManager}, std::nullopt}};
  ParametersApi h("4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};   // viewer:p
  const http::Headers manager = {{"Authorization", "Basic bWFuYWdlcjpw"}};  // manager:p
  const http::Headers hosts = {{"Authorization", "Basic aG9zdHM6cA=="}};    // hosts:p
  const std::string body = R"([{"name": "cpu_count", "value": "4"}])";
  const std::string tenant_body = R"([{"name": "open_cursors", "value": "60"}])";
  for (const char* path : {kCluster1, kTenant171}) {
    EXPECT_EQ(401, h.Send("GET", path).status) << path;
    EXPECT_EQ(403, h.Send("GET", path, "", hosts).status) << path;
    EXPECT_EQ(200, h.Send("GET", path, "", viewer).status) << path;
    EXPECT_EQ(200, h.Send("GET", path, "", manager).status) << path << ": a manager may read";
    const std::string& b = std::string(path) == kCluster1 ? body : tenant_body;
    EXPECT_EQ(403, h.Send("PUT", path, b, viewer).status) << path;
    EXPECT_EQ(403, h.Send("PUT", path, b, hosts).status) << path;
  }
  // Refused ones changed nothing; the manager's change shows.
  auto cpu_count = [&] {
    const auto list = json::ParseJson(h.Send("GET", kCluster1, "", viewer).body).value();
    return std::string(ItemOf(list, "cpu_count")["currentValue"]["values"][0].GetString());
  };
  EXPECT_EQ("0", cpu_count());
  EXPECT_EQ(200, h.Send("PUT", kCluster1, body, manager).status);
  EXPECT_EQ(200, h.Send("PUT", kTenant171, tenant_body, manager).status);
  EXPECT_EQ("4", cpu_count());
}

TEST(ParametersTest, APutIsJournaledWithItsBodysSizeAndARefusalWithItsCode) {
  ParametersApi h;
  const std::string body = R"([{"name": "cpu_count", "value": "4"}])";
  ASSERT_EQ(200, h.Send("PUT", kCluster1, body, {{"Content-Type", "application/json"}}).status);
  ASSERT_EQ(400, h.Send("PUT", kCluster1, R"([{"name": "no_such", "value": "1"}])").status);
  const rapidjson::Document j = h.Json("GET", "/__mock/requests?method=PUT");
  ASSERT_EQ(2u, j["data"]["contents"].Size());
  const rapidjson::Value& refused = j["data"]["contents"][0];  // newest first
  const rapidjson::Value& done = j["data"]["contents"][1];
  EXPECT_STREQ(kCluster1, done["path"].GetString());
  EXPECT_EQ(200, done["status"].GetInt());
  EXPECT_EQ(body.size(), done["bodyBytes"].GetUint64());
  EXPECT_STREQ("application/json", done["contentType"].GetString());
  EXPECT_EQ(400, refused["status"].GetInt());
  EXPECT_STREQ("OBE31201", refused["errorCode"].GetString());
}

TEST(ParametersTest, EachClusterListsItsOwnServers) {
  ParametersApi h("4.2.0");  // cluster 2 on hosts 4 to 7 (host 7's file is 4.2.0's own)
  const rapidjson::Document list = h.Json("GET", "/api/v2/ob/clusters/2/parameters");
  std::vector<std::string> ips;
  for (const auto& s : ItemOf(list, "cpu_count")["currentValue"]["obParameters"].GetArray())
    ips.emplace_back(s["svrIp"].GetString());
  EXPECT_THAT(ips, ElementsAre("10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"));
}

// The servers each value is on are those the topology pages list (GET .../servers).
TEST(ParametersTest, TheServersAreThoseTheServerListShows) {
  ParametersApi h;
  for (int cluster : {1, 2, 4}) {
    const std::string base = "/api/v2/ob/clusters/" + std::to_string(cluster);
    std::set<std::string> listed, holding;
    // A named document: the loop would read a temporary's array after it is freed.
    const rapidjson::Document listed_answer = h.Json("GET", base + "/servers");
    for (const auto& s : listed_answer["data"]["contents"].GetArray()) {
      listed.insert(std::string(s["zoneName"].GetString()) + " " + s["ip"].GetString() + ":" +
                    std::to_string(s["port"].GetInt64()));
    }
    const auto list = h.Json("GET", base + "/parameters");
    for (const auto& s : ItemOf(list, "rpc_timeout")["currentValue"]["obParameters"].GetArray()) {
      holding.insert(std::string(s["zone"].GetString()) + " " + s["svrIp"].GetString() + ":" +
                     std::to_string(s["svrPort"].GetInt64()));
    }
    EXPECT_FALSE(listed.empty()) << cluster;
    EXPECT_EQ(listed, holding) << "cluster " << cluster;
  }
}

}  // namespace
}  // namespace mock::families
