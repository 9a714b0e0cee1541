// What each of the entity family's routes is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-resources-api.md 2 to 4 (the lists and details) and 6.1 to 6.4 (the
// operations), ocp-client-flows.md 3.1, 3.3, 3.4; the choices where the docs are silent:
// docs/entities.md. The lists' parameters come from their declarations (entities::ListRules, the
// version's: 4.2.0's narrower enums, withStandby up to 4.0.3).
#include "mock/families/entities/entity_family.h"
#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

const char* const kNotFound =
    "An unknown cluster, tenant or host id is recordNotFound (1002 / COM10002) naming the type "
    "(OB_CLUSTER, OB_TENANT, HOST); a tenant of another cluster is unknown in this one (doc: the "
    "code; mock: when).";

// A tenant change: no body, no data (doc), refused unless the tenant is NORMAL (mock).
Operation TenantChange(std::string method, std::string pattern, std::string id, std::string summary,
                       const char* sample, std::string rule) {
  return {.method = std::move(method),
          .pattern = std::move(pattern),
          .id = std::move(id),
          .summary = std::move(summary),
          .description = "No body; the envelope without data (doc); at once, no task. " +
                         std::move(rule) + " " + kNotFound,
          .answer = {.schema = "no-data-response"},
          .errors = {ErrorKind::kRecordNotFound, ErrorKind::kBadRequest},
          .samples = api::SampleFiles(sample)};
}

// The two tenant creations: the same path parameter, body and refusals (doc: 6.1, 6.2).
Operation TenantCreation(std::string pattern, std::string id, std::string summary,
                         std::string description, std::string schema,
                         std::vector<std::string> samples) {
  return {.method = "POST",
          .pattern = std::move(pattern),
          .id = std::move(id),
          .summary = std::move(summary),
          .description =
              std::move(description) +
              " The body's zones must be the cluster's (mock); a name the cluster has, or is "
              "creating, is nameExists (1006 / COM10006); fields the docs do not list are ignored "
              "(framework). Authenticated (doc).",
          .body = api::Body{.schema = "create-tenant-request"},
          .answer = {.schema = std::move(schema)},
          .errors = {ErrorKind::kRecordNotFound, ErrorKind::kBadRequest,
                     ErrorKind::kInvalidParameter, ErrorKind::kNameExists},
          .samples = std::move(samples)};
}

// A list's errors, with recordNotFound for a path's unknown cluster.
std::vector<ErrorKind> WithNotFound(std::vector<ErrorKind> errors) {
  errors.insert(errors.begin(), ErrorKind::kRecordNotFound);
  return errors;
}

}  // namespace

std::vector<Operation> EntityFamily::Operations() const {
  const entities::ListRules& rules = handlers_.rules();
  const std::string cluster = "/api/v2/ob/clusters/{id}";
  const std::string tenant = cluster + "/tenants/{tenantId}";
  std::vector<Operation> ops = {
      {.method = "GET",
       .pattern = "/api/v2/ob/clusters",
       .id = "listObClusters",
       .summary = "Query clusters: a page of ObClusters",
       .description = "Primary and standby clusters alike (doc). withStandby=true lists primary "
                      "clusters only up to 4.0.3; from 4.2.0 the docs say it is no longer used, "
                      "so it is ignored (doc). tenantCount is counted live (mock).",
       .params = api::ListParams(rules.clusters),
       .answer = {.schema = "cluster-list-response"},
       .errors = api::ListErrors(rules.clusters),
       .samples = api::SampleFiles("query-clusters")},
      {.method = "GET",
       .pattern = cluster,
       .id = "getObCluster",
       .summary = "A cluster: its ObCluster, as the list gives it",
       .description = std::string("Not in OCP's docs, but real: the terraform provider reads it "
                                  "(docs/reference/ocp-resources-api.md 2.2); its data is the "
                                  "list item of that cluster (mock). ") +
                      kNotFound,
       .provenance = Provenance::kClient,
       .answer = {.schema = "cluster-response"},
       .errors = {ErrorKind::kRecordNotFound}},
      {.method = "GET",
       .pattern = cluster + "/tenants",
       .id = "listClusterTenants",
       .summary = "Query tenants of a cluster: a page of tenants",
       .description = std::string("`name` is a keyword of the tenant's name (the docs call it "
                                  "the cluster's, which makes no sense here; mock). The "
                                  "sample's \"mode\":\"Oracle\" (every version's but 4.2.0's, "
                                  "whose tenant is MYSQL) is a typo for ORACLE (doc: the field's "
                                  "table): an erratum, not an example. ") +
                      kNotFound,
       .params = api::ListParams(rules.tenants),
       .answer = {.schema = "tenant-list-response"},
       .errors = WithNotFound(api::ListErrors(rules.tenants)),
       .samples = api::SampleFiles("query-cluster-tenants")},
      {.method = "GET",
       .pattern = "/api/v2/ob/tenants",
       .id = "listTenants",
       .summary = "Query all tenants: a page of the tenants of the clusters the user may read",
       .description = "\"Only the tenants in which you have the cluster read privilege are "
                      "returned\" (doc): all of them with CLUSTER_VIEWER, none without (mock: no "
                      "per-cluster grants). The sample's \"mode\":\"Oracle\" (every version's "
                      "but 4.2.0's) is a typo for ORACLE: an erratum, not an example.",
       .params = api::ListParams(rules.tenants),
       .answer = {.schema = "tenant-list-response"},
       .errors = api::ListErrors(rules.tenants),
       .samples = api::SampleFiles("query-tenants")},
      {.method = "GET",
       .pattern = tenant,
       .id = "getTenant",
       .summary = "Query details about a tenant",
       .description = std::string("Doubles print with two decimals, as the sample shows them "
                                  "(doc). ") +
                      kNotFound,
       .answer = {.schema = "tenant-detail-response"},
       .errors = {ErrorKind::kRecordNotFound},
       .samples = api::SampleFiles("tenant-detail")},
      TenantCreation(cluster + "/tenants", "createTenant",
                     "Create a tenant (sync): the tenant, CREATING",
                     "No task: the answer shows the tenant CREATING, as the docs' sample does, and "
                     "the mock stores it NORMAL at once (mock).",
                     "tenant-response", api::SampleFiles("create-tenant")),
      TenantChange("DELETE", tenant, "deleteTenant", "Delete a tenant", "delete-tenant",
                   "Not the sys tenant, nor a standby cluster's tenants (doc: the console's "
                   "docs); only a NORMAL tenant (mock). A locked tenant can be deleted."),
      TenantChange("POST", tenant + "/lock", "lockTenant", "Lock a tenant", "lock-tenant",
                   "Not the sys tenant, nor a standby cluster's tenants (doc: the console's "
                   "docs); only a NORMAL tenant; locking a locked one changes nothing (mock)."),
      TenantChange("POST", tenant + "/unlock", "unlockTenant", "Unlock a tenant", "unlock-tenant",
                   "Only a NORMAL tenant; unlocking an unlocked one changes nothing (mock)."),
      {.method = "GET",
       .pattern = "/api/v2/compute/hosts",
       .id = "listHosts",
       .summary = "Query hosts: a page of Hosts",
       .description = "Every documented field, null when unknown, as the samples show them "
                      "(doc).",
       .params = api::ListParams(rules.hosts),
       .answer = {.schema = "host-list-response"},
       .errors = api::ListErrors(rules.hosts),
       .samples = api::SampleFiles("query-hosts")},
      {.method = "GET",
       .pattern = "/api/v2/compute/hosts/{hostId}",
       .id = "getHost",
       .summary = "Query details about a host",
       .description = kNotFound,
       .answer = {.schema = "host-response"},
       .errors = {ErrorKind::kRecordNotFound},
       .samples = api::SampleFiles("host-detail")},
      {.method = "DELETE",
       .pattern = "/api/v2/compute/hosts/{hostId}",
       .id = "deleteHost",
       .summary = "Delete a host: the envelope without data",
       .description = "The host goes at once, no task (doc: the answer). The docs name host "
                      "errors (in use, offline, child resources) but not which this page "
                      "answers: the mock refuses none (mock). Deleting it again is the unknown "
                      "host's 404, which the terraform provider reads as gone (client).",
       .answer = {.schema = "no-data-response"},
       .errors = {ErrorKind::kRecordNotFound}},
      {.method = "POST",
       .pattern = "/api/v2/compute/hosts/batchCreate",
       .id = "batchCreateHosts",
       .summary = "Add multiple hosts: one \"Prepare host\" task per host",
       .description = "Each host is NEW while its task runs and AVAILABLE after (mock). `alias` "
                      "only when adding one host (doc: invalidParameter otherwise); an address "
                      "already served, or given twice, is nameExists (mock). --quirks client-ids "
                      "adds `id` (the first host's task) and `hostIds`, which the terraform "
                      "provider reads (client).",
       .body = api::Body{.schema = "batch-create-hosts-request"},
       .answer = {.schema = "host-tasks-response"},
       .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter, ErrorKind::kNameExists},
       .samples = api::SampleFiles("batch-create-hosts")},
  };
  if (async_create_tenant_) {
    ops.push_back(TenantCreation(
        cluster + "/tenants/createTenant", "createTenantAsync",
        "Create a tenant (async): the \"Create tenant\" task",
        "OCP 4.0.0 on (doc). The task runs on the mock clock; the tenant is listed CREATING while "
        "it runs and NORMAL once it is SUCCESSFUL (mock).",
        "async-task-response",
        api::SampleFiles("create-tenant-async", {"4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"})));
  }
  return ops;
}

}  // namespace mock::families
