// ocp-compat's rows for the pages the client flows read (issue #25; tools/compat/flow_rules.h),
// both ways: ocp-mock passes every one of them, and behind a proxy that breaks one rule
// (contract_tests/support/flow_breakages.h) the row of that rule fails: a `doc` row fails the
// version; a `client` row is an observation (pass*) that --strict fails. The write rows run only
// with --allow-writes: without it ocp-compat sends nothing but GET requests and says so.
#include <gtest/gtest.h>

#include <string>
#include <utility>
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

contract::CommandResult RunCompat(const std::string& args) {
  return contract::RunCommand(std::string("'") + OCPCOMPAT_BINARY + "' " + args);
}

std::string CheckOf(const std::string& base_url, const std::string& more = "") {
  return "check --base-url " + base_url + " --user admin --password Admin@123 --versions 4.2.2" +
         more;
}

// The row's line in the table: its name padded as TextReport pads it, the rule, the verdict.
std::string TableLine(const std::string& row, const std::string& rule, const std::string& cell) {
  size_t width = 0;
  for (const auto& c : kChecks) width = std::max(width, std::string_view(c.name).size());
  return row + std::string(width + 2 - row.size(), ' ') + rule +
         std::string(11 - rule.size(), ' ') + cell;
}

// How many requests of `method` the mock's journal holds (whatever their path).
int64_t Journaled(const std::string& base_url, const std::string& method,
                  const std::string& path = "") {
  contract::HttpClient mock(base_url, std::nullopt, std::nullopt);
  const auto r = mock.Send(
      "GET", "/__mock/requests/count?method=" + method + (path.empty() ? "" : "&path=" + path));
  return mock::json::ParseJson(r.body).value()["data"]["count"].GetInt64();
}

// Every flow row passes against ocp-mock (plain: no pass*), the writes included when allowed,
// and they send what the clients send: a form body and a query-only POST, obdeploy's credential.
TEST(CompatFlows, OcpMockPassesEveryRowAndWritesOnlyWhenAllowed) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  const contract::CommandResult read_only = RunCompat(CheckOf(server.base_url()));
  EXPECT_EQ(0, read_only.rc) << read_only.out;
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    EXPECT_EQ(0, Journaled(server.base_url(), method)) << method << " sent without --allow-writes";
  }
  for (const char* row : {"report-encodings", "credential-create"}) {
    EXPECT_NE(std::string::npos, read_only.out.find(TableLine(row, "client", "n/a"))) << row;
    EXPECT_NE(std::string::npos,
              read_only.out.find(std::string("  ") + row +
                                 ": writes are off "
                                 "(--allow-writes, or OCP_ALLOW_WRITES=1, runs it; it "))
        << read_only.out;
  }
  EXPECT_NE(std::string::npos,
            read_only.out.find("not run (n/a in every version; no version is ranked on them):"))
      << read_only.out;

  const contract::CommandResult r = RunCompat(CheckOf(server.base_url(), " --allow-writes"));
  EXPECT_EQ(0, r.rc) << r.out;
  for (const char* row :
       {"cluster-detail", "clusters-detail-agrees", "credentials", "snapshot-times",
        "workload-reports", "report-encodings", "credential-create"}) {
    EXPECT_NE(std::string::npos, r.out.find(TableLine(row, "client", "pass "))) << row << r.out;
  }
  for (const char* row : {"obproxy-clusters", "obproxy-detail", "host-types", "host-types-paging",
                          "credentials-masked", "workload-snapshots"}) {
    EXPECT_NE(std::string::npos, r.out.find(TableLine(row, "doc", "pass "))) << row << r.out;
  }
  EXPECT_EQ(std::string::npos, r.out.find("writes are off")) << r.out;
  const std::string reports = "/api/v2/ob/clusters/*/performance/workload/reports";
  EXPECT_EQ(2, Journaled(server.base_url(), "POST", reports));
  EXPECT_EQ(1, Journaled(server.base_url(), "POST", "/api/v2/profiles/me/credentials"));
  contract::HttpClient mock(server.base_url(), std::nullopt, std::nullopt);
  const std::string journal = mock.Send("GET", "/__mock/requests?method=POST").body;
  EXPECT_NE(std::string::npos, journal.find(R"("query":"endSnapshotId=)")) << "query-only POST";
  EXPECT_NE(std::string::npos, journal.find(R"("query":"")")) << "form body, no query";
  const std::string credentials = mock.Send("GET", "/__mock/credentials").body;
  EXPECT_NE(std::string::npos, credentials.find(R"("name":"ocp-compat-)")) << credentials;
}

struct Broken {
  Breakage breakage;
  const char* row;
  std::string flags{};  // --allow-writes for the write rows
  std::string says{};   // what the row's violation must say, when given
};

// A `doc` row broken: the version is not met, and that row says why.
TEST(CompatFlows, FailsServersThatBreakADocumentedFlowRule) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  for (const Broken& b : std::vector<Broken>{
           {Breakage::kObproxyListUnpaged, "obproxy-clusters"},
           {Breakage::kObproxyDetailDiffers, "obproxy-detail"},
           {Breakage::kHostTypesPageZeroBased, "host-types-paging"},
           {Breakage::kHostTypeNameMissing, "host-types"},
           {Breakage::kCredentialSecretInClear, "credentials-masked"},
           {Breakage::kCredentialSecretEchoed, "credentials-masked", " --allow-writes",
            "credentials-masked: POST /api/v2/profiles/me/credentials (application/json): the "
            "answer carries the secret the creation sent"},
           {Breakage::kSnapshotIdsAsStrings, "workload-snapshots"}}) {
    contract::BreakingProxy proxy(server.base_url(), b.breakage);
    const contract::CommandResult r = RunCompat(CheckOf(proxy.base_url(), b.flags));
    const std::string name(contract::BreakageName(b.breakage));
    EXPECT_EQ(1, r.rc) << name << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << name;
    EXPECT_NE(std::string::npos, r.out.find(TableLine(b.row, "doc", "FAIL"))) << name << r.out;
    EXPECT_NE(std::string::npos, r.out.find(std::string("4.2.2 ") + b.row + ": ")) << name;
    EXPECT_NE(std::string::npos, r.out.find(b.says)) << name << r.out;
    // Neither the proxy's secret nor the one ocp-compat sent ("ocpcompat" and hex) is printed.
    EXPECT_EQ(std::string::npos, r.out.find("hunter2")) << "a secret found is never printed";
    EXPECT_EQ(std::string::npos, r.out.find("ocpcompat")) << r.out;
  }
}

// A `client` row broken: the version is still met, with an observation; --strict fails it.
TEST(CompatFlows, ClientFlowRulesAreObservationsUnlessStrict) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  for (const Broken& b : std::vector<Broken>{
           {Breakage::kClusterDetailTypeMissing, "cluster-detail"},
           {Breakage::kCredentialsUnpaged, "credentials"},
           {Breakage::kSnapshotTimesWithoutFraction, "snapshot-times"},
           {Breakage::kReportsUnpaged, "workload-reports"},
           {Breakage::kQueryOnlyReportRefused, "report-encodings", " --allow-writes"},
           {Breakage::kCredentialCreateNoId, "credential-create", " --allow-writes"}}) {
    contract::BreakingProxy proxy(server.base_url(), b.breakage);
    const std::string name(contract::BreakageName(b.breakage));
    const contract::CommandResult r = RunCompat(CheckOf(proxy.base_url(), b.flags));
    EXPECT_EQ(0, r.rc) << name << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find(TableLine(b.row, "client", "pass*"))) << name << r.out;
    EXPECT_NE(std::string::npos, r.out.find(std::string("4.2.2 ") + b.row +
                                            ": differs from what clients rely on [client: "))
        << name << r.out;
    const contract::CommandResult strict =
        RunCompat(CheckOf(proxy.base_url(), b.flags + " --strict"));
    EXPECT_EQ(1, strict.rc) << name << "\n" << strict.out;
    EXPECT_NE(std::string::npos, strict.out.find(TableLine(b.row, "client", "FAIL"))) << name;
  }
}

// The snapshot list's form is obdiag's matter, not the docs': a time without a fraction fails
// snapshot-times (client) and leaves workload-snapshots (doc) passing.
TEST(CompatFlows, ATimeWithoutAFractionIsTheClientRowsMatterOnly) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  contract::BreakingProxy proxy(server.base_url(), Breakage::kSnapshotTimesWithoutFraction);
  const contract::CommandResult r = RunCompat(CheckOf(proxy.base_url(), " --strict"));
  EXPECT_NE(std::string::npos, r.out.find(TableLine("workload-snapshots", "doc", "pass ")))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("/data/contents/0/snapshotTime \"")) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("\" has no fraction of a second: obdiag cuts the text at the '.'"))
      << r.out;
}

}  // namespace
}  // namespace compat
