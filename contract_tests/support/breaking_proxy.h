// A proxy in front of a server that breaks one documented rule in its answers, to prove that the
// live suite fails a server that breaks OCP's contract (and not only that it tolerates one that
// chooses otherwise where the docs are silent).
//
//   BreakingProxy proxy(mock.base_url(), Breakage::kTotalsOffByOne);
//   // point the live suite at proxy.base_url()
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace contract {

enum class Breakage {
  kZeroBasedPageNumber,  // paging: page.number 0-based (the docs: 1-based)
  kTotalsOffByOne,       // totals: page.totalElements one more than the tasks
  kStatusFilterIgnored,  // filter semantics: `status` is dropped before the request is served
  kTaskStatusMissing,    // field presence: tasks in lists lose their required `status`
  kIdsAsStrings,         // JSON types: task ids written as strings
  kErrorCodeChanged,     // error codes: every error.code becomes 99999
  kErrorsAre500,         // HTTP statuses: every 4xx error answered as 500
  kNoAuthentication,     // authentication: requests without credentials are served
  kDetailNameDiffers,    // the detail agreeing with the list: the detail's name changes
  // The variants of issue #24's stand-in OCP that ocp-compat missed:
  kTenantStatusFilterIgnored,  // the tenant list drops its `status` filter
  kHostsPageShifted,           // the host list's page=N, when asked, serves page N+1 (numbered N)
  kClusterNameCaseSensitive,   // the cluster `name` keyword matches in its own letter case only
  kTaskClusterNameExact,       // the task list's clusterName keyword demands the whole name
  kDetailStatusDiffers,        // a task's detail has another status than the list shows
  // Not a documented rule: a server without the `client` path GET /api/v2/tasks/{id} (404).
  kNoTasksById,
  // The pages the client flows read (issue #25; flow_breakages.cc breaks them), each caught by
  // one row of the check library (tools/compat/flow_rules.h):
  kClusterDetailTypeMissing,  // client: a cluster's detail loses `type` (cluster-detail)
  kObproxyListUnpaged,        // doc: the OBProxy list loses data.page (obproxy-clusters)
  kObproxyDetailDiffers,      // doc: an OBProxy cluster's detail renames it (obproxy-detail)
  kHostTypesPageZeroBased,    // doc: the host type list's page.number 0-based (host-types-paging)
  kHostTypeNameMissing,       // doc: host types lose their required `name` (host-types)
  kCredentialsUnpaged,        // client: the credential list loses data.page (credentials)
  kCredentialSecretInClear,   // doc: a listed credential carries its passphrase
                              // (credentials-masked)
  kCredentialSecretEchoed,    // doc: a credential's creation answers its passphrase
                              // (credentials-masked, with the writes)
  kCredentialCreateNoId,      // client: a credential's creation answers no data.id
                              // (credential-create)
  kSnapshotIdsAsStrings,      // doc: snapshotId written as a string (workload-snapshots)
  kSnapshotTimesWithoutFraction,  // client: snapshotTime without its fraction (snapshot-times)
  kReportsUnpaged,                // client: the report list loses data.page (workload-reports)
  kQueryOnlyReportRefused,        // client: a report's POST reads no query string, so one with
                                  // its parameters in the query only is refused (report-encodings)
  // The pages OceanBase's MCP server reads (issue #27; topology_breakages.cc breaks them), each
  // caught by one row of the check library (tools/compat/topology_rules.h, config_rules.h):
  kServerRegionFilterIgnored,  // doc: the server list drops `regionName` (servers-filter-each)
  kUnitZoneFilterIgnored,      // doc: a tenant's units drop `zoneName` (tenant-units)
  kServerZoneUnknown,          // doc: each server's zoneName is no zone of its cluster (servers)
  kDatabaseNameMissing,        // doc: a tenant's databases lose their `dbName` (tenant-databases)
  kStatsNotSummed,             // mock: the cluster's cpuTotal is one more than its servers'
                               // (stats-add-up)
  // What an operations agent watches (issue #28; monitor_breakages.cc breaks them), each caught
  // by one row of the check library (tools/compat/monitor_rules.h):
  kMetricGroupTypeIgnored,   // doc: the metric groups drop `type` (metric-groups-filter)
  kMetricPointOutOfRange,    // doc: each series' last point an hour after the range asked
                             // (metric-series)
  kMetricStepIrregular,      // mock: each series' second point a second early (metric-steps)
  kAlarmLevelFilterIgnored,  // doc: the alarm list drops `level` (alarms-filter-each)
  kInspectionTasksUnpaged,   // client: the inspection task list loses data.page
                             // (inspection-tasks)
  kTopSqlExecutionsAsText,   // doc: a top SQL row's `executions` written as a string (top-sql)
};

std::string_view BreakageName(Breakage b);

class BreakingProxy {
 public:
  // Serves on a free loopback port until destroyed; forwards every request to `upstream`.
  BreakingProxy(std::string upstream, Breakage breakage);
  ~BreakingProxy();
  BreakingProxy(const BreakingProxy&) = delete;
  BreakingProxy& operator=(const BreakingProxy&) = delete;

  const std::string& base_url() const { return base_url_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string base_url_;
};

}  // namespace contract
