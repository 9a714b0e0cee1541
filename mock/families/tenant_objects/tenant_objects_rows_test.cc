// The rows of fixtures/tenant-objects/ and /__mock/tenantObjects (tenant_items.h): what a row
// adds or changes, the defaults it gets from its tenant, what a refused row leaves (nothing),
// reset and reload; and the bundled rows' world agrees with the documented samples.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"
#include "mock/families/tenant_objects/test_tenant_objects.h"
#include "mock/testing/test_paths.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::kTradeTenant;
using testing::kZhiqiongTenant;
using testing::NamesIn;
using testing::SampleDocument;

std::string Rows(const BundledApi& h) {
  const std::string body = h.Send("GET", "/__mock/tenantObjects").body;
  return body.substr(0, body.find(",\"duration\""));
}

TEST(TenantObjectsRowsTest, ANewUserGetsItsTenantsDefaults) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/500", R"({"clusterId": 2, "tenantId": 202,
      "user": {"username": "audit", "dbPrivileges": [{"dbName": "trade_db",
                                                       "privileges": ["SELECT"]}]}})")
                     .status);
  http::Response r = h.Send("GET", kTradeTenant + "/users/audit");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-user-response", r.body), IsEmpty());
  auto u = json::ParseJson(r.body).value();
  EXPECT_STREQ("trade_db", u["data"]["accessibleDatabases"][0].GetString())
      << "what its dbPrivileges name";
  EXPECT_STREQ("2024-03-02T23:19:00.03+08:00", u["data"]["createTime"].GetString());
  EXPECT_FALSE(u["data"]["isLocked"].GetBool());
  EXPECT_EQ(0u, u["data"]["globalPrivileges"].Size());
  EXPECT_STREQ("mysql -h10.0.0.4 -P2881 -uaudit@trade -p",
               u["data"]["connectionStrings"][0]["connectionString"].GetString());
  auto users = h.Json("GET", kTradeTenant + "/users");
  EXPECT_THAT(NamesIn(users["data"]["contents"], "username"),
              ElementsAre("root", "trade_app", "trade_ro", "audit"))
      << "rows by id, after the built-in ones";
}

TEST(TenantObjectsRowsTest, ARowNamingABuiltInChangesOnlyTheFieldsItGives) {
  BundledApi h;
  const auto before = h.Json("GET", kTradeTenant + "/users/root");
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/500",
                        R"({"clusterId": 2, "tenantId": 202,
                            "user": {"username": "root", "isLocked": true}})")
                     .status);
  auto users = h.Json("GET", kTradeTenant + "/users");
  EXPECT_THAT(NamesIn(users["data"]["contents"], "username"),
              ElementsAre("root", "trade_app", "trade_ro"))
      << "in its place";
  const auto& root = users["data"]["contents"][0];
  EXPECT_TRUE(root["isLocked"].GetBool());
  EXPECT_TRUE(root["globalPrivileges"] == before["data"]["globalPrivileges"]);
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/501",
                        R"({"clusterId": 2, "tenantId": 202,
                            "database": {"dbName": "test", "readonly": true}})")
                     .status);
  auto dbs = h.Json("GET", kTradeTenant + "/databases");
  EXPECT_EQ(500001, dbs["data"]["contents"][3]["id"].GetInt64()) << "test keeps its id";
  EXPECT_TRUE(dbs["data"]["contents"][3]["readonly"].GetBool());
}

TEST(TenantObjectsRowsTest, ANewDatabaseAndRoleGetTheirDefaults) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/500",
                        R"({"clusterId": 2, "tenantId": 202, "database": {"dbName": "b"}})")
                     .status);
  auto dbs = h.Json("GET", kTradeTenant + "/databases");
  ASSERT_EQ(6u, dbs["data"]["contents"].Size());
  EXPECT_EQ(500003, dbs["data"]["contents"][5]["id"].GetInt64()) << "after trade_db's 500002";
  EXPECT_FALSE(dbs["data"]["contents"][5]["readonly"].GetBool());
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/501",
                        R"({"clusterId": 2, "tenantId": 203, "role": {"name": "R",
                            "createTime": "2024-05-01T08:00:00+08:00"}})")
                     .status);
  auto role = h.Json("GET", "/api/v2/ob/clusters/2/tenants/203/roles/R");
  EXPECT_STREQ("2024-05-01T08:00:00+08:00", role["data"]["updateTime"].GetString())
      << "not updated since its creation";
  EXPECT_EQ(0u, role["data"]["userGrantees"].Size());
}

TEST(TenantObjectsRowsTest, ARowOfAnotherClusterOrTenantIsNotServedHere) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/500",
                        R"({"clusterId": 1, "tenantId": 202, "database": {"dbName": "x"}})")
                     .status);
  EXPECT_EQ(5u, h.Json("GET", kTradeTenant + "/databases")["data"]["contents"].Size());
}

TEST(TenantObjectsRowsTest, ARefusedRowChangesNothingAndSaysWhy) {
  BundledApi h;
  const std::string before = Rows(h);
  const std::vector<std::pair<std::string, std::string>> refused = {
      {R"({"clusterId": 2, "tenantId": 202})", R"(missing required field "database")"},
      {R"({"clusterId": 2, "tenantId": 202, "database": {"dbName": "a"},
           "user": {"username": "b"}})",
       R"(matches more than one)"},
      {R"({"clusterId": 2, "tenantId": 202, "database": {"charset": "utf8mb4"}})",
       R"(/database: missing required field "dbName")"},
      {R"({"clusterId": 2, "tenantId": 202, "user": {"username": "u", "locked": true}})",
       R"(/user: unknown field "locked")"},
      {R"({"clusterId": 2, "tenantId": 202, "object": {"objectType": "INDEX",
           "objectName": "I", "schemaName": "S"}})",
       R"(/object/objectType)"},
      {R"({"tenantId": 202, "database": {"dbName": "a"}})",
       R"(missing required field "clusterId")"},
      {"{", "not JSON"}};
  for (const auto& [body, says] : refused) {
    http::Response r = h.Send("PUT", "/__mock/tenantObjects/500", body);
    EXPECT_EQ(400, r.status) << body << ": " << r.body;
    auto answer = json::ParseJson(r.body);
    ASSERT_TRUE(answer.ok()) << r.body;
    EXPECT_THAT(answer.value()["error"]["message"].GetString(), HasSubstr(says)) << body;
  }
  EXPECT_EQ(before, Rows(h));
}

TEST(TenantObjectsRowsTest, TheMockRoutesResetAndReloadComeFromTheResourcePattern) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", "/__mock/tenantObjects/5").status);  // trade_db
  EXPECT_EQ(4u, h.Json("GET", kTradeTenant + "/databases")["data"]["contents"].Size());
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/tenantObjects/5").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=tenantObjects").status);
  EXPECT_EQ(5u, h.Json("GET", kTradeTenant + "/databases")["data"]["contents"].Size());
  ASSERT_EQ(200, h.Send("PUT", "/__mock/tenantObjects/500",
                        R"({"clusterId": 2, "tenantId": 202, "database": {"dbName": "x"}})")
                     .status);
  http::Response r = h.Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("tenantObjects":26)"));
  EXPECT_EQ(5u, h.Json("GET", kTradeTenant + "/databases")["data"]["contents"].Size());
}

TEST(TenantObjectsRowsTest, Version420ReadsNoOracleRows) {
  BundledApi h("4.2.0");
  auto rows = h.Json("GET", "/__mock/tenantObjects");
  EXPECT_EQ(8u, rows["data"].Size()) << "10-mysql-tenants.json only";
}

// Tenant 169 holds the docs' own samples (fixtures/tenant-objects/11-oracle-tenants.json).
TEST(TenantObjectsRowsTest, ZhiqiongHoldsTheDocumentedRoleAndObjects) {
  BundledApi h;
  const auto role = h.Json("GET", kZhiqiongTenant + "/roles/ROLE1");
  EXPECT_TRUE(role["data"] == SampleDocument("tenant-role-4.2.2.json")["data"]);
  const auto objects = h.Json("GET", kZhiqiongTenant + "/objects");
  EXPECT_TRUE(objects["data"] == SampleDocument("tenant-objects-4.2.2.json")["data"]);
  // The grants agree both ways: ROLE1 is granted to SYS and holds CONNECT and PUBLIC.
  const auto sys = h.Json("GET", kZhiqiongTenant + "/users/SYS");
  EXPECT_STREQ("ROLE1", sys["data"]["grantedRoles"][0].GetString());
  const auto connect = h.Json("GET", kZhiqiongTenant + "/roles/CONNECT");
  EXPECT_STREQ("ROLE1", connect["data"]["roleGrantees"][0].GetString());
  EXPECT_EQ(1u, connect["data"]["globalPrivileges"].Size()) << "CREATE_SESSION kept";
}

}  // namespace
}  // namespace mock::families
