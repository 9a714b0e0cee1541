// The topology pages through the whole API on the bundled fixtures (docs/topology.md): each
// answers the documented shape, schema-valid, with what the entities imply; the filters; every
// refusal with OCP's code for the version; the permissions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mock/api/test_bundled_api.h"
#include "mock/families/topology/test_topology.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using topology_test::Each;
using topology_test::kC2;

// `target`'s answer, checked against `schema`; its data.
rapidjson::Document Valid(const BundledApi& h, const std::string& target,
                          const std::string& schema) {
  const http::Response r = h.Send("GET", target);
  EXPECT_EQ(200, r.status) << target << ": " << r.body;
  EXPECT_THAT(h.schemas().ValidateText(schema, r.body), IsEmpty()) << target;
  return json::ParseJson(r.body).value();
}

TEST(TopologyTest, ZonesAreTheClustersEachWithItsServersAndRootServer) {
  BundledApi h;
  const auto d = Valid(h, kC2 + "/zones", "ob-zone-list-response");
  EXPECT_FALSE(d["data"].HasMember("page")) << "as every sample: no page";
  ASSERT_EQ(1u, d["data"]["contents"].Size());
  const auto& z = d["data"]["contents"][0];
  EXPECT_STREQ("zone1", z["name"].GetString());
  EXPECT_STREQ("idc1", z["idcName"].GetString());
  EXPECT_STREQ("region1", z["regionName"].GetString());
  EXPECT_EQ(1, z["idcId"].GetInt64());
  EXPECT_EQ(2, z["clusterId"].GetInt64());
  EXPECT_EQ(100002, z["obClusterId"].GetInt64());
  EXPECT_EQ(4, z["serverCount"].GetInt64());
  EXPECT_EQ(4, z["hostCount"].GetInt64());
  EXPECT_STREQ("RUNNING", z["status"].GetString());
  EXPECT_STREQ("IDLE", z["compactionStatus"].GetString());
  EXPECT_STREQ("10.0.0.4:2882", z["rootServer"]["address"].GetString());
  EXPECT_STREQ("LEADER", z["rootServer"]["role"].GetString());
  EXPECT_EQ(2881, z["rootServer"]["sql_port"].GetInt64());
  ASSERT_EQ(4u, z["servers"].Size());
  EXPECT_TRUE(z["servers"][0]["withRootserver"].GetBool());
  EXPECT_FALSE(z["servers"][1]["withRootserver"].GetBool());
}

TEST(TopologyTest, ServersAreOnePerHostServingTheClusterAtItsAddress) {
  BundledApi h;
  const auto d = Valid(h, kC2 + "/servers", "ob-server-list-response");
  EXPECT_THAT(Each<int64_t>(d, "id"), ElementsAre(2000004, 2000005, 2000006, 2000007));
  EXPECT_THAT(Each<int64_t>(d, "hostId"), ElementsAre(4, 5, 6, 7));
  EXPECT_THAT(Each<std::string>(d, "ip"),
              ElementsAre("10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"));
  EXPECT_THAT(Each<int64_t>(d, "port"), ElementsAre(2882, 2882, 2882, 2882));
  EXPECT_THAT(Each<int64_t>(d, "sqlPort"), ElementsAre(2881, 2881, 2881, 2881));
  EXPECT_THAT(Each<std::string>(d, "status"),
              ElementsAre("RUNNING", "RUNNING", "UNAVAILABLE", "RUNNING"))
      << "host 6 is OFFLINE";
  const auto& s = d["data"]["contents"][0];
  EXPECT_STREQ("zone1", s["zoneName"].GetString());
  EXPECT_STREQ("default", s["hostTypeName"].GetString());
  EXPECT_STREQ("4.2.1.0", s["version"].GetString());
  EXPECT_STREQ("ACTIVE", s["innerStatus"].GetString());
  EXPECT_STREQ("1970-01-01T08:00:00+08:00", s["stopTime"].GetString());
  EXPECT_STREQ("2024-03-01T14:19:00.04+08:00", s["startTime"].GetString()) << "the cluster's";
}

TEST(TopologyTest, AStoppedClustersServersAreStopped) {
  BundledApi h;
  const auto d = Valid(h, "/api/v2/ob/clusters/5/servers", "ob-server-list-response");
  EXPECT_THAT(Each<std::string>(d, "status"), ElementsAre("STOPPED", "STOPPED", "STOPPED"));
  EXPECT_THAT(Each<std::string>(d, "innerStatus"), ElementsAre("INACTIVE", "INACTIVE", "INACTIVE"));
}

TEST(TopologyTest, ServersFilterExactlyByRegionAndIdc) {
  BundledApi h;
  const auto all = [&](const std::string& q) {
    return Valid(h, kC2 + "/servers" + q, "ob-server-list-response")["data"]["contents"].Size();
  };
  EXPECT_EQ(4u, all("?regionName=region1"));
  EXPECT_EQ(4u, all("?idcName=idc1&regionName=region1"));
  EXPECT_EQ(0u, all("?regionName=REGION1")) << "case-sensitive";
  EXPECT_EQ(0u, all("?idcName=idc2"));
  EXPECT_EQ(4u, all("?idcName=")) << "blank is no filter";
  EXPECT_EQ(4u, all("?noSuchFilter=1")) << "an unknown parameter is ignored";
}

TEST(TopologyTest, AZonesServersAreThoseOfTheZone) {
  BundledApi h;
  const auto zone = Valid(h, kC2 + "/zones/zone1/servers", "ob-server-list-response");
  const auto all = Valid(h, kC2 + "/servers", "ob-server-list-response");
  EXPECT_TRUE(zone["data"] == all["data"]) << "one zone: all of them";
}

TEST(TopologyTest, AnUnknownZoneIsZoneNotFoundWithTheVersionsCode) {
  for (const auto& [version, code] :
       std::vector<std::pair<std::string, std::string>>{{"4.2.2", R"("code":"OBE18002")"},
                                                        {"4.2.1", R"("code":12002)"},
                                                        {"3.1.1", R"("code":12002)"}}) {
    BundledApi h(version);
    const http::Response r = h.Send("GET", kC2 + "/zones/zone9/servers");
    EXPECT_EQ(404, r.status) << version;
    EXPECT_THAT(r.body, HasSubstr(code)) << version;
    EXPECT_THAT(r.body, HasSubstr("zone9")) << version;
    EXPECT_THAT(h.schemas().ValidateText("error-envelope", r.body), IsEmpty());
  }
}

TEST(TopologyTest, UnitsFollowTheTenantsPoolsWithTheirConfig) {
  BundledApi h;
  const auto d = Valid(h, kC2 + "/units", "ob-unit-list-response");
  EXPECT_THAT(Each<int64_t>(d, "obUnitId"), ElementsAre(201001, 202001, 203001));
  EXPECT_THAT(Each<int64_t>(d, "tenantId"), ElementsAre(201, 202, 203));
  EXPECT_THAT(Each<std::string>(d, "svrIp"), ElementsAre("10.0.0.5", "10.0.0.6", "10.0.0.7"))
      << "tenant t's unit on server t mod 4";
  const auto& u = d["data"]["contents"][0];
  EXPECT_STREQ("sys", u["tenantName"].GetString());
  EXPECT_EQ(1, u["obTenantId"].GetInt64());
  EXPECT_EQ(201, u["resourcePoolId"].GetInt64());
  EXPECT_EQ(2882, u["svrPort"].GetInt64());
  EXPECT_STREQ("zone1", u["zone"].GetString());
  EXPECT_STREQ("NOT_IN_MIGRATE", u["migrateType"].GetString());
  EXPECT_DOUBLE_EQ(2.0, u["unitConfig"]["maxCpuCoreCount"].GetDouble());
  EXPECT_EQ(8, u["unitConfig"]["maxMemorySize"].GetInt64());
  EXPECT_EQ(int64_t{8} << 30, u["unitConfig"]["minMemoryByte"].GetInt64());
  EXPECT_EQ(24, u["unitConfig"]["logDiskSize"].GetInt64()) << "three times the memory";
}

TEST(TopologyTest, UnitsFilterByTenantServerAndIds) {
  BundledApi h;
  const auto ids = [&](const std::string& q) {
    return Each<int64_t>(Valid(h, kC2 + "/units" + q, "ob-unit-list-response"), "obUnitId");
  };
  EXPECT_THAT(ids("?tenantId=202"), ElementsAre(202001));
  EXPECT_THAT(ids("?serverIp=10.0.0.7"), ElementsAre(203001));
  EXPECT_THAT(ids("?serverPort=2882&serverIp=10.0.0.5"), ElementsAre(201001));
  EXPECT_THAT(ids("?serverPort=2881"), IsEmpty()) << "svrPort is the RPC port";
  EXPECT_THAT(ids("?obUnitIdList=203001,201001"), ElementsAre(201001, 203001));
  EXPECT_THAT(ids("?obUnitIdList=203001&obUnitIdList=202001"), ElementsAre(202001, 203001));
  EXPECT_THAT(ids("?tenantId=999"), IsEmpty());
}

TEST(TopologyTest, AUnitFilterOcpCouldNotBindIsInvalidParameterNamingIt) {
  BundledApi h;
  for (const char* q :
       {"?tenantId=abc", "?serverPort=x", "?serverPort=99999999999", "?obUnitIdList=1,two"}) {
    const http::Response r = h.Send("GET", kC2 + "/units" + q);
    EXPECT_EQ(400, r.status) << q;
    const std::string name = std::string(q).substr(1, std::string(q).find('=') - 1);
    EXPECT_THAT(r.body, HasSubstr(name)) << q;
  }
}

TEST(TopologyTest, ATenantsUnitsFilterByZone) {
  BundledApi h;
  const auto d = Valid(h, kC2 + "/tenants/202/units", "ob-tenant-unit-list-response");
  ASSERT_EQ(1u, d["data"]["contents"].Size());
  const auto& u = d["data"]["contents"][0];
  EXPECT_EQ(202001, u["id"].GetInt64());
  EXPECT_EQ(202, u["resourcePoolId"].GetInt64());
  EXPECT_EQ(2000006, u["serverId"].GetInt64());
  EXPECT_STREQ("10.0.0.6", u["serverIp"].GetString());
  EXPECT_EQ(2882, u["serverPort"].GetInt64());
  EXPECT_STREQ("ACTIVE", u["status"].GetString());
  EXPECT_STREQ("zone1", u["zoneName"].GetString());
  EXPECT_EQ(1u, Valid(h, kC2 + "/tenants/202/units?zoneName=zone1",
                      "ob-tenant-unit-list-response")["data"]["contents"]
                    .Size());
  EXPECT_EQ(0u, Valid(h, kC2 + "/tenants/202/units?zoneName=zone9",
                      "ob-tenant-unit-list-response")["data"]["contents"]
                    .Size())
      << "a filter, not a lookup: no error";
}

TEST(TopologyTest, AnUnknownTenantIsTheTenantPagesRecordNotFound) {
  BundledApi h;
  for (const std::string& target : {kC2 + "/tenants/999/units", kC2 + "/tenants/170/units"}) {
    const http::Response r = h.Send("GET", target);
    EXPECT_EQ(404, r.status) << target;
    EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10002")")) << target;
    EXPECT_THAT(r.body, HasSubstr("OB_TENANT")) << target << ": tenant 170 is cluster 1's";
  }
}

TEST(TopologyTest, StatsAreTheSumsOverTheServersAndTheirUnits) {
  BundledApi h;
  const auto s = Valid(h, kC2 + "/stats", "cluster-resource-stats-response");
  const auto& d = s["data"];
  EXPECT_EQ(2, d["clusterId"].GetInt64());
  EXPECT_STREQ("obcluster-prod-hz", d["clusterName"].GetString());
  EXPECT_STREQ("PRIMARY", d["clusterType"].GetString());
  EXPECT_EQ(3, d["tenantCount"].GetInt64());
  EXPECT_EQ(3, d["unitCount"].GetInt64());
  EXPECT_DOUBLE_EQ(4 * 32.0, d["cpuTotal"].GetDouble());
  EXPECT_DOUBLE_EQ(3 * 2.0, d["cpuAssigned"].GetDouble());
  EXPECT_EQ(3 * (int64_t{8} << 30), d["memoryAssignedByte"].GetInt64());
  EXPECT_EQ(4 * (int64_t{98} << 30), d["memoryTotalByte"].GetInt64());
  const auto servers = Valid(h, kC2 + "/serverStats", "server-resource-stats-list-response");
  EXPECT_THAT(Each<std::string>(servers, "ip"),
              ElementsAre("10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"));
  EXPECT_THAT(Each<int64_t>(servers, "unitCount"), ElementsAre(0, 1, 1, 1));
  EXPECT_THAT(Each<double>(servers, "cpuAssigned"), ElementsAre(0.0, 2.0, 2.0, 2.0));
  EXPECT_EQ(d["timestamp"].GetInt64(), servers["data"]["contents"][0]["timestamp"].GetInt64());
  EXPECT_EQ(h.clock.NowMs(), d["timestamp"].GetInt64()) << "the mock clock's now";
}

TEST(TopologyTest, AClusterTheListDoesNotShowIsClusterNotFoundOnEveryPage) {
  for (const auto& [version, code] : std::vector<std::pair<std::string, std::string>>{
           {"4.2.2", R"("code":"OBE11001")"}, {"4.0.0", R"("code":11001)"}}) {
    BundledApi h(version);
    for (const char* page : {"/zones", "/servers", "/zones/zone1/servers", "/units",
                             "/tenants/201/units", "/stats", "/serverStats"}) {
      const http::Response r = h.Send("GET", std::string("/api/v2/ob/clusters/99") + page);
      EXPECT_EQ(404, r.status) << version << page;
      EXPECT_THAT(r.body, HasSubstr(code)) << version << page;
    }
  }
}

TEST(TopologyTest, EveryVersionServesTheSameShapes) {
  for (const std::string& version : versions::KnownVersions(testdata::SchemasDir())) {
    BundledApi h(version);
    Valid(h, "/api/v2/ob/clusters/1/zones", "ob-zone-list-response");
    Valid(h, "/api/v2/ob/clusters/1/servers", "ob-server-list-response");
    Valid(h, "/api/v2/ob/clusters/1/units", "ob-unit-list-response");
    Valid(h, "/api/v2/ob/clusters/1/tenants/170/units", "ob-tenant-unit-list-response");
    Valid(h, "/api/v2/ob/clusters/1/stats", "cluster-resource-stats-response");
    Valid(h, "/api/v2/ob/clusters/1/serverStats", "server-resource-stats-list-response");
  }
}

// CLUSTER_VIEWER where the page says read permission on the cluster (zones, servers, a tenant's
// units); authentication alone where it names none (units, serverStats) or has no page (stats).
TEST(TopologyTest, EachPageAsksForThePermissionItsDocsName) {
  using auth::Permission;
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {Permission::kTaskViewer}, std::nullopt},
      {2, "viewer", "p", {}, {Permission::kClusterViewer}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers tasks = {{"Authorization", "Basic dGFza3M6cA=="}};   // tasks:p
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};  // viewer:p
  for (const char* page : {"/zones", "/servers", "/zones/zone1/servers", "/tenants/201/units"}) {
    EXPECT_EQ(403, h.Send("GET", kC2 + page, "", tasks).status) << page;
    EXPECT_EQ(200, h.Send("GET", kC2 + page, "", viewer).status) << page;
  }
  for (const char* page : {"/units", "/stats", "/serverStats"}) {
    EXPECT_EQ(200, h.Send("GET", kC2 + page, "", tasks).status) << page;
  }
  EXPECT_EQ(401, h.Send("GET", kC2 + "/zones").status);
}

TEST(TopologyTest, AZoneNameIsReadAsTextNotAsAnId) {
  BundledApi h;
  EXPECT_EQ(404, h.Send("GET", kC2 + "/zones/1/servers").status) << "no zone named 1";
  const http::Response r = h.Send("GET", "/api/v2/ob/clusters/two/zones/zone1/servers");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("clusterId"));
}

}  // namespace
}  // namespace mock::families
