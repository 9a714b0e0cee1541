// The tenant-object endpoints over HTTP requests (no sockets) on the bundled fixtures: each list
// and detail answers as its schema says, each refusal answers the version's code naming what was
// wrong, in the order tenant_objects_family.h gives; query parameters are ignored; the
// permission is CLUSTER_VIEWER.
#include "mock/families/tenant_objects/tenant_objects_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"
#include "mock/families/tenant_objects/test_tenant_objects.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::kFinTenant;
using testing::kTradeTenant;
using testing::NamesIn;

// The answer to `target` is a `status` refusal with `code`, naming `says`.
void ExpectRefused(const BundledApi& h, const std::string& target, int status,
                   const std::string& code, const std::string& says) {
  http::Response r = h.Send("GET", target);
  EXPECT_EQ(status, r.status) << target << ": " << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":" + code)) << target;
  EXPECT_THAT(r.body, HasSubstr(says)) << target;
  EXPECT_THAT(h.schemas().ValidateText("error-envelope", r.body), IsEmpty());
}

TEST(TenantObjectsTest, AMysqlTenantsDatabasesAreTheBuiltInOnesThenItsOwn) {
  BundledApi h;
  http::Response r = h.Send("GET", kTradeTenant + "/databases");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-database-list-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& dbs = d["data"]["contents"];
  EXPECT_THAT(NamesIn(dbs, "dbName"),
              ElementsAre("oceanbase", "information_schema", "mysql", "test", "trade_db"));
  EXPECT_FALSE(d["data"].HasMember("page")) << "no page is documented";
  EXPECT_EQ(201001, dbs[0]["id"].GetInt64()) << "OceanBase 4.x's inner database id";
  EXPECT_EQ(500001, dbs[3]["id"].GetInt64()) << "test: OceanBase 4.x's first user database";
  EXPECT_EQ(500002, dbs[4]["id"].GetInt64());
  EXPECT_STREQ("2024-03-02T23:19:00.03+08:00", dbs[0]["createTime"].GetString())
      << "the tenant's createTime";
  EXPECT_STREQ("jdbc:mysql://10.0.0.4:2881/trade_db",
               dbs[4]["connectionUrls"][0]["connectionString"].GetString())
      << "cluster 2's first host";
  EXPECT_STREQ("DIRECT", dbs[4]["connectionUrls"][0]["type"].GetString());
  EXPECT_STREQ("utf8mb4_bin", dbs[4]["collation"].GetString()) << "the row's own";
  EXPECT_STREQ("utf8mb4_general_ci", dbs[0]["collation"].GetString()) << "the tenant's";
}

TEST(TenantObjectsTest, UsersAreListedAndOneIsFoundByItsExactName) {
  BundledApi h;
  http::Response r = h.Send("GET", kTradeTenant + "/users");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-user-list-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_THAT(NamesIn(d["data"]["contents"], "username"),
              ElementsAre("root", "trade_app", "trade_ro"));
  http::Response one = h.Send("GET", kTradeTenant + "/users/trade_app");
  ASSERT_EQ(200, one.status) << one.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-user-response", one.body), IsEmpty());
  auto u = json::ParseJson(one.body).value();
  EXPECT_TRUE(u["data"] == d["data"]["contents"][1]) << "the detail is the list's element";
  EXPECT_EQ(404, h.Send("GET", kTradeTenant + "/users/TRADE_APP").status) << "names are exact";
}

TEST(TenantObjectsTest, AnOracleTenantsRolesUsersAndObjectsAreListed) {
  BundledApi h;
  auto roles = h.Json("GET", kFinTenant + "/roles");
  EXPECT_THAT(NamesIn(roles["data"]["contents"], "name"),
              ElementsAre("CONNECT", "RESOURCE", "DBA", "PUBLIC", "FIN_READER"));
  auto users = h.Json("GET", kFinTenant + "/users");
  EXPECT_THAT(NamesIn(users["data"]["contents"], "username"),
              ElementsAre("SYS", "FIN", "FIN_REPORT"));
  http::Response objects = h.Send("GET", kFinTenant + "/objects");
  ASSERT_EQ(200, objects.status) << objects.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-db-object-list-response", objects.body), IsEmpty());
  auto o = json::ParseJson(objects.body).value();
  EXPECT_THAT(NamesIn(o["data"]["contents"], "fullName"),
              ElementsAre("FIN.LEDGER", "FIN.ACCOUNT", "FIN.V_BALANCE", "FIN.CLOSE_MONTH"));
  http::Response role = h.Send("GET", kFinTenant + "/roles/FIN_READER");
  ASSERT_EQ(200, role.status) << role.body;
  EXPECT_THAT(h.schemas().ValidateText("tenant-role-response", role.body), IsEmpty());
}

TEST(TenantObjectsTest, QueryParametersAreIgnoredAsSpringIgnoresUnboundOnes) {
  BundledApi h;
  const std::string plain = h.Send("GET", kTradeTenant + "/users/root").body;
  const auto data = [](const std::string& body) {
    return body.substr(0, body.find(",\"duration"));
  };
  // The docs' sample request repeats the path's variables; the MCP server adds hostName.
  for (const char* query : {"?id=2&tenantId=202&username=root", "?hostName=%25", "?hostName=10.%25",
                            "?hostName=", "?page=2&size=1"}) {
    http::Response r = h.Send("GET", kTradeTenant + "/users/root" + query);
    EXPECT_EQ(200, r.status) << query;
    EXPECT_EQ(data(plain), data(r.body)) << query;
  }
  EXPECT_EQ(5u,
            h.Json("GET", kTradeTenant + "/databases?page=1&size=1")["data"]["contents"].Size());
}

TEST(TenantObjectsTest, AnUnknownClusterIsClusterNotFound) {
  BundledApi h;
  for (const char* tail :
       {"/databases", "/users", "/users/root", "/roles", "/roles/DBA", "/objects"}) {
    ExpectRefused(h, std::string("/api/v2/ob/clusters/99/tenants/202") + tail, 404, "\"OBE11001\"",
                  "99");
  }
}

TEST(TenantObjectsTest, AnUnknownTenantOrOneOfAnotherClusterIsRecordNotFound) {
  BundledApi h;
  for (const char* tail :
       {"/databases", "/users", "/users/root", "/roles", "/roles/DBA", "/objects"}) {
    ExpectRefused(h, std::string("/api/v2/ob/clusters/2/tenants/999") + tail, 404, "\"COM10002\"",
                  "OB_TENANT");
    ExpectRefused(h, std::string("/api/v2/ob/clusters/1/tenants/202") + tail, 404, "\"COM10002\"",
                  "id=202");
  }
}

TEST(TenantObjectsTest, AnOracleTenantHasNoDatabasesPage) {
  BundledApi h;
  ExpectRefused(h, kFinTenant + "/databases", 400, "\"OBE61006\"", "ORA_FIN");
}

TEST(TenantObjectsTest, AMysqlTenantHasNoRolesOrObjectsPages) {
  BundledApi h;
  for (const char* tail : {"/roles", "/roles/DBA", "/objects"}) {
    ExpectRefused(h, kTradeTenant + tail, 400, "\"OBE62006\"", "MySQL tenants");
  }
}

TEST(TenantObjectsTest, AnUnknownUserOrRoleIsItsOwnNotFoundNamingIt) {
  BundledApi h;
  ExpectRefused(h, kTradeTenant + "/users/nobody", 404, "\"OBE62002\"", "The nobody user");
  ExpectRefused(h, kFinTenant + "/roles/NO_ROLE", 404, "\"OBE62102\"", "The NO_ROLE role");
  ExpectRefused(h, kFinTenant + "/users/sys", 404, "\"OBE62002\"", "sys");  // Oracle's is SYS
}

TEST(TenantObjectsTest, APathIdThatIsNotANumberIsInvalidParameterNamingIt) {
  BundledApi h;
  ExpectRefused(h, "/api/v2/ob/clusters/2/tenants/trade/users", 400, "\"COM10001\"", "tenantId");
}

// Each version's codes (docs/reference/ocp-tenant-objects-and-obproxy.md §10).
struct VersionCodes {
  std::string version;
  std::string user, role, oracle_only, mysql_only, cluster;
};
void PrintTo(const VersionCodes& v, std::ostream* os) { *os << "OCP " << v.version; }

class TenantObjectsVersions : public ::testing::TestWithParam<VersionCodes> {};

TEST_P(TenantObjectsVersions, EachRefusalAnswersTheVersionsCode) {
  const VersionCodes& v = GetParam();
  BundledApi h(v.version);
  ExpectRefused(h, kTradeTenant + "/users/nobody", 404, v.user, "nobody");
  ExpectRefused(h, kTradeTenant + "/roles", 400, v.mysql_only, "MySQL");
  ExpectRefused(h, "/api/v2/ob/clusters/99/tenants/202/users", 404, v.cluster, "99");
  if (v.version == "4.2.0") return;  // no Oracle tenant: its docs know none
  ExpectRefused(h, kFinTenant + "/roles/NO_ROLE", 404, v.role, "NO_ROLE");
  ExpectRefused(h, kFinTenant + "/databases", 400, v.oracle_only, "Oracle");
}

TEST_P(TenantObjectsVersions, EveryAnswerValidatesAgainstTheVersionsSchemas) {
  BundledApi h(GetParam().version);
  const std::string oracle = GetParam().version == "4.2.0" ? kTradeTenant : kFinTenant;
  const std::vector<std::pair<std::string, std::string>> pages = {
      {kTradeTenant + "/databases", "tenant-database-list-response"},
      {kTradeTenant + "/users", "tenant-user-list-response"},
      {kTradeTenant + "/users/root", "tenant-user-response"},
      {"/api/v2/ob/clusters/1/tenants/170/users", "tenant-user-list-response"}};
  for (const auto& [target, schema] : pages) {
    http::Response r = h.Send("GET", target);
    ASSERT_EQ(200, r.status) << target << ": " << r.body;
    EXPECT_THAT(h.schemas().ValidateText(schema, r.body), IsEmpty()) << target;
  }
  if (GetParam().version == "4.2.0") return;
  for (const auto& [target, schema] : std::vector<std::pair<std::string, std::string>>{
           {kFinTenant + "/users", "tenant-user-list-response"},
           {kFinTenant + "/roles", "tenant-role-list-response"},
           {kFinTenant + "/roles/DBA", "tenant-role-response"},
           {kFinTenant + "/objects", "tenant-db-object-list-response"}}) {
    http::Response r = h.Send("GET", target);
    ASSERT_EQ(200, r.status) << target << ": " << r.body;
    EXPECT_THAT(h.schemas().ValidateText(schema, r.body), IsEmpty()) << target;
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryVersion, TenantObjectsVersions,
    ::testing::Values(VersionCodes{"3.1.1", "15252", "1002", "15206", "1003", "11001"},
                      VersionCodes{"4.0.0", "15252", "15302", "15206", "15256", "11001"},
                      VersionCodes{"4.0.3", "15252", "15302", "15206", "15256", "11001"},
                      VersionCodes{"4.2.0", "15252", "15302", "15206", "15256", "11001"},
                      VersionCodes{"4.2.1", "15252", "15302", "15206", "15256", "11001"},
                      VersionCodes{"4.2.2", "\"OBE62002\"", "\"OBE62102\"", "\"OBE61006\"",
                                   "\"OBE62006\"", "\"OBE11001\""}),
    [](const auto& param_info) {
      std::string name = "v" + param_info.param.version;
      for (char& c : name) c = c == '.' ? '_' : c;
      return name;
    });

// CLUSTER_VIEWER, the read permission on tenants (§2.1), for every page.
TEST(TenantObjectsTest, EachPageAsksForClusterViewer) {
  using auth::Permission;
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {Permission::kTaskViewer}, std::nullopt},
      {2, "viewer", "p", {}, {Permission::kClusterViewer}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const auto as = [&](const char* basic, const std::string& target) {
    return h.Send("GET", target, "", {{"Authorization", std::string("Basic ") + basic}});
  };
  const char* tasks = "dGFza3M6cA==";   // tasks:p
  const char* viewer = "dmlld2VyOnA=";  // viewer:p
  for (const std::string& target :
       {kTradeTenant + "/databases", kTradeTenant + "/users", kTradeTenant + "/users/root",
        kFinTenant + "/roles", kFinTenant + "/roles/DBA", kFinTenant + "/objects"}) {
    EXPECT_EQ(403, as(tasks, target).status) << target;
    EXPECT_EQ(200, as(viewer, target).status) << target;
    EXPECT_EQ(401, h.Send("GET", target).status) << target;
  }
}

}  // namespace
}  // namespace mock::families

namespace mock::families {
namespace {

// One world (issue 27): the address a tenant's connection strings name is the address of its
// cluster's first OBServer (server ids follow host ids) as GET .../servers lists them.
TEST(TenantObjectsTest, ConnectionStringsNameTheClustersFirstServer) {
  BundledApi h;
  for (const auto& [cluster, tenant] : {std::pair{1, 170}, {2, 202}, {5, 502}}) {
    const std::string at = "/api/v2/ob/clusters/" + std::to_string(cluster);
    const rapidjson::Document servers = h.Json("GET", at + "/servers");
    const rapidjson::Value* first = nullptr;
    for (const auto& s : servers["data"]["contents"].GetArray()) {
      if (first == nullptr || s["id"].GetInt64() < (*first)["id"].GetInt64()) first = &s;
    }
    ASSERT_NE(nullptr, first) << at;
    const rapidjson::Document users =
        h.Json("GET", at + "/tenants/" + std::to_string(tenant) + "/users");
    const std::string said =
        users["data"]["contents"][0]["connectionStrings"][0]["connectionString"].GetString();
    EXPECT_THAT(said, HasSubstr(std::string(" -h") + (*first)["ip"].GetString() + " -P2881")) << at;
  }
}

// A name of 64 bytes or more is quoted cut to a character, never inside one: the answer stays
// UTF-8 (the fuzzers found the same cut on the SQL pages, 2026-12-05).
TEST(TenantObjectsTest, ALongUnknownNameIsQuotedCutOnACharacterBoundary) {
  BundledApi h;
  const std::string name = std::string(63, 'a') + "%C3%A9" + "zzz";  // U+00E9 at bytes 63-64
  for (const std::string& path : {kTradeTenant + "/users/" + name, kFinTenant + "/roles/" + name}) {
    const http::Response r = h.Send("GET", path);
    EXPECT_EQ(404, r.status) << path;
    EXPECT_TRUE(json::ParseJson(r.body).ok()) << path << ": " << r.body;
    EXPECT_NE(std::string::npos, r.body.find(std::string(63, 'a') + "...")) << r.body;
  }
}

}  // namespace
}  // namespace mock::families
