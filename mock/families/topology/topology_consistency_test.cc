// One consistent world (docs/topology.md, "Consistency"): for every cluster of a fixture set, read
// only through the API as a client would, the zones, servers, units and stats agree with each
// other and with the cluster, tenant and host pages. Run on the bundled set as three versions
// play it, and on the entities tools/gen-fixtures writes for 1,000,000 tasks, whose folder the
// `topology_generated` test names in OCPMOCK_TOPOLOGY_FIXTURES (skipped without it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::IsEmpty;

struct FixtureSet {
  std::string name;  // the test's suffix
  std::string version;
  const char* env = nullptr;  // the folder's variable; null: the bundled fixtures
};

void PrintTo(const FixtureSet& s, std::ostream* os) { *os << s.name; }

std::string Cluster(int64_t id) { return "/api/v2/ob/clusters/" + std::to_string(id); }

// The data of `target`'s 200 answer, checked against `schema` when one is given.
rapidjson::Document Data(const BundledApi& h, const std::string& target,
                         const std::string& schema = "") {
  const http::Response r = h.Send("GET", target);
  EXPECT_EQ(200, r.status) << target << ": " << r.body.substr(0, 300);
  if (!schema.empty()) {
    EXPECT_THAT(h.schemas().ValidateText(schema, r.body), IsEmpty()) << target;
  }
  rapidjson::Document d = json::ParseJson(r.body).value();
  rapidjson::Document data;
  data.CopyFrom(d["data"], data.GetAllocator());
  return data;
}

std::string Text(const rapidjson::Value& v, const char* key) { return v[key].GetString(); }

class TopologyConsistency : public ::testing::TestWithParam<FixtureSet> {
 protected:
  void SetUp() override {
    std::filesystem::path dir = testdata::FixturesDir();
    if (GetParam().env != nullptr) {
      const char* given = std::getenv(GetParam().env);
      if (given == nullptr) GTEST_SKIP() << GetParam().env << " names no generated set";
      dir = given;
    }
    h_ = std::make_unique<BundledApi>(GetParam().version, std::nullopt, api::Quirks{}, dir);
    // A named document: the loop would read a temporary's array after it is freed.
    const rapidjson::Document listed_data = Data(*h_, "/api/v2/ob/clusters?size=2000");
    for (const auto& c : listed_data["contents"].GetArray())
      clusters_.push_back(c["id"].GetInt64());
    ASSERT_FALSE(clusters_.empty());
  }
  const BundledApi& h() const { return *h_; }
  std::vector<int64_t> TenantIds(int64_t cluster) const {
    std::vector<int64_t> ids;
    // A named document: the loop would read a temporary's array after it is freed.
    const rapidjson::Document listed_data = Data(h(), Cluster(cluster) + "/tenants?size=2000");
    for (const auto& t : listed_data["contents"].GetArray()) ids.push_back(t["id"].GetInt64());
    return ids;
  }

  std::unique_ptr<BundledApi> h_;
  std::vector<int64_t> clusters_;
};

// Rule 1: the zones are the cluster detail's, and every zone a tenant names is one of them.
TEST_P(TopologyConsistency, ZonesAreTheClustersAndHoldEveryZoneItsTenantsName) {
  for (int64_t id : clusters_) {
    const auto detail = Data(h(), Cluster(id));
    const auto zones = Data(h(), Cluster(id) + "/zones", "ob-zone-list-response");
    std::vector<std::string> named, served;
    for (const auto& z : detail["zones"].GetArray()) named.push_back(Text(z, "name"));
    for (const auto& z : zones["contents"].GetArray()) served.push_back(Text(z, "name"));
    EXPECT_EQ(named, served) << "cluster " << id;
    const std::set<std::string> have(served.begin(), served.end());
    for (int64_t t : TenantIds(id)) {
      const auto tenant = Data(h(), Cluster(id) + "/tenants/" + std::to_string(t));
      for (const auto& z : tenant["zones"].GetArray())
        EXPECT_EQ(1u, have.count(Text(z, "name"))) << "tenant " << t;
      std::string list = Text(tenant, "zoneList");
      for (size_t at = 0; at <= list.size();) {
        const size_t end = std::min(list.find(';', at), list.size());
        EXPECT_EQ(1u, have.count(list.substr(at, end - at))) << "tenant " << t << " " << list;
        at = end + 1;
      }
    }
  }
}

// Rule 2: one server per host whose services name the cluster, at its address, on the default
// ports, in one of its zones; the counts agree with the cluster's and each zone's.
TEST_P(TopologyConsistency, ServersAreTheHostsServingTheClusterAndTheCountsAgree) {
  const auto hosts = Data(h(), "/api/v2/compute/hosts?size=2000");
  for (int64_t id : clusters_) {
    const auto detail = Data(h(), Cluster(id));
    const std::string service =
        Text(detail, "name") + ":" + std::to_string(detail["obClusterId"].GetInt64());
    std::map<int64_t, std::string> expected;  // host id -> address
    for (const auto& host : hosts["contents"].GetArray()) {
      for (const auto& s : host["services"].GetArray()) {
        if (Text(s, "type") == "OB_CLUSTER" && Text(s, "name") == service)
          expected[host["id"].GetInt64()] = Text(host, "innerIpAddress");
      }
    }
    const auto servers = Data(h(), Cluster(id) + "/servers", "ob-server-list-response");
    std::map<int64_t, std::string> got;
    std::map<std::string, int64_t> per_zone;
    for (const auto& s : servers["contents"].GetArray()) {
      got[s["hostId"].GetInt64()] = Text(s, "ip");
      EXPECT_EQ(2882, s["port"].GetInt64());
      EXPECT_EQ(2881, s["sqlPort"].GetInt64());
      EXPECT_EQ(id, s["clusterId"].GetInt64());
      ++per_zone[Text(s, "zoneName")];
    }
    EXPECT_EQ(expected, got) << "cluster " << id;
    EXPECT_EQ(static_cast<int64_t>(got.size()), detail["serverCount"].GetInt64());
    const auto zones = Data(h(), Cluster(id) + "/zones");
    int64_t in_zones = 0;
    for (const auto& z : zones["contents"].GetArray()) {
      const int64_t n = z["serverCount"].GetInt64();
      EXPECT_EQ(per_zone[Text(z, "name")], n) << "cluster " << id << " " << Text(z, "name");
      EXPECT_EQ(n, static_cast<int64_t>(z["servers"].Size()));
      in_zones += n;
      const auto own = Data(h(), Cluster(id) + "/zones/" + Text(z, "name") + "/servers");
      EXPECT_TRUE(own["contents"] == z["servers"]) << "cluster " << id << " " << Text(z, "name");
    }
    EXPECT_EQ(static_cast<int64_t>(got.size()), in_zones) << "each server in one zone";
  }
}

// The cluster pages (detail and list) show the same zones' servers as the topology pages.
TEST_P(TopologyConsistency, TheClusterPagesShowTheSameServers) {
  const auto list = Data(h(), "/api/v2/ob/clusters?size=2000", "cluster-list-response");
  for (const auto& item : list["contents"].GetArray()) {
    const int64_t id = item["id"].GetInt64();
    const auto detail = Data(h(), Cluster(id), "cluster-response");
    EXPECT_TRUE(detail == item) << "cluster " << id << ": the list item is the detail";
    const auto zones = Data(h(), Cluster(id) + "/zones");
    ASSERT_EQ(zones["contents"].Size(), detail["zones"].Size());
    for (rapidjson::SizeType i = 0; i < detail["zones"].Size(); ++i) {
      const auto& mine = detail["zones"][i];
      const auto& theirs = zones["contents"][i];
      EXPECT_TRUE(mine["servers"] == theirs["servers"]) << "cluster " << id;
      EXPECT_EQ(theirs["serverCount"].GetInt64(), mine["serverCount"].GetInt64());
    }
    std::vector<std::string> roots;
    for (const auto& z : zones["contents"].GetArray()) {
      if (z.HasMember("rootServer")) roots.push_back(Text(z["rootServer"], "address"));
    }
    std::vector<std::string> listed;
    for (const auto& r : detail["rootServers"].GetArray()) listed.push_back(Text(r, "address"));
    EXPECT_EQ(roots, listed) << "cluster " << id;
  }
}

// Rule 3: unitCount units in each zone of each pool, with the pool's config, on that zone's
// servers; the tenant's units and its detail's zones[].units are the cluster's units of it.
TEST_P(TopologyConsistency, UnitsFollowEachTenantsResourcePools) {
  for (int64_t id : clusters_) {
    const auto units = Data(h(), Cluster(id) + "/units", "ob-unit-list-response");
    std::map<std::string, std::string> zone_of;  // "ip:port" -> zone
    // A named document: the loop would read a temporary's array after it is freed.
    const rapidjson::Document listed_data = Data(h(), Cluster(id) + "/servers");
    for (const auto& s : listed_data["contents"].GetArray())
      zone_of[Text(s, "ip") + ":" + std::to_string(s["port"].GetInt64())] = Text(s, "zoneName");
    std::set<int64_t> ids;
    for (const auto& u : units["contents"].GetArray()) {
      EXPECT_TRUE(ids.insert(u["obUnitId"].GetInt64()).second) << "unit ids are unique";
      EXPECT_EQ(Text(u, "zone"),
                zone_of[Text(u, "svrIp") + ":" + std::to_string(u["svrPort"].GetInt64())])
          << "a unit is on a server of its zone";
    }
    for (int64_t t : TenantIds(id)) {
      const auto tenant = Data(h(), Cluster(id) + "/tenants/" + std::to_string(t));
      const auto own = Data(h(), Cluster(id) + "/tenants/" + std::to_string(t) + "/units",
                            "ob-tenant-unit-list-response");
      size_t expected = 0;
      for (const auto& z : tenant["zones"].GetArray()) {
        const auto& pool = z["resourcePool"];
        size_t n = 0;
        for (const auto& u : units["contents"].GetArray()) {
          if (u["tenantId"].GetInt64() != t || Text(u, "zone") != Text(z, "name")) continue;
          ++n;
          EXPECT_EQ(pool["id"].GetInt64(), u["resourcePoolId"].GetInt64());
          if (!pool.HasMember("unitConfig")) continue;
          EXPECT_DOUBLE_EQ(pool["unitConfig"]["maxCpuCoreCount"].GetDouble(),
                           u["unitConfig"]["maxCpuCoreCount"].GetDouble());
          EXPECT_DOUBLE_EQ(pool["unitConfig"]["minCpuCoreCount"].GetDouble(),
                           u["unitConfig"]["minCpuCoreCount"].GetDouble());
          EXPECT_EQ(pool["unitConfig"]["maxMemorySize"].GetInt64(),
                    u["unitConfig"]["maxMemorySize"].GetInt64());
        }
        EXPECT_EQ(static_cast<size_t>(pool["unitCount"].GetInt64()), n) << "tenant " << t;
        size_t in_zone = 0;
        for (const auto& u : own["contents"].GetArray())
          in_zone += Text(u, "zoneName") == Text(z, "name");
        EXPECT_EQ(n, in_zone);
        EXPECT_EQ(n, z["units"].Size()) << "the tenant detail's units, tenant " << t;
        expected += n;
      }
      EXPECT_EQ(expected, own["contents"].Size()) << "tenant " << t;
    }
  }
}

// Rule 4: each server's assigned figures are the sums over its units; the cluster's stats are
// the sums over the servers' stats.
TEST_P(TopologyConsistency, StatsAreTheSumsOverServersAndUnits) {
  for (int64_t id : clusters_) {
    const auto units = Data(h(), Cluster(id) + "/units");
    const auto servers =
        Data(h(), Cluster(id) + "/serverStats", "server-resource-stats-list-response");
    const auto stats = Data(h(), Cluster(id) + "/stats", "cluster-resource-stats-response");
    std::map<std::string, double> sums;  // "field" summed over the servers
    for (const auto& s : servers["contents"].GetArray()) {
      double cpu = 0;
      int64_t memory = 0, log_disk = 0, log_used = 0, data_used = 0, count = 0;
      for (const auto& u : units["contents"].GetArray()) {
        if (Text(u, "svrIp") != Text(s, "ip") || u["svrPort"].GetInt64() != s["port"].GetInt64())
          continue;
        ++count;
        cpu += u["unitConfig"]["minCpuCoreCount"].GetDouble();
        memory += u["unitConfig"]["minMemoryByte"].GetInt64();
        log_disk += u["unitConfig"]["logDiskSizeByte"].GetInt64();
        log_used += u["logDiskUsedByte"].GetInt64();
        data_used += u["dataDiskUsedByte"].GetInt64();
      }
      EXPECT_EQ(count, s["unitCount"].GetInt64()) << "cluster " << id << " " << Text(s, "ip");
      EXPECT_DOUBLE_EQ(cpu, s["cpuAssigned"].GetDouble());
      EXPECT_EQ(memory, s["memoryAssignedByte"].GetInt64());
      EXPECT_EQ(log_disk, s["logDiskAssignedByte"].GetInt64());
      EXPECT_EQ(log_used, s["logDiskUsedByte"].GetInt64());
      EXPECT_EQ(data_used, s["dataDiskUsedByte"].GetInt64());
      for (const auto& m : s.GetObject()) {
        if (m.value.IsNumber()) sums[m.name.GetString()] += m.value.GetDouble();
      }
    }
    for (const char* field :
         {"unitCount", "cpuTotal", "cpuTotalMin", "cpuTotalMax", "cpuAssigned", "cpuAssignedMin",
          "cpuAssignedMax", "memoryTotalByte", "memoryAssignedByte", "systemMemoryByte",
          "logDiskTotalByte", "logDiskAssignedByte", "logDiskUsedByte", "dataDiskTotalByte",
          "dataDiskUsedByte"}) {
      EXPECT_DOUBLE_EQ(sums[field], stats[field].GetDouble()) << "cluster " << id << " " << field;
    }
    EXPECT_EQ(static_cast<int64_t>(units["contents"].Size()), stats["unitCount"].GetInt64());
    EXPECT_EQ(static_cast<int64_t>(TenantIds(id).size()), stats["tenantCount"].GetInt64());
  }
}

// Deterministic: the same fixtures give the same answers, request after request.
TEST_P(TopologyConsistency, AnswersAreTheSameEveryTime) {
  for (int64_t id : clusters_) {
    for (const char* page : {"/zones", "/units", "/serverStats"}) {
      EXPECT_TRUE(Data(h(), Cluster(id) + page) == Data(h(), Cluster(id) + page)) << id << page;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sets, TopologyConsistency,
    ::testing::Values(FixtureSet{"Bundled_4_2_2", "4.2.2"}, FixtureSet{"Bundled_4_2_0", "4.2.0"},
                      FixtureSet{"Bundled_3_1_1", "3.1.1"},
                      FixtureSet{"Generated1MTasks", "4.2.2", "OCPMOCK_TOPOLOGY_FIXTURES"}),
    [](const auto& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace mock::families
