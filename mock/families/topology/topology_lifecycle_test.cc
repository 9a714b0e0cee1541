// The topology follows the entity store as it changes (docs/topology.md, "Visibility"): a tenant
// created through the API gets its units once it shows; a cluster being created is not served
// until its task succeeds, then with its zones and servers as its request placed them; a
// cluster being deleted is served until its deletion succeeds; a host deleted takes its server
// and its units move; a reset puts everything back.
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
using topology_test::Each;
using topology_test::kC2;

constexpr int64_t kDone = 600;  // every creating or deleting task is done by then

const char kTenant[] = R"({"name": "pay", "rootPassword": "xxxxx", "zones": [{"name": "zone1",
    "replicaType": "FULL", "resourcePool": {"unitSpecName": "S1", "unitCount": 1}}]})";

int64_t TenantNamed(const BundledApi& h, const std::string& name) {
  // A named document: the loop would read a temporary's array after it is freed.
  const rapidjson::Document listed_answer = h.Json("GET", kC2 + "/tenants?size=100");
  for (const auto& t : listed_answer["data"]["contents"].GetArray()) {
    if (t["name"].GetString() == name) return t["id"].GetInt64();
  }
  return 0;
}

TEST(TopologyLifecycleTest, ATenantCreatedThroughTheApiGetsItsUnitsOnceItShows) {
  BundledApi h;
  const auto before = h.Json("GET", kC2 + "/stats");
  ASSERT_EQ(200, h.Send("POST", kC2 + "/tenants/createTenant", kTenant).status);
  const int64_t id = TenantNamed(h, "pay");
  ASSERT_NE(0, id) << "listed, CREATING, while its task runs";
  const std::string units = kC2 + "/tenants/" + std::to_string(id) + "/units";
  EXPECT_EQ(1u, h.Json("GET", units)["data"]["contents"].Size());
  h.Advance(kDone);
  const auto own = h.Json("GET", units);
  ASSERT_EQ(1u, own["data"]["contents"].Size());
  const auto& u = own["data"]["contents"][0];
  EXPECT_EQ(id * 1000 + 1, u["id"].GetInt64());
  EXPECT_EQ(id * 10 + 1, u["resourcePoolId"].GetInt64()) << "the pool the tenant detail gives";
  EXPECT_STREQ("zone1", u["zoneName"].GetString());
  const auto info = h.Json("GET", kC2 + "/units?tenantId=" + std::to_string(id));
  ASSERT_EQ(1u, info["data"]["contents"].Size());
  const auto& config = info["data"]["contents"][0]["unitConfig"];
  EXPECT_DOUBLE_EQ(2.0, config["minCpuCoreCount"].GetDouble()) << "the default config";
  EXPECT_EQ(8, config["minMemorySize"].GetInt64());
  const auto detail = h.Json("GET", kC2 + "/tenants/" + std::to_string(id));
  EXPECT_TRUE(detail["data"]["zones"][0]["units"] == own["data"]["contents"]);
  const auto after = h.Json("GET", kC2 + "/stats");
  EXPECT_EQ(before["data"]["unitCount"].GetInt64() + 1, after["data"]["unitCount"].GetInt64());
  EXPECT_EQ(before["data"]["tenantCount"].GetInt64() + 1, after["data"]["tenantCount"].GetInt64());
  EXPECT_DOUBLE_EQ(before["data"]["cpuAssigned"].GetDouble() + 2.0,
                   after["data"]["cpuAssigned"].GetDouble());
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(404, h.Send("GET", units).status) << "gone with its tenant";
  const auto reset = h.Json("GET", kC2 + "/stats");
  EXPECT_EQ(before["data"]["unitCount"].GetInt64(), reset["data"]["unitCount"].GetInt64());
  EXPECT_DOUBLE_EQ(before["data"]["cpuAssigned"].GetDouble(),
                   reset["data"]["cpuAssigned"].GetDouble());
}

TEST(TopologyLifecycleTest, ATenantCreatedSynchronouslyHasItsUnitsAtOnce) {
  BundledApi h("4.2.1");
  ASSERT_EQ(200, h.Send("POST", kC2 + "/tenants", kTenant).status);
  const int64_t id = TenantNamed(h, "pay");
  EXPECT_THAT(
      Each<int64_t>(h.Json("GET", kC2 + "/units?tenantId=" + std::to_string(id)), "obUnitId"),
      ElementsAre(id * 1000 + 1));
}

TEST(TopologyLifecycleTest, APoolAskingMoreUnitsThanServersGetsOnePerServer) {
  BundledApi h("4.2.1");
  ASSERT_EQ(200, h.Send("POST", kC2 + "/tenants", R"({"name": "big", "rootPassword": "x",
      "zones": [{"name": "zone1", "replicaType": "FULL",
                 "resourcePool": {"unitSpecName": "S1", "unitCount": 1000000000}}]})")
                     .status);
  const int64_t id = TenantNamed(h, "big");
  const auto units = h.Json("GET", kC2 + "/tenants/" + std::to_string(id) + "/units");
  EXPECT_THAT(Each<int64_t>(units, "serverId"),
              ::testing::UnorderedElementsAre(2000004, 2000005, 2000006, 2000007))
      << "cluster 2's four servers, one unit each: bounded by the hosts";
}

TEST(TopologyLifecycleTest, AClusterBeingCreatedIsServedOnlyOnceItsTaskSucceeds) {
  BundledApi h;
  const auto created = h.Json("POST", "/api/v2/ob/clusters",
                              R"({"name": "tf", "type": "PRIMARY", "password": "Root@123",
      "rpmName": "oceanbase-ce-4.2.1.0-100000102023.el7.x86_64.rpm",
      "zones": [{"name": "zone1", "idcName": "idc1", "servers": [16]},
                {"name": "zone2", "idcName": "idc2", "servers": [17, 18]}]})");
  const std::string c =
      "/api/v2/ob/clusters/" + std::to_string(created["data"]["cluster"]["id"].GetInt64());
  const http::Response running = h.Send("GET", c + "/zones");
  EXPECT_EQ(404, running.status);
  EXPECT_THAT(running.body, HasSubstr("OBE11001"));
  h.Advance(kDone);
  const auto zones = h.Json("GET", c + "/zones");
  ASSERT_EQ(2u, zones["data"]["contents"].Size());
  const auto& z2 = zones["data"]["contents"][1];
  EXPECT_STREQ("zone2", z2["name"].GetString());
  std::vector<int64_t> hosts;
  for (const auto& s : z2["servers"].GetArray()) hosts.push_back(s["hostId"].GetInt64());
  EXPECT_THAT(hosts, ElementsAre(17, 18)) << "placed where the request put them";
  EXPECT_STREQ("10.0.0.17:2882", z2["rootServer"]["address"].GetString());
  EXPECT_STREQ("FOLLOWER", z2["rootServer"]["role"].GetString());
  EXPECT_THAT(Each<int64_t>(h.Json("GET", c + "/servers"), "hostId"), ElementsAre(16, 17, 18));
  const auto detail = h.Json("GET", c);
  EXPECT_TRUE(detail["data"]["zones"][1]["servers"] == z2["servers"]);
  EXPECT_EQ(3, detail["data"]["serverCount"].GetInt64());
}

TEST(TopologyLifecycleTest, AClusterBeingDeletedIsServedUntilItsDeletionSucceeds) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", "/api/v2/ob/clusters/4").status);
  EXPECT_EQ(200, h.Send("GET", "/api/v2/ob/clusters/4/servers").status) << "DELETING";
  h.Advance(kDone);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/ob/clusters/4/servers").status);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/ob/clusters/4/stats").status);
}

TEST(TopologyLifecycleTest, AHostDeletedTakesItsServerAndItsUnitsMove) {
  BundledApi h;
  EXPECT_THAT(Each<std::string>(h.Json("GET", kC2 + "/units?tenantId=202"), "svrIp"),
              ElementsAre("10.0.0.6"));
  ASSERT_EQ(200, h.Send("DELETE", "/api/v2/compute/hosts/6").status);
  EXPECT_THAT(Each<int64_t>(h.Json("GET", kC2 + "/servers"), "hostId"), ElementsAre(4, 5, 7));
  EXPECT_EQ(3, h.Json("GET", kC2)["data"]["serverCount"].GetInt64());
  EXPECT_THAT(Each<std::string>(h.Json("GET", kC2 + "/units?tenantId=202"), "svrIp"),
              ElementsAre("10.0.0.5"))
      << "202 mod 3 = 1: the second of the three servers left";
  EXPECT_EQ(3, h.Json("GET", kC2 + "/stats")["data"]["unitCount"].GetInt64());
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_THAT(Each<int64_t>(h.Json("GET", kC2 + "/servers"), "hostId"), ElementsAre(4, 5, 6, 7));
}

}  // namespace
}  // namespace mock::families
