// What each of the clusters family's routes is (reply/operation.h), for the OpenAPI documents.
// The facts: docs/reference/ocp-client-flows.md 3.2, 6, 8 and ocp-resources-api.md 6.5; the
// choices: docs/terraform.md, "OceanBase clusters".
#include "mock/families/clusters/clusters_family.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using ocp::ErrorKind;

std::vector<Operation> ClustersFamily::Operations() const {
  return {
      {.method = "POST",
       .pattern = "/api/v2/ob/clusters",
       .id = "createObCluster",
       .summary = "Create an OceanBase cluster: the \"Create primary OB cluster\" task",
       .description =
           "The body's name, rpmName, type, password and zones (each name, idcName, servers) "
           "are required (doc); fields the table does not list are ignored (framework). A "
           "server naming no host, named twice, OFFLINE or serving a cluster, or two zones of "
           "one name, is invalidParameter naming it (mock); a name held is 11014 / OBE11014 "
           "(doc: the code; mock: when). The task runs on the mock clock; the cluster shows in "
           "GET /api/v2/ob/clusters once it is SUCCESSFUL (mock). CLUSTER_MANAGER (doc: "
           "docs/reference/ocp-default-roles.md). --quirks client-ids adds `clusterId` to the "
           "answer, --quirks zone-rpm-name reads the zones' rpmName.",
       .body = api::Body{.schema = "create-ob-cluster-request"},
       .answer = {.schema = "ob-cluster-task-response"},
       .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter, ErrorKind::kClusterExists},
       .samples = api::SampleFiles("create-cluster")},
      {.method = "DELETE",
       .pattern = "/api/v2/ob/clusters/{id}",
       .id = "deleteObCluster",
       .summary = "Delete an OceanBase cluster: the \"Delete primary OB cluster\" task",
       .description =
           "An id not shown (none, or a cluster still being created) is 11001 / OBE11001, 404, "
           "which the terraform provider reads as gone (doc: the code; mock: when). A cluster "
           "whose deletion runs is badRequest (mock). The cluster shows DELETING while the task "
           "runs and goes, with its tenants, once it is SUCCESSFUL (mock). CLUSTER_MANAGER.",
       .answer = {.schema = "ob-cluster-task-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kBadRequest},
       .samples = api::SampleFiles("delete-cluster")},
  };
}

}  // namespace mock::families
