// ocp-compat's rows for the pages OceanBase's MCP server reads (issue #27;
// tools/compat/topology_rules.h, config_rules.h), both ways: ocp-mock passes every one of them in
// every version it plays, and behind a proxy that breaks one rule
// (contract_tests/support/topology_breakages.h) the row of that rule fails: a `doc` row fails
// the version; a `mock` row is an observation (pass*) that --strict fails. The parameter PUTs
// are sent only with --allow-writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "contract_tests/support/breaking_proxy.h"
#include "mock/json/json.h"
#include "tools/client/command.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"
#include "tools/compat/checks.h"

namespace compat {
namespace {

using contract::Breakage;

contract::CommandResult RunTopologyCompat(const std::string& args) {
  return contract::RunCommand(std::string("'") + OCPCOMPAT_BINARY + "' " + args);
}

std::string TopologyCheckOf(const std::string& base_url, const std::string& version,
                            const std::string& more = "") {
  return "check --base-url " + base_url + " --user admin --password Admin@123 --versions " +
         version + more;
}

// The row's line in the table for one version: its name and rule padded as TextReport pads
// them, then the verdict.
std::string TopologyTableLine(const std::string& row, const std::string& rule,
                              const std::string& cell) {
  size_t width = 0;
  for (const auto& c : kChecks) width = std::max(width, std::string_view(c.name).size());
  return row + std::string(width + 2 - row.size(), ' ') + rule +
         std::string(11 - rule.size(), ' ') + cell;
}

// What the mock's journal holds of `method` requests (their count, or their JSON).
contract::HttpResult TopologyJournal(const std::string& base_url, const std::string& what) {
  return contract::HttpClient(base_url, std::nullopt, std::nullopt).Send("GET", what);
}
int64_t TopologyJournaled(const std::string& base_url, const std::string& method) {
  const auto r = TopologyJournal(base_url, "/__mock/requests/count?method=" + method);
  return mock::json::ParseJson(r.body).value()["data"]["count"].GetInt64();
}

// The rows of issue #27, with the rule each says it follows.
struct TopologyRow {
  const char* name;
  const char* rule;
};
constexpr TopologyRow kTopologyRows[] = {
    {"zones", "doc"},
    {"servers", "doc"},
    {"servers-filter-each", "doc"},
    {"zone-servers", "doc"},
    {"units", "client"},
    {"tenant-units", "doc"},
    {"units-agree", "mock"},
    {"stats", "client"},
    {"server-stats", "client"},
    {"stats-add-up", "mock"},
    {"cluster-parameters", "doc"},
    {"tenant-parameters", "doc"},
    {"obproxy-parameters", "doc"},
    {"tenant-databases", "doc"},
    {"tenant-users", "doc"},
    {"tenant-user-detail", "doc"},
    {"tenant-roles", "doc"},
    {"tenant-role-detail", "doc"},
    {"tenant-objects", "doc"},
};

// Every row passes against ocp-mock playing each version (plain: no pass*; 4.2.0's tenants are
// MySQL ones, so its Oracle rows are n/a), and no PUT is sent without --allow-writes.
TEST(CompatTopology, OcpMockPassesEveryRowInEveryVersion) {
  for (const char* version : {"3.1.1", "4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"}) {
    contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", version, "--time-scale", "0"});
    const contract::CommandResult r =
        RunTopologyCompat(TopologyCheckOf(server.base_url(), version));
    EXPECT_EQ(0, r.rc) << version << "\n" << r.out;
    const bool oracle = std::string_view(version) != "4.2.0";
    for (const TopologyRow& row : kTopologyRows) {
      const bool oracle_row = std::string_view(row.name).starts_with("tenant-role") ||
                              std::string_view(row.name) == "tenant-objects";
      const std::string cell = oracle || !oracle_row ? "pass " : "n/a";
      EXPECT_NE(std::string::npos, r.out.find(TopologyTableLine(row.name, row.rule, cell)))
          << version << " " << row.name << "\n"
          << r.out;
    }
    EXPECT_NE(std::string::npos,
              r.out.find(TopologyTableLine("parameter-round-trip", "doc", "n/a")))
        << r.out;
    EXPECT_EQ(0, TopologyJournaled(server.base_url(), "PUT")) << version << ": PUT without "
                                                              << "--allow-writes";
  }
}

// With --allow-writes, one PUT of the cluster's parameters and one of the tenant's, each setting
// a parameter to the value it had: the values after are the values before.
TEST(CompatTopology, WritesSetParametersToTheirOwnValuesOnlyWhenAllowed) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  const contract::CommandResult read_only =
      RunTopologyCompat(TopologyCheckOf(server.base_url(), "4.2.2"));
  EXPECT_NE(std::string::npos,
            read_only.out.find("  parameter-round-trip: writes are off (--allow-writes, or "
                               "OCP_ALLOW_WRITES=1, runs it; it sets a cluster parameter and a "
                               "tenant parameter to the values they already have)"))
      << read_only.out;
  EXPECT_EQ(0, TopologyJournaled(server.base_url(), "PUT"));
  contract::HttpClient admin(server.base_url(), "admin", "Admin@123");
  const std::string before = admin.Send("GET", "/api/v2/ob/clusters/1/parameters").body;

  const contract::CommandResult r =
      RunTopologyCompat(TopologyCheckOf(server.base_url(), "4.2.2", " --allow-writes"));
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find(TopologyTableLine("parameter-round-trip", "doc", "pass ")))
      << r.out;
  EXPECT_EQ(2, TopologyJournaled(server.base_url(), "PUT"));
  const std::string puts = TopologyJournal(server.base_url(), "/__mock/requests?method=PUT").body;
  EXPECT_NE(std::string::npos, puts.find(R"("path":"/api/v2/ob/clusters/1/parameters")")) << puts;
  EXPECT_NE(std::string::npos, puts.find("/tenants/")) << puts;
  EXPECT_EQ(std::string::npos, puts.find(R"("status":4)")) << "no PUT refused: " << puts;
  const std::string after = admin.Send("GET", "/api/v2/ob/clusters/1/parameters").body;
  auto values = [](const std::string& body) {
    auto doc = mock::json::ParseJson(body).value();
    std::string out;
    for (const auto& p : doc["data"]["contents"].GetArray()) {
      out += std::string(p["name"].GetString()) + "=" + p["currentValue"]["values"][0].GetString() +
             ";";
    }
    return out;
  };
  EXPECT_EQ(values(before), values(after)) << "a PUT changed a value";
}

struct TopologyBroken {
  Breakage breakage;
  const char* row;
  std::string says;  // what the row's violation says
};

// A `doc` row broken: no version is met, and that row says why.
TEST(CompatTopology, FailsServersThatBreakADocumentedRule) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  for (const TopologyBroken& b : std::vector<TopologyBroken>{
           {Breakage::kServerRegionFilterIgnored, "servers-filter-each",
            "?regionName=ocp-compat-no-such-regionName: /data/contents/0 has regionName "
            "\"region1\", not the \"ocp-compat-no-such-regionName\" asked"},
           {Breakage::kUnitZoneFilterIgnored, "tenant-units",
            "/units?zoneName=ocp-compat-no-such-zoneName: /data/contents/0 has zoneName"},
           {Breakage::kServerZoneUnknown, "servers",
            "/servers: /data/contents/0/zoneName \"zone1-elsewhere\" is none of the cluster's "
            "zones {zone1}"},
           {Breakage::kDatabaseNameMissing, "tenant-databases", "/databases: /data/contents/0"}}) {
    contract::BreakingProxy proxy(server.base_url(), b.breakage);
    const contract::CommandResult r = RunTopologyCompat(TopologyCheckOf(proxy.base_url(), "4.2.2"));
    const std::string name(contract::BreakageName(b.breakage));
    EXPECT_EQ(1, r.rc) << name << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << name;
    EXPECT_NE(std::string::npos, r.out.find(TopologyTableLine(b.row, "doc", "FAIL")))
        << name << "\n"
        << r.out;
    EXPECT_NE(std::string::npos, r.out.find(std::string("4.2.2 ") + b.row + ": GET ")) << name;
    EXPECT_NE(std::string::npos, r.out.find(b.says)) << name << "\n" << r.out;
  }
}

// A `mock` row broken (the cluster's statistics not the sums of its servers'): the version is
// still met, with an observation naming ocp-mock's rule; --strict fails it.
TEST(CompatTopology, MockRowsAreObservationsUnlessStrict) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  contract::BreakingProxy proxy(server.base_url(), Breakage::kStatsNotSummed);
  const contract::CommandResult r = RunTopologyCompat(TopologyCheckOf(proxy.base_url(), "4.2.2"));
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find(TopologyTableLine("stats-add-up", "mock", "pass*")))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find(TopologyTableLine("stats", "client", "pass "))) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("4.2.2 stats-add-up: differs from ocp-mock [mock: serverStats has one row "
                       "per server, and the cluster's totals are the sums of the servers'] GET "
                       "/api/v2/ob/clusters/1/stats: /data/cpuTotal is "))
      << r.out;
  const contract::CommandResult strict =
      RunTopologyCompat(TopologyCheckOf(proxy.base_url(), "4.2.2", " --strict"));
  EXPECT_EQ(1, strict.rc) << strict.out;
  EXPECT_NE(std::string::npos, strict.out.find(TopologyTableLine("stats-add-up", "mock", "FAIL")))
      << strict.out;
}

}  // namespace
}  // namespace compat
