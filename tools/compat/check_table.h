// The check library's rows: each check's name, what it asks and where its rule comes from, in
// the order ocp-compat and the contract suite report them (checks.h judges them).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace compat {

// A check, and where its rule comes from: "doc" (OCP's documentation), "framework" (what every
// Spring application does), "client" (what a public client relies on where the docs are
// silent: a failure there is an observation, "differs from what clients rely on [client: ...]",
// unless --strict) or "mock" (ocp-mock's own consistency where the docs are silent: a failure
// is an observation, "differs from ocp-mock [mock: ...]", unless --strict). Within a check, what
// only ocp-mock's choice decides (extra fields, message wording) is an observation, not a
// failure, unless --strict.
//
// Audit (issue #24: a live check demands only what the RFCs and OCP's docs, or the framework OCP
// is built on, demand): every check below reads the HTTP status, the JSON body (tolerantly) and
// nothing of the transport: not the status line's HTTP version (RFC 9110 6.2 lets a server
// answer with its own highest version: Tomcat, so OCP, says HTTP/1.1), not header case, not
// keep-alive, not the Content-Type's parameters. The list-paging and list-paging-edges rules are
// Spring Data's (1-based pages as OCP configures them, the clamp of size to 2000, an empty page
// past the last); the others are OCP's documented statuses, schemas, codes, totals, filters and
// sort keys. Name order accepts every collation OCP's metadb may use (NameCollations); message
// wording and extra fields are ocp-mock's rules, observations only.
struct CheckInfo {
  const char* name;
  const char* what;
  const char* source;
};
inline constexpr std::array<CheckInfo, 86> kChecks = {{
    {"list", "GET the task list: 200 and the list schema", "doc"},
    {"list-paging", "page=2&size=1: page.number 2, page.size 1, at most one task", "framework"},
    {"list-totals",
     "every page of 2000: as many tasks as page.totalElements, page.totalPages pages", "doc"},
    {"list-filter", "status=FAILED: only FAILED tasks", "doc"},
    {"list-sort", "sort=id,asc: ids ascending", "doc"},
    {"list-sort-each", "sort by id, each time and name (asc or desc): every page in order", "doc"},
    {"list-filter-each",
     "type, clusterId, clusterName, tenantId, name, status=A,B: only, and all, the matching "
     "tasks",
     "doc"},
    {"list-paging-edges", "size=2001 is served as 2000; a page past the last is empty",
     "framework"},
    {"list-pages-concatenate", "pages of 7 in the default order (id) concatenate to the list",
     "doc"},
    {"detail", "the first listed finished task's detail: 200 and the detail schema", "doc"},
    {"detail-agrees", "that detail agrees with the list on every field both carry", "doc"},
    {"subtask-log", "the log of that task's first subtask that has run: 200 and the log schema",
     "doc"},
    {"unknown-task", "an unknown task: 404 with the version's task-not-found code (and message)",
     "doc"},
    {"unsupported-sort", "sort by an unknown field: 400 with the version's sort-field code", "doc"},
    {"no-credentials", "no credentials: 401 with the version's not-logged-on code", "doc"},
    {"ak-sk", "an AK/SK-signed list: 200 where the version accepts AK/SK", "doc"},
    {"clusters", "GET /api/v2/ob/clusters: 200 and the cluster list schema", "doc"},
    {"tenants", "GET /api/v2/ob/tenants: 200 and the tenant list schema", "doc"},
    {"tenant-detail", "the first listed tenant's detail: 200 and the tenant detail schema", "doc"},
    {"hosts", "GET /api/v2/compute/hosts: 200 and the host list schema", "doc"},
    {"tasks-by-id",
     "GET /api/v2/tasks/{id} of the detail's task: 200 and the detail schema "
     "(the terraform provider polls there; not in OCP's docs)",
     "client"},
    {"cluster-detail",
     "GET /api/v2/ob/clusters/{id} of the first listed cluster: 200, the cluster schema, the id "
     "asked (the terraform provider reads data.{id,name,status,type}; not in OCP's docs)",
     "client"},
    {"time", "GET /api/v2/time without credentials: 200 and a time (where documented)", "doc"},
    {"info", "GET /api/v2/info: 200, a bare object with buildVersion (where documented)", "doc"},
    {"api-status", "GET /api/status: 200, \"okay\" or \"bad\" (where documented: 4.2.1 on)", "doc"},
    {"clusters-filter-each",
     "name (a keyword in the other case) and status: only, and all, "
     "the matching clusters",
     "doc"},
    {"clusters-paging", "sort=id,asc pages 1 and 2: page.number echoed, the whole list's rows",
     "doc"},
    {"clusters-sort-each", "sort by id and name, each way: every row in order", "doc"},
    {"clusters-size-clamp", "size=2001 is served as page.size 2000", "framework"},
    {"clusters-detail-agrees",
     "the first and last clusters' details (not in OCP's docs) agree with the list on every "
     "field both carry",
     "client"},
    {"tenants-filter-each",
     "name, status, mode, locked, readonly: only, and all, the matching "
     "tenants",
     "doc"},
    {"tenants-paging", "sort=id,asc pages 1 and 2: page.number echoed, the whole list's rows",
     "doc"},
    {"tenants-sort-each", "sort by id and name, each way: every row in order", "doc"},
    {"tenants-size-clamp", "size=2001 is served as page.size 2000", "framework"},
    {"tenants-detail-agrees",
     "the first and last tenants' details agree with the list on "
     "every field both carry",
     "doc"},
    {"hosts-filter-each",
     "keyword (in the other case) and status: only, and all, the "
     "matching hosts",
     "doc"},
    {"hosts-paging", "sort=id,asc pages 1 and 2: page.number echoed, the whole list's rows", "doc"},
    {"hosts-sort-each", "sort by id and name, each way: every row in order", "doc"},
    {"hosts-size-clamp", "size=2001 is served as page.size 2000", "framework"},
    {"hosts-detail-agrees",
     "the first and last hosts' details agree with the list on every "
     "field both carry",
     "doc"},
    // The pages the client flows read (issue #25; flow_probe.cc).
    {"obproxy-clusters",
     "GET /api/v2/obproxy/clusters?page=1&size=10: 200 and the OBProxy cluster list schema", "doc"},
    {"obproxy-detail",
     "the first listed OBProxy cluster's detail: 200, its schema, and the list's values in every "
     "field both carry (but live counters)",
     "doc"},
    {"host-types", "GET /api/v2/compute/hostTypes: 200 and the host type list schema", "doc"},
    {"host-types-paging",
     "sort=id,asc page 2 of size 1: page.number 2, page.size 1, the whole list's second row",
     "doc"},
    {"credentials",
     "GET /api/v2/profiles/me/credentials: 200 and the credential list obdeploy reads (not in "
     "OCP's docs)",
     "client"},
    {"credentials-masked",
     "no credential answer carries a secret in clear: absent, null or masked (the docs: "
     "passwords are displayed as ***)",
     "doc"},
    {"workload-snapshots",
     "a listed cluster's performance/workload/snapshots: 200, data.contents of {snapshotId, "
     "snapshotTime}; n/a where not served (Enterprise only)",
     "doc"},
    {"snapshot-times",
     "every snapshotTime has a fraction and a UTC zone, ascending (obdiag drops a time without "
     "a fraction, reads it as UTC, takes the first and last)",
     "client"},
    {"workload-reports",
     "a listed cluster's performance/workload/reports: 200 and the report list obdiag reads; "
     "n/a where not served",
     "client"},
    {"report-encodings",
     "write (--allow-writes): POST .../workload/reports as a form body (obdiag) and as a "
     "query-only POST (the MCP server): each answers the report named",
     "client"},
    {"credential-create",
     "write (--allow-writes): POST /api/v2/profiles/me/credentials with obdeploy's body: 200, "
     "data.id, listed after",
     "client"},
    // The pages OceanBase's MCP server reads (issue #27; topology_probe.cc, config_probe.cc).
    {"zones",
     "GET /api/v2/ob/clusters/{id}/zones of the first listed cluster: 200, the zone list schema, "
     "the zones the cluster list shows for it",
     "doc"},
    {"servers",
     "GET .../servers: 200, the server list schema, each server's zoneName one of the cluster's "
     "zones",
     "doc"},
    {"servers-filter-each",
     "regionName and idcName (a value the servers hold, and one none holds): only, and all, the "
     "matching servers",
     "doc"},
    {"zone-servers",
     "GET .../zones/{zoneName}/servers of the first zone: 200, its schema, the servers of "
     ".../servers in that zone",
     "doc"},
    {"units",
     "GET .../units: 200 and the unit list (UnitInfo) clients read; n/a where not served (no "
     "ocp-doc page)",
     "client"},
    {"tenant-units",
     "GET .../tenants/{tenantId}/units of the first listed tenant: 200, its schema; zoneName: "
     "only, and all, the matching units",
     "doc"},
    {"units-agree",
     "the tenant's units are the cluster's units of that tenant (server and zone); n/a where "
     ".../units is not served",
     "mock"},
    {"stats",
     "GET .../stats: 200, the ClusterResourceStats clients read, the cluster asked; n/a where "
     "not served",
     "client"},
    {"server-stats",
     "GET .../serverStats: 200 and the ServerResourceStats list clients read; n/a where not "
     "served",
     "client"},
    {"stats-add-up",
     "serverStats has one row per server, and the cluster's totals are the sums of the "
     "servers'",
     "mock"},
    {"cluster-parameters",
     "GET /api/v2/ob/clusters/{id}/parameters: 200 and the cluster parameter list schema", "doc"},
    {"tenant-parameters",
     "GET .../tenants/{tenantId}/parameters of the first listed tenant: 200 and its schema", "doc"},
    {"obproxy-parameters",
     "GET /api/v2/obproxy/clusters/{id}/parameters of the first listed one: 200 and its schema",
     "doc"},
    {"tenant-databases",
     "GET .../tenants/{tenantId}/databases of the first MYSQL tenant: 200 and its schema", "doc"},
    {"tenant-users", "GET .../tenants/{tenantId}/users of that tenant: 200 and its schema", "doc"},
    {"tenant-user-detail",
     "GET .../users/{username} of the first listed user: 200, its schema, the list's values",
     "doc"},
    {"tenant-roles",
     "GET .../tenants/{tenantId}/roles of the first ORACLE tenant: 200 and its schema; n/a "
     "without one",
     "doc"},
    {"tenant-role-detail",
     "GET .../roles/{roleName} of the first listed role: 200, its schema, the list's values",
     "doc"},
    {"tenant-objects",
     "GET .../tenants/{tenantId}/objects of that ORACLE tenant: 200 and its schema", "doc"},
    {"parameter-round-trip",
     "write (--allow-writes): PUT a cluster's and a tenant's parameters, each one set to the "
     "value it has: 200, no data, the list after shows it",
     "doc"},
    // What an operations agent watches (issue #28; monitor_probe.cc): metrics, alarms, inspection.
    {"metric-groups",
     "GET /api/v2/monitor/metricGroups?type=NORMAL&scope=CLUSTER: 200 and the metric category "
     "list schema",
     "doc"},
    {"metric-groups-filter",
     "type and scope (TOP/CLUSTER, NORMAL/TENANT, NORMAL/HOST too): only categories of the type "
     "and scope asked",
     "doc"},
    {"metric-series",
     "GET /api/v2/monitor/metricsWithLabel, the last half hour at interval 60: 200, its schema, "
     "every point's timestamp inside the range asked",
     "doc"},
    {"metric-steps",
     "that series: each group's timestamps ascend by whole multiples of the interval", "mock"},
    {"metric-range-refused",
     "metricsWithLabel with the end before the start: 400 with the version's timeRangeInvalid "
     "code",
     "doc"},
    {"alarms", "GET /api/v2/alarm/alarms?page=1&size=200: 200 and the alarm list schema", "doc"},
    {"alarms-filter-each",
     "level and status (the rarest value listed, and one none holds): only alarms holding it",
     "doc"},
    {"alarm-detail",
     "GET /api/v2/alarm/alarms/{id} of the first listed: 200, its schema, the list's values but "
     "those an alarm's life changes",
     "doc"},
    {"inspection-tasks",
     "GET /api/v2/inspection/task: 200 and the task list the MCP server reads; n/a where not "
     "served (no OCP page)",
     "client"},
    {"inspection-overview",
     "GET /api/v2/inspection/overview?inspectionObjectType=OB_CLUSTER: 200 and its schema; n/a "
     "where not served",
     "client"},
    {"inspection-report-info",
     "GET /api/v2/inspection/report/info?tagId=1&objectType=OB_CLUSTER: 200 and its schema; n/a "
     "where not served",
     "client"},
    {"inspection-run",
     "write (--allow-writes): POST /api/v2/inspection/run of the first listed cluster, query "
     "only: 200 and the task",
     "client"},
    {"top-sql",
     "GET .../tenants/{tenantId}/topSql of the first listed tenant, the last half hour: 200 and "
     "the SQL performance list schema",
     "doc"},
    {"slow-sql",
     "GET .../tenants/{tenantId}/slowSql, the same range: 200 and the same schema; n/a where not "
     "served (no OCP page)",
     "client"},
    {"sql-text",
     "GET .../tenants/{tenantId}/sqls/{sqlId}/text of the first top SQL: 200 and the SQL text "
     "schema",
     "doc"},
}};

// The index of check `name` in kChecks (a name not there is a compile-time error where it is
// used in a constant expression).
constexpr size_t CheckNamed(std::string_view name) {
  for (size_t i = 0; i < kChecks.size(); ++i) {
    if (kChecks[i].name == name) return i;
  }
  return kChecks.size();
}

}  // namespace compat
