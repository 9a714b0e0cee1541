// What each of the parameters' OCP routes is (reply/operation.h), for the OpenAPI documents; the
// /__mock/parameters ones are ResourceFamily's. The facts: docs/reference/ocp-cluster-topology.md
// §9 to §15 (each page alike in every version from 3.1.1 to 4.2.2, but for the error codes and
// the samples' `server` placeholder); the MCP server's calls: docs/reference/ocp-client-calls.md
// §1.2; the choices: docs/parameters.md. The tenant list's sample is not JSON (it elides items
// with "......" lines: contract_tests/samples/README.md), so it is no example.
#include "mock/families/parameters/parameters_family.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr char kClusterParametersPath[] = "/api/v2/ob/clusters/{id}/parameters";
constexpr char kTenantParametersPath[] = "/api/v2/ob/clusters/{id}/tenants/{tenantId}/parameters";

// What both PUTs do where the docs are silent.
constexpr char kPutRules[] =
    " Every item is checked before anything changes, and the first refused answers, naming the "
    "item and the parameter; nothing changes unless every item may (mock). A name the catalogue "
    "does not give the cluster or tenant is the version's unknown-parameter code, a READONLY "
    "one its read-only code, a value its type or range refuses the bad-value code 11051 / "
    "11056 / OBE31202 whose sentence says what the parameter takes (doc: the codes, §14; mock: "
    "when, and every status 400, since the body is at fault and not the path). `value` may be a "
    "string, a number or a Boolean, held as its text (framework: Jackson's String binding; the "
    "docs' sample sends 75). A name given twice keeps the last value; an empty array changes "
    "nothing (mock). At most 10,000 values set between resets; past that a badRequest, nothing "
    "changed (mock). The answer is the envelope without data (doc).";

Operation ClusterPut() {
  return {.method = "PUT",
          .pattern = kClusterParametersPath,
          .id = "setClusterParameters",
          .summary = "Modify parameters of an OceanBase cluster: [{name, value}]",
          .description = std::string("CLUSTER_MANAGER: \"Update permission on the OceanBase "
                                     "cluster\" (doc). A malformed body is badRequest or "
                                     "invalidParameter naming the field, answered before the "
                                     "cluster is looked up (framework); a cluster not shown is "
                                     "clusterNotFound.") +
                         kPutRules,
          .provenance = Provenance::kDoc,
          .body = api::Body{.schema = "set-cluster-parameters-request"},
          .answer = {.schema = "no-data-response"},
          .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter,
                     ErrorKind::kClusterNotFound, ErrorKind::kParameterNotFound,
                     ErrorKind::kParameterReadonly, ErrorKind::kParameterValueInvalid},
          .samples = api::SampleFiles("modify-cluster-parameters")};
}

Operation TenantPut() {
  return {
      .method = "PUT",
      .pattern = kTenantParametersPath,
      .id = "setTenantParameters",
      .summary = "Modify parameters of a tenant: [{name, value, parameterType}]",
      .description =
          std::string("CLUSTER_MANAGER: \"Update permission on the tenant\" (doc; the mock "
                      "has no per-tenant grants). `parameterType` is in no OCP doc: the MCP "
                      "server sends it (client); optional, OB_TENANT_PARAMETER or "
                      "OB_SYSTEM_VARIABLE, another string invalidParameter naming it "
                      "(framework: an enum constant); an item whose type is not its "
                      "parameter's names an unknown tenant parameter (mock). A malformed "
                      "body is answered before the tenant is looked up (framework); a "
                      "cluster not shown is clusterNotFound, a tenant not shown in it "
                      "recordNotFound.") +
          kPutRules,
      .provenance = Provenance::kDoc,
      .body = api::Body{.schema = "set-tenant-parameters-request"},
      .answer = {.schema = "no-data-response"},
      .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter, ErrorKind::kClusterNotFound,
                 ErrorKind::kRecordNotFound, ErrorKind::kTenantParameterNotFound,
                 ErrorKind::kTenantParameterReadonly, ErrorKind::kParameterValueInvalid},
      .samples = api::SampleFiles("modify-tenant-parameters")};
}

}  // namespace

std::vector<Operation> ParametersFamily::OcpOperations() const {
  return {
      {.method = "GET",
       .pattern = kClusterParametersPath,
       .id = "listClusterParameters",
       .summary = "Query parameters of an OceanBase cluster: every cluster parameter",
       .description =
           "CLUSTER_VIEWER (doc). Every CLUSTER definition of the catalogue (GET "
           "/__mock/parameters), in id order, at its default until a PUT changes it; not paged, "
           "`data.contents` as every sample (doc). Each item's currentValue holds its value on "
           "every server of the cluster, those GET .../servers lists (one per host and zone), "
           "with `svrType` and `singleValueInCluster` as the sample has them (doc: sample; mock: "
           "the servers). A cluster not shown is clusterNotFound (doc: the code; "
           "mock: when).",
       .provenance = Provenance::kDoc,
       .answer = {.schema = "cluster-parameter-list-response"},
       .errors = {ErrorKind::kClusterNotFound},
       .samples = api::SampleFiles("query-cluster-parameters")},
      ClusterPut(),
      {.method = "GET",
       .pattern = kTenantParametersPath,
       .id = "listTenantParameters",
       .summary = "Query parameters of a tenant: its parameters and system variables",
       .description =
           "CLUSTER_VIEWER, as the tenant detail (mock: the page names no permission). Every "
           "TENANT definition whose compatibleType admits the tenant's mode, in id order, at "
           "its default until a PUT changes it; not paged (doc). Each item adds "
           "`parameterType`, which no OCP doc has and the MCP server must send back (client). "
           "A cluster not shown is clusterNotFound, a tenant not shown in it recordNotFound "
           "(mock).",
       .provenance = Provenance::kDoc,
       .answer = {.schema = "tenant-parameter-list-response"},
       .errors = {ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound}},
      TenantPut(),
  };
}

}  // namespace mock::families
