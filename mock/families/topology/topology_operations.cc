// What each of the topology family's routes is (reply/operation.h), for the OpenAPI documents.
// The facts: docs/reference/ocp-cluster-topology.md §2 to §8 (cited below by section); the
// choices: docs/topology.md.
#include "mock/families/topology/topology_family.h"

namespace mock::families {
namespace {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

constexpr const char* kCluster =
    " A cluster the cluster list does not show (unknown, being created, deleted) is "
    "clusterNotFound, 11001 / OBE11001 (doc: the code, §14 R16; mock: when).";
constexpr const char* kDerived =
    " Derived from the clusters, tenants and hosts the mock serves, so it agrees with their pages "
    "(mock: docs/topology.md).";
constexpr const char* kNoPage =
    " `data.contents` without `page`, as every sample shows it (doc: §1 item 2); not paged.";

}  // namespace

std::vector<Operation> TopologyFamily::Operations() const {
  const std::string c = "/api/v2/ob/clusters";
  return {
      {.method = "GET",
       .pattern = c + "/{id}/zones",
       .id = "listClusterZones",
       .summary = "Query zones of an OceanBase cluster: each zone with its servers",
       .description = std::string("§2 (every version alike). One zone per zone of the cluster "
                                  "detail, in its order, each with the OBServers placed in it.") +
                      kNoPage + kDerived + kCluster,
       .answer = {.schema = "ob-zone-list-response"},
       .errors = {ErrorKind::kClusterNotFound},
       .samples = {"query-zones-4.2.2.json"}},
      {.method = "GET",
       .pattern = c + "/{clusterId}/servers",
       .id = "listClusterServers",
       .summary = "Query servers: the cluster's OBServers, one per host serving it",
       .description = std::string("§3 (every version alike). By id ascending (mock).") + kNoPage +
                      kDerived + kCluster,
       .params = {{.name = "regionName",
                   .description = "The region of the OBServers to list (doc): an exact, "
                                  "case-sensitive match; blank is no filter (mock)."},
                  {.name = "idcName",
                   .description = "The IDC of the OBServers to list (doc): an exact, "
                                  "case-sensitive match; blank is no filter (mock)."}},
       .answer = {.schema = "ob-server-list-response"},
       .errors = {ErrorKind::kClusterNotFound},
       .samples = {"query-servers-4.2.2.json"}},
      {.method = "GET",
       .pattern = c + "/{clusterId}/zones/{zoneName}/servers",
       .id = "listZoneServers",
       .summary = "Query servers in a zone",
       .description = std::string("§4 (printed without /ob; the sample request and the clients "
                                  "use /ob). A zone the cluster does not have is zoneNotFound, "
                                  "12002 / OBE18002 (doc: the code, §14 R17; mock: that this "
                                  "page answers it rather than an empty list).") +
                      kNoPage + kDerived + kCluster,
       .answer = {.schema = "ob-server-list-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kZoneNotFound},
       .samples = {"query-zone-servers-4.2.2.json"}},
      {.method = "GET",
       .pattern = c + "/{id}/units",
       .id = "listClusterUnits",
       .summary = "Query units of an OceanBase cluster (UnitInfo)",
       .description = std::string("§5: no ocp-doc page; en.oceanbase.com's, version not shown, "
                                  "which state only authentication; no sample, so the shape of "
                                  "data is the other lists' (mock). Units follow each tenant's "
                                  "resource pools; the disk figures are the mock's.") +
                      kDerived + kCluster,
       .params = {{.name = "tenantId",
                   .type = "integer",
                   .format = "int64",
                   .description = "The units of this tenant (doc: EP-CU3, Long); anything but a "
                                  "64-bit integer is invalidParameter."},
                  {.name = "serverIp",
                   .description = "The units on this OBServer address (doc: EP-CU3): exact."},
                  {.name = "serverPort",
                   .type = "integer",
                   .format = "int32",
                   .description = "The units on an OBServer of this port (doc: EP-CU3, Integer). "
                                  "Matched against svrPort, the RPC port (the page's example, "
                                  "2881, is an SQL port; mock)."},
                  {.name = "obUnitIdList",
                   .type = "integer",
                   .repeated = true,
                   .description = "These units (doc: EP-CU3, Array): comma-separated or "
                                  "repeated, as Spring binds a List (framework)."}},
       .answer = {.schema = "ob-unit-list-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kInvalidParameter}},
      {.method = "GET",
       .pattern = c + "/{clusterId}/tenants/{tenantId}/units",
       .id = "listTenantUnits",
       .summary = "Query units of a tenant",
       .description =
           std::string("§6 (printed with a singular /cluster; the sample request and the "
                       "clients use /clusters). The tenant's units in the cluster's unit order. "
                       "A tenant the cluster does not show is recordNotFound naming OB_TENANT, "
                       "as on the tenant pages (mock).") +
           kNoPage + kDerived + kCluster,
       .params = {{.name = "zoneName",
                   .description = "The units in this zone (doc): exact; a zone the tenant has "
                                  "no unit in lists none (mock)."}},
       .answer = {.schema = "ob-tenant-unit-list-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound},
       .samples = {"query-tenant-units-4.2.2.json"}},
      {.method = "GET",
       .pattern = c + "/{id}/stats",
       .id = "getClusterResourceStats",
       .summary = "A cluster's resource statistics (ClusterResourceStats)",
       .description = std::string("§7: no doc page anywhere. The fields are the MCP server's "
                                  "docstring and another client's (client); data is one "
                                  "object, as that client reads it. Each figure is the sum of "
                                  "serverStats' (mock).") +
                      kCluster,
       .provenance = Provenance::kClient,
       .answer = {.schema = "cluster-resource-stats-response"},
       .errors = {ErrorKind::kClusterNotFound}},
      {.method = "GET",
       .pattern = c + "/{id}/serverStats",
       .id = "listServerResourceStats",
       .summary = "Each OBServer's resource statistics (ServerResourceStats)",
       .description = std::string("§8: en.oceanbase.com only (version not shown), which types "
                                  "data as an Object; a client reads data.contents (client), "
                                  "which the mock answers. Capacities are the mock's; what is "
                                  "assigned sums the units on the server.") +
                      kCluster,
       .answer = {.schema = "server-resource-stats-list-response"},
       .errors = {ErrorKind::kClusterNotFound}},
  };
}

}  // namespace mock::families
