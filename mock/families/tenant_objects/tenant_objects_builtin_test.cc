// The objects every tenant has from the moment it shows, derived from the tenant alone
// (builtin_objects.h): a MySQL tenant's databases and root (and proxyro in sys), an Oracle
// tenant's SYS and roles, each as the documented samples give them; a tenant created through
// the API has them too, and a tenant that goes takes them with it.
#include "mock/families/tenant_objects/builtin_objects.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"
#include "mock/families/tenant_objects/tenant_facts.h"
#include "mock/families/tenant_objects/test_tenant_objects.h"
#include "mock/testing/test_paths.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::kReportTenant;
using testing::kSysTenant;
using testing::NamesIn;
using testing::SampleDocument;

TEST(TenantObjectsBuiltinTest, TheSysTenantHasRootAndProxyro) {
  BundledApi h;
  auto users = h.Json("GET", kSysTenant + "/users");
  const auto& list = users["data"]["contents"];
  EXPECT_THAT(NamesIn(list, "username"), ElementsAre("root", "proxyro"));
  const auto& root = list[0];
  EXPECT_STREQ("mysql -h10.0.0.1 -P2881 -uroot@sys -p",
               root["connectionStrings"][0]["connectionString"].GetString());
  EXPECT_THAT(NamesIn(list, "createTime"),
              ElementsAre("2024-03-02T02:30:00.68+08:00", "2024-03-02T02:30:00.68+08:00"));
  const auto& proxyro = list[1];
  ASSERT_EQ(1u, proxyro["dbPrivileges"].Size());
  EXPECT_STREQ("oceanbase", proxyro["dbPrivileges"][0]["dbName"].GetString());
  EXPECT_STREQ("SELECT", proxyro["dbPrivileges"][0]["privileges"][0].GetString());
}

TEST(TenantObjectsBuiltinTest, RootHasTheSamplesPrivilegesAndReachesEveryDatabase) {
  BundledApi h;
  auto users = h.Json("GET", "/api/v2/ob/clusters/2/tenants/202/users/root");
  const auto& root = users["data"];
  const auto sample = SampleDocument("tenant-user-4.2.2.json");
  EXPECT_TRUE(root["globalPrivileges"] == sample["data"]["globalPrivileges"]);
  EXPECT_TRUE(root["dbPrivileges"] == sample["data"]["dbPrivileges"]);
  EXPECT_FALSE(root["isLocked"].GetBool());
  std::vector<std::string> reach;
  for (const auto& db : root["accessibleDatabases"].GetArray()) reach.emplace_back(db.GetString());
  EXPECT_THAT(reach, ElementsAre("oceanbase", "information_schema", "mysql", "test", "trade_db"));
  EXPECT_FALSE(root.HasMember("grantedRoles")) << "Oracle tenants' only";
  EXPECT_FALSE(root.HasMember("objectPrivileges")) << "Oracle tenants' only";
  EXPECT_STREQ("2024-03-02T23:19:00.03+08:00", root["createTime"].GetString());
}

TEST(TenantObjectsBuiltinTest, AnOracleTenantHasSysAndTheSamplesFourRoles) {
  BundledApi h;
  auto users = h.Json("GET", kReportTenant + "/users");
  ASSERT_THAT(NamesIn(users["data"]["contents"], "username"), ElementsAre("SYS"));
  const auto& sys = users["data"]["contents"][0];
  EXPECT_FALSE(sys.HasMember("dbPrivileges")) << "MySQL tenants' only";
  EXPECT_FALSE(sys.HasMember("accessibleDatabases")) << "MySQL tenants' only";
  EXPECT_TRUE(sys["grantedRoles"].IsArray());
  EXPECT_STREQ("obclient -h10.0.0.13 -P2881 -uSYS@report_ora -p",
               sys["connectionStrings"][0]["connectionString"].GetString());

  auto roles = h.Json("GET", kReportTenant + "/roles");
  const auto sample = SampleDocument("tenant-roles-4.2.2.json");
  const auto& ours = roles["data"]["contents"];
  const auto& documented = sample["data"]["contents"];
  ASSERT_EQ(documented.Size(), ours.Size());
  for (rapidjson::SizeType i = 0; i < ours.Size(); ++i) {
    EXPECT_STREQ(documented[i]["name"].GetString(), ours[i]["name"].GetString());
    for (const char* field :
         {"globalPrivileges", "grantedRoles", "objectPrivileges", "roleGrantees", "userGrantees"}) {
      EXPECT_TRUE(ours[i][field] == documented[i][field]) << i << " " << field;
    }
    EXPECT_STREQ("2024-03-02T06:06:00+08:00", ours[i]["createTime"].GetString());
    EXPECT_STREQ("2024-03-02T06:06:00+08:00", ours[i]["updateTime"].GetString());
  }
  EXPECT_TRUE(sys["globalPrivileges"] == documented[2]["globalPrivileges"]) << "DBA's";
  EXPECT_EQ(0u, h.Json("GET", kReportTenant + "/objects")["data"]["contents"].Size());
}

TEST(TenantObjectsBuiltinTest, OceanBase3TenantsGetThe3xIdsOfTheSample) {
  // The sample's tenant: observer tenant 1001 of an OceanBase 3 cluster (§5.4).
  const auto tenant = entities::MakeDoc(
      json::ParseJson(
          R"({"name": "mysql1", "mode": "MYSQL", "obTenantId": 1001, "obVersion": "3.2.3.3",
          "createTime": "2021-09-06T11:38:44.51598+08:00"})")
          .value());
  const auto cluster =
      entities::MakeDoc(json::ParseJson(R"({"name": "c", "obClusterId": 1})").value());
  const auto facts = tenant_objects::FactsOf({1000001, tenant, "test"}, {1, cluster, "test"}, "");
  const auto dbs = tenant_objects::BuiltinDatabases(facts);
  const auto sample = SampleDocument("tenant-databases-4.2.2.json");
  ASSERT_EQ(4u, dbs.size());
  for (rapidjson::SizeType i = 0; i < 4; ++i) {
    EXPECT_EQ(sample["data"]["contents"][i]["id"].GetInt64(), (*dbs[i])["id"].GetInt64()) << i;
    EXPECT_STREQ(sample["data"]["contents"][i]["dbName"].GetString(),
                 (*dbs[i])["dbName"].GetString());
  }
  EXPECT_EQ(1100611139404777, tenant_objects::ExtraDatabaseId(facts, 1));
  EXPECT_STREQ("jdbc:mysql://127.0.0.1:2881/oceanbase",
               (*dbs[0])["connectionUrls"][0]["connectionString"].GetString())
      << "no host runs the cluster";
}

TEST(TenantObjectsBuiltinTest, ATenantCreatedThroughTheApiHasThemOnceItShows) {
  BundledApi h;
  const std::string body = R"({"name": "pay", "mode": "ORACLE", "rootPassword": "xxxxx",
      "zones": [{"name": "zone1", "replicaType": "FULL",
                 "resourcePool": {"unitSpecName": "S1", "unitCount": 1}}]})";
  auto task = h.Json("POST", "/api/v2/ob/clusters/2/tenants/createTenant", body);
  int64_t id = 0;
  // A named document: the loop would read a temporary's array after it is freed.
  const rapidjson::Document listed_answer = h.Json("GET", "/api/v2/ob/clusters/2/tenants?size=100");
  for (const auto& t : listed_answer["data"]["contents"].GetArray()) {
    if (std::string("pay") == t["name"].GetString()) id = t["id"].GetInt64();
  }
  ASSERT_NE(0, id) << "a CREATING tenant shows";
  const std::string tenant = "/api/v2/ob/clusters/2/tenants/" + std::to_string(id);
  auto users = h.Json("GET", tenant + "/users");
  EXPECT_THAT(NamesIn(users["data"]["contents"], "username"), ElementsAre("SYS"));
  EXPECT_EQ(4u, h.Json("GET", tenant + "/roles")["data"]["contents"].Size());
  const std::string created = h.Json("GET", tenant)["data"]["createTime"].GetString();
  EXPECT_EQ(created, users["data"]["contents"][0]["createTime"].GetString());
  h.Advance(86400);
  EXPECT_STREQ("SUCCESSFUL",
               h.Json("GET", "/api/v2/tasks/" +
                                 std::to_string(task["data"]["id"].GetInt64()))["data"]["status"]
                   .GetString());
  EXPECT_EQ(200, h.Send("GET", tenant + "/roles/DBA").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(404, h.Send("GET", tenant + "/users").status) << "gone with its tenant";
}

TEST(TenantObjectsBuiltinTest, AMysqlTenantCreatedThroughTheApiHasTheFourDatabases) {
  BundledApi h;
  const std::string body = R"({"name": "shop", "mode": "MYSQL", "rootPassword": "xxxxx",
      "zones": [{"name": "zone1", "replicaType": "FULL",
                 "resourcePool": {"unitSpecName": "S1", "unitCount": 1}}]})";
  ASSERT_EQ(200, h.Send("POST", "/api/v2/ob/clusters/2/tenants/createTenant", body).status);
  int64_t id = 0;
  // A named document: the loop would read a temporary's array after it is freed.
  const rapidjson::Document listed_answer = h.Json("GET", "/api/v2/ob/clusters/2/tenants?size=100");
  for (const auto& t : listed_answer["data"]["contents"].GetArray()) {
    if (std::string("shop") == t["name"].GetString()) id = t["id"].GetInt64();
  }
  const std::string tenant = "/api/v2/ob/clusters/2/tenants/" + std::to_string(id);
  http::Response r = h.Send("GET", tenant + "/databases");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-database-list-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_THAT(NamesIn(d["data"]["contents"], "dbName"),
              ElementsAre("oceanbase", "information_schema", "mysql", "test"));
  EXPECT_EQ(200, h.Send("GET", tenant + "/users/root").status);
  EXPECT_EQ(404, h.Send("GET", tenant + "/users/proxyro").status) << "the sys tenant's only";
}

TEST(TenantObjectsBuiltinTest, ADeletedTenantsObjectsGoWithIt) {
  BundledApi h;
  const std::string trade = "/api/v2/ob/clusters/2/tenants/202";
  ASSERT_EQ(200, h.Send("DELETE", trade).status);
  h.Advance(86400);
  EXPECT_EQ(404, h.Send("GET", trade).status);
  http::Response r = h.Send("GET", trade + "/databases");
  EXPECT_EQ(404, r.status) << r.body;
}

}  // namespace
}  // namespace mock::families
