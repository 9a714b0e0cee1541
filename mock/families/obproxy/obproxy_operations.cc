// What each of ObproxyFamily's OCP routes is (reply/operation.h), for the OpenAPI documents.
// Every page exists alike in every version from 3.1.1 to 4.2.2, each needing an authenticated
// user only. The facts: docs/reference/ocp-client-flows.md 3.5, 6, 7, 8; the choices:
// docs/terraform.md. The samples are 4.2.2's (contract_tests/samples/README.md, "OBProxy
// clusters"); the other versions' parse equal but for placeholders and are not copied.
#include "mock/families/obproxy/obproxy_family.h"

#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr const char* kOperationsPath = "/api/v2/obproxy/clusters";
constexpr const char* kOne = "/api/v2/obproxy/clusters/{id}";

// An id not shown: 21001 / ODP21001, which no page ties to an endpoint (docs/terraform.md).
constexpr const char* kNotFound =
    " An id no cluster shown has (one whose install has not succeeded, or whose offline has, "
    "included) is 21001 / ODP21001, 404, which the terraform provider reads as \"gone\" "
    "(doc: the code; mock: when).";

Operation CreateOperation() {
  return {.method = "POST",
          .pattern = kOperationsPath,
          .id = "createObproxyCluster",
          .summary = "Creates an OBProxy cluster: starts the \"Install obproxy\" task",
          .description =
              "Required are the fields the table marks Yes and the docs' own sample sends: "
              "`name`, `obLinks[].{clusterName, obClusterId, username}`, "
              "`obproxyInstallParam.hostIds` (doc). A missing or wrong-typed field, an obLink "
              "naming no cluster, a hostId naming no host, RS_LIST with other than one obLink "
              "are invalidParameter naming the field; unknown fields are ignored (framework). A "
              "name held is nameExists (mock). The cluster shows once the task is SUCCESSFUL "
              "(mock). The answer is the TaskInstance, without the `obproxyClusterId` the "
              "terraform provider reads (added under --quirks client-ids; client). A refusal "
              "changes nothing.",
          .provenance = Provenance::kDoc,
          .body = api::Body{.schema = "create-obproxy-cluster-request"},
          .answer = {.schema = "obproxy-task-response"},
          .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest, ErrorKind::kNameExists},
          .samples = api::SampleFiles("obproxy-create", {"4.2.2"})};
}

Operation ParametersOperation() {
  return {.method = "GET",
          .pattern = std::string(kOne) + "/parameters",
          .id = "listObproxyClusterParameters",
          .summary = "Query parameters of an OBProxy cluster",
          .description =
              std::string(
                  "`data.contents`, as every version's sample (the table says an Array; doc). "
                  "ODP's own parameters (ob_proxy_config.h; the sample's own for an OBProxy 1.x) "
                  "at the defaults of each OBProxy's version, booleans as \"True\"/\"False\" "
                  "as the sample writes them (doc, odp); one `values` element per distinct "
                  "value naming the OBProxies' IPs, valueString the first element's value, by "
                  "name ascending (mock; docs/terraform.md).") +
              kNotFound,
          .provenance = Provenance::kDoc,
          .answer = {.schema = "obproxy-parameter-list-response"},
          .errors = {ErrorKind::kObproxyClusterNotFound},
          .samples = api::SampleFiles("obproxy-parameters", {"4.2.2"})};
}

}  // namespace

std::vector<Operation> ObproxyFamily::OcpOperations() const {
  return {
      CreateOperation(),
      {.method = "GET",
       .pattern = kOperationsPath,
       .id = "listObproxyClusters",
       .summary = "Lists the OBProxy clusters, each as its detail",
       .description = "\"Request parameters: None\", yet the sample request pages with `page` "
                      "and `size` (doc); paged as Spring Data does (framework); the sort keys "
                      "are the mock's, id ascending by default.",
       .provenance = Provenance::kDoc,
       .params = api::ListParams(kList),
       .answer = {.schema = "obproxy-cluster-list-response"},
       .errors = api::ListErrors(kList),
       .samples = api::SampleFiles("obproxy-list", {"4.2.2"})},
      {.method = "GET",
       .pattern = kOne,
       .id = "getObproxyCluster",
       .summary = "The OBProxy cluster's details",
       .description = std::string("No cluster-level `status`, which the terraform provider "
                                  "reads (doc).") +
                      kNotFound,
       .provenance = Provenance::kDoc,
       .answer = {.schema = "obproxy-cluster-response"},
       .errors = {ErrorKind::kObproxyClusterNotFound},
       .samples = api::SampleFiles("obproxy-detail", {"4.2.2"})},
      ParametersOperation(),
      {.method = "DELETE",
       .pattern = kOne,
       .id = "deleteObproxyCluster",
       .summary = "Deletes an OBProxy cluster: starts the \"Offline obproxy\" task",
       .description = std::string("The cluster goes once the task is SUCCESSFUL; a FAILED "
                                  "offline leaves it (mock). A second delete while an offline "
                                  "runs is badRequest (mock; 4.2.2's ODP21010 is not played).") +
                      kNotFound,
       .provenance = Provenance::kDoc,
       .answer = {.schema = "obproxy-task-response"},
       .errors = {ErrorKind::kObproxyClusterNotFound, ErrorKind::kBadRequest},
       .samples = api::SampleFiles("obproxy-delete", {"4.2.2"})},
  };
}

}  // namespace mock::families
