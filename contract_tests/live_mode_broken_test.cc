// The live suite fails a server that breaks a documented rule (live_mode_test.cc proves the
// other direction): ocp-mock behind a proxy that breaks one rule each.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "contract_tests/live_mode_harness.h"
#include "contract_tests/support/breaking_proxy.h"
#include "contract_tests/support/server_under_test.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

// The other direction: a server that breaks a documented rule fails the live suite, even
// though the suite tolerates a server's own choices where the docs are silent. Each case runs
// the tests that judge its rule, against ocp-mock behind a proxy that breaks that one rule.
struct BrokenCase {
  Breakage breakage;
  std::string filter;  // the tests that must catch it
  // The test that must fail, when one is named; it runs against the bundled data (entities of
  // several statuses and modes), the others against the generated tasks alone.
  std::string must_fail{};
  std::string env{};  // "K=V ..." for the live run: OCP_STRICT=1 for a `client` row, writes
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures).
void PrintTo(const BrokenCase& c, std::ostream* os) {
  *os << BreakageName(c.breakage) << ", caught by " << c.filter;
}

class BrokenServer : public LiveMode, public testing::WithParamInterface<BrokenCase> {};

TEST_P(BrokenServer, FailsTheLiveSuite) {
  auto server =
      GetParam().must_fail.empty()
          ? Serve("10-generated.json")
          : std::make_unique<MockProcess>(
                OCPMOCK_BINARY, std::vector<std::string>{"--time-scale", "0", "--ocp-version",
                                                         ServerUnderTest::Get().version()});
  BreakingProxy proxy(server->base_url(), GetParam().breakage);
  std::string output;
  const int rc =
      RunLiveSuite(proxy.base_url(), workdir_, &output, GetParam().env, GetParam().filter);
  EXPECT_NE(0, rc) << "the suite passed a server whose answers are broken by "
                   << BreakageName(GetParam().breakage) << ":\n"
                   << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("[  FAILED  ]")) << output.substr(0, 3000);
  EXPECT_NE(std::string::npos, output.find("[  FAILED  ] " + GetParam().must_fail))
      << GetParam().must_fail << " did not fail:\n"
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_EQ(std::string::npos, output.find("Segmentation fault")) << "a failure, not a crash";
}

INSTANTIATE_TEST_SUITE_P(
    LiveModeBroken, BrokenServer,
    testing::Values(BrokenCase{Breakage::kZeroBasedPageNumber, "Paging.*:PageAndSize/*"},
                    BrokenCase{Breakage::kTotalsOffByOne, "Paging.*:Sizes/*"},
                    BrokenCase{Breakage::kStatusFilterIgnored, "ListFilters.EachStatusAlone"},
                    BrokenCase{Breakage::kTaskStatusMissing, "ListFilters.NoFilterListsEveryTask"},
                    BrokenCase{Breakage::kIdsAsStrings, "ListFilters.NoFilterListsEveryTask"},
                    BrokenCase{Breakage::kErrorCodeChanged, "ErrorEnvelope.*"},
                    BrokenCase{Breakage::kErrorsAre500, "ListTasks/ErrorCases.*"},
                    BrokenCase{Breakage::kNoAuthentication, "Authentication.*"},
                    BrokenCase{Breakage::kDetailNameDiffers, "TaskDetail.*"},
                    // Issue #24's variants, caught by the check library's rows in the suite.
                    BrokenCase{Breakage::kTenantStatusFilterIgnored, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/tenants_filter_each"},
                    BrokenCase{Breakage::kHostsPageShifted, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/hosts_paging"},
                    BrokenCase{Breakage::kClusterNameCaseSensitive, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/clusters_filter_each"},
                    BrokenCase{Breakage::kTaskClusterNameExact, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/list_filter_each"},
                    BrokenCase{Breakage::kDetailStatusDiffers, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/detail_agrees"},
                    // The pages the client flows read (issue #25): `doc` rows fail as they are,
                    // `client` rows under OCP_STRICT=1, the writes with OCP_ALLOW_WRITES=1.
                    BrokenCase{Breakage::kObproxyListUnpaged, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/obproxy_clusters"},
                    BrokenCase{Breakage::kObproxyDetailDiffers, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/obproxy_detail"},
                    BrokenCase{Breakage::kHostTypesPageZeroBased, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/host_types_paging"},
                    BrokenCase{Breakage::kHostTypeNameMissing, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/host_types"},
                    BrokenCase{Breakage::kCredentialSecretInClear, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/credentials_masked"},
                    BrokenCase{Breakage::kCredentialSecretEchoed, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/credentials_masked",
                               "OCP_ALLOW_WRITES=1"},
                    BrokenCase{Breakage::kSnapshotIdsAsStrings, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/workload_snapshots"},
                    BrokenCase{Breakage::kClusterDetailTypeMissing, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/cluster_detail", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kCredentialsUnpaged, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/credentials", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kSnapshotTimesWithoutFraction, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/snapshot_times", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kReportsUnpaged, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/workload_reports", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kQueryOnlyReportRefused, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/report_encodings",
                               "OCP_STRICT=1 OCP_ALLOW_WRITES=1"},
                    BrokenCase{Breakage::kCredentialCreateNoId, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/credential_create",
                               "OCP_STRICT=1 OCP_ALLOW_WRITES=1"},
                    // The pages OceanBase's MCP server reads (issue #27): `doc` rows fail as
                    // they are, a `mock` row under OCP_STRICT=1.
                    BrokenCase{Breakage::kServerRegionFilterIgnored, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/servers_filter_each"},
                    BrokenCase{Breakage::kUnitZoneFilterIgnored, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/tenant_units"},
                    BrokenCase{Breakage::kServerZoneUnknown, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/servers"},
                    BrokenCase{Breakage::kDatabaseNameMissing, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/tenant_databases"},
                    BrokenCase{Breakage::kStatsNotSummed, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/stats_add_up", "OCP_STRICT=1"},
                    // What an operations agent watches (issue #28): `doc` rows fail as they
                    // are, a `mock` or `client` row under OCP_STRICT=1.
                    BrokenCase{Breakage::kMetricGroupTypeIgnored, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/metric_groups_filter"},
                    BrokenCase{Breakage::kMetricPointOutOfRange, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/metric_series"},
                    BrokenCase{Breakage::kAlarmLevelFilterIgnored, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/alarms_filter_each"},
                    BrokenCase{Breakage::kMetricStepIrregular, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/metric_steps", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kInspectionTasksUnpaged, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/inspection_tasks", "OCP_STRICT=1"},
                    BrokenCase{Breakage::kTopSqlExecutionsAsText, "Compat/CheckLibrary.*",
                               "Compat/CheckLibrary.Holds/top_sql"}),
    [](const testing::TestParamInfo<BrokenCase>& p) {
      return std::string(BreakageName(p.param.breakage));
    });

}  // namespace
}  // namespace contract
