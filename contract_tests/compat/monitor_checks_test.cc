// ocp-compat's rows for what an operations agent watches (issue #28; tools/compat/monitor_rules.h),
// both ways: ocp-mock passes every one of them, and behind a proxy that breaks one rule
// (contract_tests/support/monitor_breakages.h) the row of that rule fails: a `doc` row fails the
// version; a `mock` or `client` row is an observation (pass*) that --strict fails. The
// inspection run (a POST) is sent only with --allow-writes. Every version's mock passing these
// rows is the contract suite's Compat/CheckLibrary.* (run per version); here the oldest and the
// newest, whose alarm vocabularies differ.
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

contract::CommandResult RunMonitorCompat(const std::string& args) {
  return contract::RunCommand(std::string("'") + OCPCOMPAT_BINARY + "' " + args);
}

std::string MonitorCheckOf(const std::string& base_url, const std::string& version,
                           const std::string& more = "") {
  return "check --base-url " + base_url + " --user admin --password Admin@123 --versions " +
         version + more;
}

// The row's line in the table: its name and rule padded as TextReport pads them, the verdict.
std::string MonitorTableLine(const std::string& row, const std::string& rule,
                             const std::string& cell) {
  size_t width = 0;
  for (const auto& c : kChecks) width = std::max(width, std::string_view(c.name).size());
  return row + std::string(width + 2 - row.size(), ' ') + rule +
         std::string(11 - rule.size(), ' ') + cell;
}

// The journal's POST requests to the inspection run, counted in its JSON.
int64_t InspectionRunsJournaled(const std::string& base_url) {
  const auto r = contract::HttpClient(base_url, std::nullopt, std::nullopt)
                     .Send("GET", "/__mock/requests?method=POST&size=2000");
  auto doc = mock::json::ParseJson(r.body).value();
  int64_t runs = 0;
  for (const auto& request : doc["data"]["contents"].GetArray()) {
    if (std::string_view(request["path"].GetString()) == "/api/v2/inspection/run") ++runs;
  }
  return runs;
}

struct WatchRow {
  const char* name;
  const char* rule;
};
constexpr WatchRow kWatchRows[] = {
    {"metric-groups", "doc"},
    {"metric-groups-filter", "doc"},
    {"metric-series", "doc"},
    {"metric-steps", "mock"},
    {"metric-range-refused", "doc"},
    {"alarms", "doc"},
    {"alarms-filter-each", "doc"},
    {"alarm-detail", "doc"},
    {"inspection-tasks", "client"},
    {"inspection-overview", "client"},
    {"inspection-report-info", "client"},
    {"top-sql", "doc"},
    {"slow-sql", "client"},
    {"sql-text", "doc"},
};

// Every row passes plainly (no pass*), and the inspection run is n/a and not sent without
// --allow-writes; with it, it passes and is sent once, with its parameters in the query.
TEST(CompatMonitor, OcpMockPassesEveryRowAndRunsAnInspectionOnlyWhenAllowed) {
  for (const char* version : {"3.1.1", "4.2.2"}) {
    contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", version, "--time-scale", "0"});
    const contract::CommandResult r = RunMonitorCompat(MonitorCheckOf(server.base_url(), version));
    EXPECT_EQ(0, r.rc) << version << "\n" << r.out;
    for (const WatchRow& row : kWatchRows) {
      EXPECT_NE(std::string::npos, r.out.find(MonitorTableLine(row.name, row.rule, "pass ")))
          << version << " " << row.name << "\n"
          << r.out;
    }
    EXPECT_NE(std::string::npos, r.out.find(MonitorTableLine("inspection-run", "client", "n/a")));
    EXPECT_NE(std::string::npos,
              r.out.find("  inspection-run: writes are off (--allow-writes, or "
                         "OCP_ALLOW_WRITES=1, runs it; it starts a basic inspection of the first "
                         "listed cluster)"))
        << r.out;
    EXPECT_EQ(0, InspectionRunsJournaled(server.base_url())) << version;

    const contract::CommandResult w =
        RunMonitorCompat(MonitorCheckOf(server.base_url(), version, " --allow-writes"));
    EXPECT_EQ(0, w.rc) << w.out;
    EXPECT_NE(std::string::npos, w.out.find(MonitorTableLine("inspection-run", "client", "pass ")))
        << w.out;
    EXPECT_EQ(1, InspectionRunsJournaled(server.base_url())) << version;
  }
}

struct WatchBroken {
  Breakage breakage;
  const char* row;
  std::string says;  // what the row's violation says
};

// A `doc` row broken: no version is met, and that row says why.
TEST(CompatMonitor, FailsServersThatBreakADocumentedRule) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  for (const WatchBroken& b : std::vector<WatchBroken>{
           {Breakage::kMetricGroupTypeIgnored, "metric-groups-filter",
            "?type=NORMAL&scope=CLUSTER&page=1&size=100: /data/contents/1 has type \"TOP\", not "
            "the \"NORMAL\" asked: the filter is not applied"},
           {Breakage::kMetricPointOutOfRange, "metric-series", "is outside the range asked, ["},
           {Breakage::kAlarmLevelFilterIgnored, "alarms-filter-each",
            "/api/v2/alarm/alarms?size=200&level=1: /data/contents/0 has level 5, not the \"1\" "
            "asked: the filter is not applied"},
           {Breakage::kTopSqlExecutionsAsText, "top-sql", "/topSql?startTime="}}) {
    contract::BreakingProxy proxy(server.base_url(), b.breakage);
    const contract::CommandResult r = RunMonitorCompat(MonitorCheckOf(proxy.base_url(), "4.2.2"));
    const std::string name(contract::BreakageName(b.breakage));
    EXPECT_EQ(1, r.rc) << name << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << name;
    EXPECT_NE(std::string::npos, r.out.find(MonitorTableLine(b.row, "doc", "FAIL"))) << name << "\n"
                                                                                     << r.out;
    EXPECT_NE(std::string::npos, r.out.find(std::string("4.2.2 ") + b.row + ": GET ")) << name;
    EXPECT_NE(std::string::npos, r.out.find(b.says)) << name << "\n" << r.out;
  }
}

// A `mock` row (irregular steps) and a `client` row (an inspection task list without its page)
// broken: the version is still met, with an observation; --strict fails it.
TEST(CompatMonitor, MockAndClientRowsAreObservationsUnlessStrict) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  for (const WatchBroken& b : std::vector<WatchBroken>{
           {Breakage::kMetricStepIrregular, "metric-steps",
            "4.2.2 metric-steps: differs from ocp-mock [mock: that series: each group's "
            "timestamps ascend by whole multiples of the interval] GET "
            "/api/v2/monitor/metricsWithLabel?"},
           {Breakage::kInspectionTasksUnpaged, "inspection-tasks",
            "4.2.2 inspection-tasks: differs from what clients rely on [client: GET "
            "/api/v2/inspection/task: 200 and the task list the MCP server reads"}}) {
    contract::BreakingProxy proxy(server.base_url(), b.breakage);
    const std::string name(contract::BreakageName(b.breakage));
    const std::string rule = kChecks[CheckNamed(b.row)].source;
    const contract::CommandResult r = RunMonitorCompat(MonitorCheckOf(proxy.base_url(), "4.2.2"));
    EXPECT_EQ(0, r.rc) << name << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find(MonitorTableLine(b.row, rule, "pass*"))) << name << "\n"
                                                                                     << r.out;
    EXPECT_NE(std::string::npos, r.out.find(b.says)) << name << "\n" << r.out;
    const contract::CommandResult strict =
        RunMonitorCompat(MonitorCheckOf(proxy.base_url(), "4.2.2", " --strict"));
    EXPECT_EQ(1, strict.rc) << name << "\n" << strict.out;
    EXPECT_NE(std::string::npos, strict.out.find(MonitorTableLine(b.row, rule, "FAIL")))
        << name << "\n"
        << strict.out;
  }
}

}  // namespace
}  // namespace compat
