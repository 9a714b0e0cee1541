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
#include "tools/compat/check_table.h"
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
