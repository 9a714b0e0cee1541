// ocp-compat's checks: a few GET requests to a live server, each judged against every known
// OCP version's contract (its schemas, error codes and messages, authentication schemes).
//
//   StatusOr<Probe> probe = Probe::Run(target);  // sends the requests once; fails: "could not
//   check" Contract c = LoadContract("schemas", "4.2.1").value(); std::vector<Outcome> row =
//   probe.value().Judge(c);  // one outcome per check, in kChecks order
//
// The requests never change anything unless `Target::allow_writes` (--allow-writes): the list
// (plain, paged, filtered, sorted), one task's detail and one subtask's log, an unknown task, an
// unsupported sort, no credentials, (when keys are given) an AK/SK-signed list, the clusters,
// tenants and hosts lists with their filters, pages, sorts and details (entity_rules.h), the
// probes /api/v2/time, /api/v2/info and /api/status, and the pages the client flows read
// (issue #25, flow_probe.cc: a cluster's detail, the OBProxy clusters, host types, the password
// box, a cluster's workload snapshots and reports), and the pages OceanBase's MCP server reads
// (issue #27, topology_probe.cc and config_probe.cc: a cluster's zones, servers, units and
// statistics, cluster, tenant and OBProxy parameters, a tenant's databases, users, roles and
// objects), and what an operations agent watches (issue #28, monitor_probe.cc, sql_probe.cc:
// metric groups and series, alarms, inspection, a tenant's top and slow SQL). Only with
// allow_writes, and last, four write rows create what the flows create (two reports, one
// credential), start an inspection, and set two parameters to the values they have; without it
// they are n/a, "not run", and no POST or PUT is sent. The contract suite runs every row too
// (contract_tests/check_library_test.cc), so both front ends judge by the same rules.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"
#include "tools/client/http_client.h"
#include "tools/compat/entity_rules.h"
#include "tools/compat/list_rules.h"
#include "tools/compat/outcome.h"
#include "tools/compat/schema_outline.h"

namespace compat {

struct Target {
  std::string base_url;
  std::optional<std::string> user, password;          // Basic credentials
  std::optional<std::string> access_key, secret_key;  // AK/SK, optional
  std::string language = "en-US";                     // Accept-Language; "" sends none
  // --strict: ocp-mock's own rules where the docs are silent (only the documented fields,
  // message wording) fail rather than being observations.
  bool strict = false;
  // --allow-writes: the write rows run (they create two workload reports and one credential on
  // the server, set one cluster and one tenant parameter to the values they already have, start
  // one basic inspection of a cluster, and delete nothing); off, they are n/a ("not run") and
  // only GETs are sent.
  bool allow_writes = false;
};

// One version's contract: its profile, schemas, and response outlines.
struct Contract {
  mock::versions::Profile profile;
  std::shared_ptr<const mock::json::SchemaSet> schemas;
  std::map<std::string, Outline> outlines;  // response schema name -> outline
};
mock::StatusOr<Contract> LoadContract(const std::filesystem::path& schemas_root,
                                      std::string_view version);

// The response schemas a contract's outlines cover.
inline constexpr std::array<const char*, 11> kResponseSchemas = {
    "task-list-response",   "task-detail-response",   "subtask-log-response",  "subtask-response",
    "no-data-response",     "error-envelope",         "cluster-list-response", "cluster-response",
    "tenant-list-response", "tenant-detail-response", "host-list-response",
};

// Why `target` cannot be checked at all, or OK: a verdict of its own ("could not check: CAUSE:
// detail"), never a row of failures. At most two requests:
//   kUnauthenticated    "no credentials: ..."  no --user (nothing is sent);
//   kUnavailable        "unreachable: GET URL: no answer: ..."  the task list got no HTTP answer;
//   kUnauthenticated    "authentication refused (HTTP 401): ..."  the task list and the cluster
//                       list both answered 401 or 403 (the first one's status is named);
//   kFailedPrecondition "HTML where OCP's JSON API should be: ..."  both answered an HTML page.
// A server that serves either request with anything else can be checked, and is judged.
mock::Status CouldNotCheck(const Target& target);

// What a run did not judge, and so must not tell versions apart (issue #24: the best match
// never ranks versions on rows that were not run).
struct Unjudged {
  bool ak_sk = false;             // the ak-sk row was not run (no keys given)
  std::set<std::string> schemas;  // response schemas no row that ran validated
};

// True when every response `narrow` allows, `wide` allows too, with the same error catalogue
// (codes; and messages when `messages`), and `narrow` serves whatever `wide` does (accepts AK/SK,
// documents /api/status, /api/v2/info and /api/v2/time): a server meeting `narrow` meets `wide`.
// What `unjudged` names is left out of the comparison.
bool WithinContract(const Contract& narrow, const Contract& wide, bool messages = true,
                    const Unjudged& unjudged = {});

// The response schema check `check` validates against, or nullptr (checks of order, filters...).
const char* SchemaJudgedBy(size_t check);

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

class Probe {
 public:
  // Sends the requests once and records every answer for Judge. Fails with CouldNotCheck's
  // status when the server cannot be checked at all (no credentials, unreachable, authentication
  // refused, HTML), or when the list rules' first request then gets no answer; nothing more is
  // sent. Any other answer, however far from OCP's, is recorded and judged.
  static mock::StatusOr<Probe> Run(const Target& target);

  // One outcome per kChecks entry.
  std::vector<Outcome> Judge(const Contract& contract) const;

 private:
  struct Exchange {
    std::string request;  // "GET /api/v2/..."
    contract::HttpResult response;
    std::optional<rapidjson::Document> json;
    std::string not_applicable;  // why the check could not be made
    std::string sent;            // what a write sent that its answers must name, or must not
  };
  Probe(contract::HttpClient client, bool strict, ListRules list_rules);
  // The requests of the checks beyond the list rules' (which Run sent first).
  void SendRequests(const Target& target);
  Exchange Get(const std::string& target, bool basic = true,
               const std::vector<std::string>& headers = {}) const;
  Outcome JudgeOne(size_t check, const Contract& contract) const;
  Outcome Totals(const Contract& contract) const;
  Outcome DetailAgrees() const;
  void ProbeEntities();  // the clusters, tenants and hosts checks' requests
  // The entity list rules' row `check` ("tenants-paging"), or nullopt when it is none.
  std::optional<Outcome> JudgeEntityRule(size_t check) const;
  Outcome JudgeProbe(size_t check, const Contract& contract) const;  // time, info, api-status
  // The client flows' rows (flow_probe.cc): their GETs, after ProbeEntities, then the writes
  // when `target.allow_writes`; the verdict of row `check`, or nullopt when it is not theirs.
  void ProbeFlows(const Target& target);
  void ProbeWrites();
  std::optional<Outcome> JudgeFlow(size_t check, const Contract& contract) const;
  // The rows of the pages the MCP server reads (topology_probe.cc, config_probe.cc): their GETs,
  // after ProbeFlows's, then (writes allowed) the parameter PUTs; the verdict of row `check`,
  // or nullopt when it is not theirs.
  void ProbeTopology();
  void ProbeConfig();
  void ProbeTenantObjects();
  void ProbeParameterWrites();
  std::optional<Outcome> JudgeTopology(size_t check, const Contract& contract) const;
  std::optional<Outcome> JudgeConfig(size_t check, const Contract& contract) const;
  // The rows of what an operations agent watches (monitor_probe.cc, issue #28): their GETs, then
  // (writes allowed, last) the inspection run, else its row n/a; the verdict of row `check`, or
  // nullopt when it is not theirs.
  void ProbeMonitor();
  void ProbeAlarms();
  void ProbeInspection();
  void ProbeInspectionRun(bool allowed);
  void ProbeSql();
  std::optional<Outcome> JudgeSql(size_t check, const Contract& contract) const;
  std::optional<Outcome> JudgeMonitor(size_t check, const Contract& contract) const;
  // `method` with a body of `content_type` (none when empty), with the credentials.
  Exchange Send(const std::string& method, const std::string& target,
                const std::string& content_type, const std::string& body) const;

  contract::HttpClient client_;
  bool strict_ = false;
  ListRules list_rules_;
  std::vector<EntityRules> entity_rules_;  // clusters, tenants, hosts
  std::vector<Exchange> pages_;            // the list in pages of 2000, for list-totals
  std::array<Exchange, kChecks.size()> exchanges_;
  // The further answers of the flows' and the MCP server's rows, by what they are
  // ("host-types-whole", "servers-filter regionName=R").
  std::map<std::string, Exchange> more_;
};

}  // namespace compat
