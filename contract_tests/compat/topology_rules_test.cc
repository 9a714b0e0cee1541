// The rules of ocp-compat's topology and configuration rows (tools/compat/topology_rules.h,
// config_rules.h) on answers written here: the cases the bundled data cannot show (several
// zones, regions and servers), and each rule's failure, with the words it says.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"
#include "tools/compat/config_rules.h"
#include "tools/compat/topology_rules.h"

namespace compat {
namespace {

using testing::HasSubstr;

// One request and its answer, kept where FlowAnswer's references can point.
struct HeldAnswer {
  std::string request;
  contract::HttpResult response;
  std::optional<rapidjson::Document> json;
  std::string sent;
  FlowAnswer View() const { return {request, response, json, sent}; }
};

// `data` in OCP's envelope, answered with `status`.
std::unique_ptr<HeldAnswer> TopologyAnswer(const std::string& request, const std::string& data,
                                           long status = 200, std::string sent = "") {
  auto a = std::make_unique<HeldAnswer>();
  a->request = request;
  a->response.status = status;
  a->response.body = R"({"data": )" + data +
                     R"(, "duration": 5, "server": "a83ad33525", "status": )" +
                     std::to_string(status) +
                     R"(, "successful": true, "timestamp": "2021-09-03T10:28:31.861+08:00",
                        "traceId": "340849601d4d4ffe"})";
  auto doc = mock::json::ParseJson(a->response.body);
  if (doc.ok()) a->json = std::move(doc).value();
  a->sent = std::move(sent);
  return a;
}

const Contract& TopologyContract() {
  static const Contract contract = [] {
    auto c = LoadContract(mock::testdata::SchemasDir(), "4.2.2");
    if (!c.ok()) throw std::runtime_error(c.status().message());
    return std::move(c).value();
  }();
  return contract;
}

// Zones zone1 (hangzhou, hz1) and zone2 (shanghai, sh1); servers .1 and .2 in zone1, .3 in zone2,
// without region or IDC of their own, as the servers sample.
constexpr char kTwoZones[] = R"({"contents": [
    {"name": "zone1", "regionName": "hangzhou", "idcName": "hz1"},
    {"name": "zone2", "regionName": "shanghai", "idcName": "sh1"}]})";
std::string Server(int n, const char* zone) {
  return R"({"id": )" + std::to_string(n) + R"(, "ip": "10.0.0.)" + std::to_string(n) +
         R"(", "port": 2882, "zoneName": ")" + zone + R"("})";
}
const std::string kThreeServers = R"({"contents": [)" + Server(1, "zone1") + ", " +
                                  Server(2, "zone1") + ", " + Server(3, "zone2") + "]}";
const std::string kServersPath = "GET /api/v2/ob/clusters/1/servers";

TEST(TopologyRules, TheRarestRegionIsAskedSoAnIgnoredFilterShows) {
  auto zones = TopologyAnswer("GET /api/v2/ob/clusters/1/zones", kTwoZones);
  auto servers = TopologyAnswer(kServersPath, kThreeServers);
  const FilterField field = ServerFieldVia(zones->View());
  EXPECT_EQ("shanghai", RarestValue((*servers->json)["data"]["contents"], "regionName", field));
  EXPECT_EQ("sh1", RarestValue((*servers->json)["data"]["contents"], "idcName", field));
  EXPECT_EQ(std::nullopt, RarestValue((*servers->json)["data"]["contents"], "noSuchField", field));

  auto ignored = TopologyAnswer(kServersPath + "?regionName=shanghai", kThreeServers);
  Outcome o = Narrows(servers->View(), {{"regionName", "shanghai", ignored->View()}}, field);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("?regionName=shanghai: /data/contents/0 has regionName "
                                  "\"hangzhou\", not the \"shanghai\" asked"));

  auto right = TopologyAnswer(kServersPath + "?regionName=shanghai",
                              R"({"contents": [)" + Server(3, "zone2") + "]}");
  EXPECT_EQ(Verdict::kPass,
            Narrows(servers->View(), {{"regionName", "shanghai", right->View()}}, field).verdict);

  auto missing = TopologyAnswer(kServersPath + "?idcName=hz1",
                                R"({"contents": [)" + Server(1, "zone1") + "]}");
  o = Narrows(servers->View(), {{"idcName", "hz1", missing->View()}}, field);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail,
              HasSubstr("?idcName=hz1: 1 rows; " + kServersPath + " has 2 with idcName \"hz1\""));
}

// A value no server holds: an empty list, or an error (the docs name neither), passes; rows
// fail.
TEST(TopologyRules, AValueNoRowHoldsMayListNothingOrBeRefused) {
  auto zones = TopologyAnswer("GET /api/v2/ob/clusters/1/zones", kTwoZones);
  auto servers = TopologyAnswer(kServersPath, kThreeServers);
  const FilterField field = ServerFieldVia(zones->View());
  const std::string absent = AbsentValue("regionName");
  EXPECT_EQ("ocp-compat-no-such-regionName", absent);
  auto empty = TopologyAnswer(kServersPath + "?regionName=" + absent, R"({"contents": []})");
  auto refused = TopologyAnswer(kServersPath + "?regionName=" + absent, "null", 400);
  auto all = TopologyAnswer(kServersPath + "?regionName=" + absent, kThreeServers);
  EXPECT_EQ(Verdict::kPass,
            Narrows(servers->View(), {{"regionName", absent, empty->View()}}, field).verdict);
  EXPECT_EQ(Verdict::kPass,
            Narrows(servers->View(), {{"regionName", absent, refused->View()}}, field).verdict);
  EXPECT_EQ(Verdict::kFail,
            Narrows(servers->View(), {{"regionName", absent, all->View()}}, field).verdict);
}

TEST(TopologyRules, EveryServerIsInAZoneOfItsCluster) {
  auto zones = TopologyAnswer("GET /api/v2/ob/clusters/1/zones", kTwoZones);
  auto servers = TopologyAnswer(kServersPath, kThreeServers);
  EXPECT_EQ(Verdict::kPass,
            ServersInZones(servers->View(), zones->View(), TopologyContract(), true).verdict);
  auto stray = TopologyAnswer(kServersPath, R"({"contents": [)" + Server(4, "zone9") + "]}");
  const Outcome o = ServersInZones(stray->View(), zones->View(), TopologyContract(), true);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/contents/0/zoneName \"zone9\" is none of the cluster's "
                                  "zones {zone1, zone2}"));
}

TEST(TopologyRules, AZonesServersAreTheServersOfThatZone) {
  auto servers = TopologyAnswer(kServersPath, kThreeServers);
  const std::string path = "GET /api/v2/ob/clusters/1/zones/zone1/servers";
  auto right = TopologyAnswer(
      path, R"({"contents": [)" + Server(2, "zone1") + ", " + Server(1, "zone1") + "]}");
  EXPECT_EQ(Verdict::kPass,
            ZoneServers(right->View(), "zone1", servers->View(), TopologyContract(), true).verdict);
  auto every = TopologyAnswer(path, kThreeServers);
  const Outcome o = ZoneServers(every->View(), "zone1", servers->View(), TopologyContract(), true);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail,
              HasSubstr("servers {10.0.0.1:2882, 10.0.0.2:2882, 10.0.0.3:2882}; " + kServersPath +
                        " lists {10.0.0.1:2882, 10.0.0.2:2882} in zone "
                        "zone1"));
}

TEST(TopologyRules, TheZonesAreTheZonesTheClusterListShows) {
  auto zones = TopologyAnswer("GET /api/v2/ob/clusters/1/zones", kTwoZones);
  auto listed = mock::json::ParseJson(R"({"id": 1, "zones": [{"name": "zone1"}]})").value();
  const Outcome o = ZonesOfCluster(zones->View(), &listed, TopologyContract(), true);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("zones {zone1, zone2}; the cluster list shows {zone1}"));
  EXPECT_EQ(Verdict::kPass,
            ZonesOfCluster(zones->View(), nullptr, TopologyContract(), true).verdict);
}

// A tenant's unit on one server, and the cluster's units of it and of another tenant.
std::string TenantUnit(int server, const char* zone) {
  return R"({"id": 1, "resourcePoolId": 1, "serverId": 1, "serverIp": "10.0.0.)" +
         std::to_string(server) + R"(", "serverPort": 2882, "zoneName": ")" + zone +
         R"(", "status": "ACTIVE"})";
}
std::string ClusterUnit(int tenant, int server, const char* zone) {
  return R"({"obUnitId": 1001, "tenantId": )" + std::to_string(tenant) + R"(, "svrIp": "10.0.0.)" +
         std::to_string(server) + R"(", "svrPort": 2882, "zone": ")" + zone + R"("})";
}

TEST(TopologyRules, ATenantsUnitsAreTheClustersUnitsOfThatTenant) {
  auto mine = TopologyAnswer(
      "GET /api/v2/ob/clusters/1/tenants/7/units",
      R"({"contents": [)" + TenantUnit(1, "zone1") + ", " + TenantUnit(3, "zone2") + "]}");
  auto units =
      TopologyAnswer("GET /api/v2/ob/clusters/1/units",
                     R"({"contents": [)" + ClusterUnit(7, 3, "zone2") + ", " +
                         ClusterUnit(8, 2, "zone1") + ", " + ClusterUnit(7, 1, "zone1") + "]}");
  EXPECT_EQ(Verdict::kPass, UnitsAgree(mine->View(), 7, units->View()).verdict);
  const Outcome o = UnitsAgree(mine->View(), 8, units->View());
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("units on {10.0.0.1:2882 in zone1, 10.0.0.3:2882 in zone2}; "
                                  "GET /api/v2/ob/clusters/1/units has the tenant's units on "
                                  "{10.0.0.2:2882 in zone1}"));
  auto unserved = TopologyAnswer("GET /api/v2/ob/clusters/1/units", "null", 404);
  EXPECT_EQ(Verdict::kNotApplicable, UnitsAgree(mine->View(), 7, unserved->View()).verdict);
}

TEST(TopologyRules, TheClustersStatisticsAreTheSumsOfItsServers) {
  auto servers = TopologyAnswer(kServersPath, kThreeServers);
  auto each = TopologyAnswer("GET /api/v2/ob/clusters/1/serverStats", R"({"contents": [
      {"ip": "10.0.0.1", "port": 2882, "cpuTotal": 1.5, "memoryTotalByte": 100},
      {"ip": "10.0.0.2", "port": 2882, "cpuTotal": 2, "memoryTotalByte": 200},
      {"ip": "10.0.0.3", "port": 2882, "cpuTotal": 4, "memoryTotalByte": 300}]})");
  auto stats = TopologyAnswer("GET /api/v2/ob/clusters/1/stats",
                              R"({"clusterId": 1, "cpuTotal": 7.5, "memoryTotalByte": 600})");
  EXPECT_EQ(Verdict::kPass, StatsAddUp(stats->View(), each->View(), servers->View()).verdict);
  EXPECT_EQ(Verdict::kPass, StatsOfCluster(stats->View(), 1, TopologyContract(), true).verdict);
  auto off = TopologyAnswer("GET /api/v2/ob/clusters/1/stats",
                            R"({"clusterId": 1, "cpuTotal": 7.5, "memoryTotalByte": 601})");
  const Outcome o = StatsAddUp(off->View(), each->View(), servers->View());
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr("/data/memoryTotalByte is 601; the servers' memoryTotalByte "
                                  "add up to 600"));
  auto fewer = TopologyAnswer(kServersPath, R"({"contents": [)" + Server(1, "zone1") + "]}");
  EXPECT_THAT(StatsAddUp(stats->View(), each->View(), fewer->View()).detail,
              HasSubstr("statistics of {10.0.0.1:2882, 10.0.0.2:2882, 10.0.0.3:2882}"));
  auto unserved = TopologyAnswer("GET /api/v2/ob/clusters/1/stats", "null", 404);
  EXPECT_EQ(Verdict::kNotApplicable,
            StatsAddUp(unserved->View(), each->View(), servers->View()).verdict);
  EXPECT_EQ(Verdict::kFail, StatsOfCluster(stats->View(), 2, TopologyContract(), true).verdict);
}

TEST(TopologyRules, PathSegmentsArePercentEncoded) {
  EXPECT_EQ("zone1", PathSegment("zone1"));
  EXPECT_EQ("zone%201%2Fa%25", PathSegment("zone 1/a%"));
}

// A cluster parameter of one value, writable, needing no restart: the PUT sets it to that value.
TEST(ConfigRules, TheClusterPutSetsAWritableParameterToItsOwnValue) {
  auto list = mock::json::ParseJson(R"({"data": {"contents": [
      {"name": "ro", "readonly": true, "currentValue": {"values": ["1"]}},
      {"name": "static", "needRestart": true, "currentValue": {"values": ["1"]}},
      {"name": "mixed", "currentValue": {"values": ["1", "2"]}},
      {"name": "memory_limit_percentage", "readonly": false, "needRestart": false,
       "currentValue": {"values": ["80"], "obParameters": [{"svrIp": "10.0.0.1", "value": "80"}]}}
      ]}})")
                  .value();
  const auto set = ClusterSameValue(list);
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ("memory_limit_percentage", set->name);
  EXPECT_EQ(R"([{"name":"memory_limit_percentage","value":"80"}])", set->body);
}

TEST(ConfigRules, TheTenantPutSendsTheParameterTypeBackWhenListed) {
  auto list = mock::json::ParseJson(R"({"data": {"contents": [
      {"name": "ro", "readonly": true, "currentValue": "x"},
      {"name": "ob_query_timeout", "currentValue": "10\"000", "parameterType": "OB_SYSTEM_VARIABLE"}
      ]}})")
                  .value();
  const auto set = TenantSameValue(list);
  ASSERT_TRUE(set.has_value());
  EXPECT_EQ(
      R"([{"name":"ob_query_timeout","value":"10\"000","parameterType":"OB_SYSTEM_VARIABLE"}])",
      set->body);
  auto bare =
      mock::json::ParseJson(R"({"data": {"contents": [{"name": "a", "currentValue": "1"}]}})")
          .value();
  EXPECT_EQ(R"([{"name":"a","value":"1"}])", TenantSameValue(bare)->body);
}

TEST(ConfigRules, ARoundTripShowsTheValueSent) {
  const std::string body = R"([{"name":"ob_query_timeout","value":"10000"}])";
  const std::string path = "/api/v2/ob/clusters/1/tenants/7/parameters";
  auto put = TopologyAnswer("PUT " + path + " (application/json)", "null", 200, body);
  put->response.body = R"({"duration": 5, "server": "a83ad33525", "status": 200,
      "successful": true, "timestamp": "2021-09-03T10:28:31.861+08:00",
      "traceId": "340849601d4d4ffe"})";
  put->json = mock::json::ParseJson(put->response.body).value();
  auto same = TopologyAnswer(
      "GET " + path, R"({"contents": [{"name": "ob_query_timeout", "currentValue": "10000"}]})");
  EXPECT_EQ(Verdict::kPass,
            RoundTrip(put->View(), same->View(), false, TopologyContract(), true).verdict);
  auto other = TopologyAnswer(
      "GET " + path, R"({"contents": [{"name": "ob_query_timeout", "currentValue": "5"}]})");
  const Outcome o = RoundTrip(put->View(), other->View(), false, TopologyContract(), true);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail, HasSubstr(": ob_query_timeout's currentValue is \"5\" after PUT"));
  auto refused = TopologyAnswer("PUT " + path, "null", 400, body);
  EXPECT_EQ(Verdict::kFail,
            RoundTrip(refused->View(), same->View(), false, TopologyContract(), true).verdict);
}

TEST(ConfigRules, ADetailAgreesWithItsListRow) {
  const std::string users = "GET /api/v2/ob/clusters/1/tenants/7/users";
  const std::string user = R"({"username": "root", "globalPrivileges": [], "isLocked": false,
      "createTime": "2021-09-06T11:38:44.585445+08:00", "connectionStrings": []})";
  auto list = TopologyAnswer(users, R"({"contents": [)" + user + "]}");
  auto detail = TopologyAnswer(users + "/root", user);
  EXPECT_EQ(Verdict::kPass, DetailOfListed(detail->View(), list->View(), "username", "root",
                                           "tenant-user-response", TopologyContract(), true)
                                .verdict);
  auto locked = TopologyAnswer(users + "/root", R"({"username": "root", "globalPrivileges": [],
      "isLocked": true, "createTime": "2021-09-06T11:38:44.585445+08:00",
      "connectionStrings": []})");
  const Outcome o = DetailOfListed(locked->View(), list->View(), "username", "root",
                                   "tenant-user-response", TopologyContract(), true);
  EXPECT_EQ(Verdict::kFail, o.verdict);
  EXPECT_THAT(o.detail,
              HasSubstr("/root: /data/isLocked is true; the list (" + users + ") shows false"));
}

}  // namespace
}  // namespace compat
