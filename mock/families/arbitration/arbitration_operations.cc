// What each of ArbitrationFamily's OCP routes is (reply/operation.h), for the OpenAPI documents:
// served, and so described, in the versions whose profile has `arbitration` (4.2.1, 4.2.2) only.
// No ocp-doc branch has a page: the en.oceanbase.com pages EP-ARB-L, -C, -D give the list, the
// creation and the deletion, none the detail. The facts: docs/reference/ocp-client-flows.md 3.6,
// 6, 8, 9 item 11; the choices: docs/terraform.md, "Arbitration services". No sample can be
// copied (contract_tests/samples/README.md).
#include <algorithm>

#include "mock/families/arbitration/arbitration_family.h"
#include "mock/reply/list_params.h"

namespace mock::families {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr const char* kOperationsPath = "/api/v2/arbitration/services";
constexpr const char* kOne = "/api/v2/arbitration/services/{id}";

constexpr const char* kNotFound =
    " An id no service shown has is recordNotFound (1002 / COM10002) naming "
    "ARBITRATION_SERVICE, 404, which the terraform provider reads as \"gone\" (mock: no table "
    "has an arbitration \"does not exist\").";

// The list's parameters in EP-ARB-L's order: hostId, keyword, statusList, tagIdList, then
// paging and sorting. hostId and tagIdList are bound by the handler, not the list engine.
std::vector<Param> ListParamsOf(const listing::ListSpec& spec) {
  std::vector<Param> params = api::ListParams(spec);
  params.insert(
      params.begin(),
      Param{.name = "hostId",
            .type = "integer",
            .format = "int64",
            .description = "Services on this host (doc: a Long). Trimmed, blank is absent; "
                           "anything but a 64-bit decimal integer is "
                           "invalidParameter naming it (framework).",
            .provenance = Provenance::kDoc});
  auto status = std::find_if(params.begin(), params.end(),
                             [](const Param& p) { return p.name == "statusList"; });
  params.insert(
      status == params.end() ? status : status + 1,
      Param{.name = "tagIdList",
            .type = "integer",
            .repeated = true,
            .format = "int64",
            .description = "Services carrying a tag of one of these ids (doc: List<Long>; "
                           "mock: what matches). "
                           "Elements trimmed, blank ones ignored; an element that is "
                           "not a 64-bit decimal integer is invalidParameter naming "
                           "the parameter (framework).",
            .provenance = Provenance::kDoc});
  return params;
}

Operation CreateOperation() {
  return {
      .method = "POST",
      .pattern = kOperationsPath,
      .id = "createArbitrationService",
      .summary = "Creates an arbitration service: starts the \"Create arbitration service\" task",
      .description =
          "EP-ARB-C's body: `hostId`, `rpmName`, `installPath`, `runUser`, `svrPort` required "
          "(doc); `clientToken` 8 to 64 characters (doc), not remembered (mock). A missing or "
          "wrong-typed field, a hostId naming no host or a host running an OBServer (OBE50000's "
          "meaning; mock) is invalidParameter naming the field; unknown fields are ignored "
          "(framework). A service on that host and port already is OBE50020 (4.2.1, whose table "
          "has no arbitration code: 1006; doc). The service shows, RUNNING, once the task is "
          "SUCCESSFUL (mock). The answer is the TaskInstance, without the "
          "`arbitrationServiceId` the terraform provider reads (added under --quirks "
          "client-ids; client). HOST_MANAGER for ARBITRATION:CREATE (mock). A refusal changes "
          "nothing.",
      .provenance = Provenance::kDoc,
      .body = api::Body{.schema = "create-arbitration-service-request"},
      .answer = {.schema = "arbitration-task-response"},
      .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest,
                 ErrorKind::kArbitrationExists}};
}

}  // namespace

std::vector<Operation> ArbitrationFamily::OcpOperations() const {
  // A version without arbitration services has none of these routes (OcpRoutes).
  if (!options_.served) return {};
  return {
      {.method = "GET",
       .pattern = kOperationsPath,
       .id = "listArbitrationServices",
       .summary = "Lists the arbitration services",
       .description = "EP-ARB-L's parameters (doc); the fields `keyword` searches (name, svrIp, "
                      "description) and the sort keys are the mock's, id ascending by default. "
                      "The terraform provider calls it as its probe: a 404 (every version but "
                      "4.2.1 and 4.2.2) means \"not supported\" (client). HOST_VIEWER for the "
                      "page's read-only permission on arbitration services (mock).",
       .provenance = Provenance::kDoc,
       .params = ListParamsOf(list_),
       .answer = {.schema = "arbitration-service-list-response"},
       .errors = api::ListErrors(list_)},
      CreateOperation(),
      {.method = "GET",
       .pattern = kOne,
       .id = "getArbitrationService",
       .summary = "The arbitration service",
       .description = std::string("No page documents it: the terraform provider reads "
                                  "`data.{id, name, status}` (client); the service as listed. "
                                  "HOST_VIEWER (mock).") +
                      kNotFound,
       .provenance = Provenance::kClient,
       .answer = {.schema = "arbitration-service-response"},
       .errors = {ErrorKind::kRecordNotFound}},
      {.method = "DELETE",
       .pattern = std::string(kOne) + "/delete",
       .id = "deleteArbitrationService",
       .summary = "Deletes an arbitration service: starts the \"Delete arbitration service\" task",
       .description =
           std::string("EP-ARB-D (doc). The service goes once the task is SUCCESSFUL; a FAILED "
                       "deletion leaves it (mock). While its creation or deletion runs, OBE50001 "
                       "naming the id and CREATING or DELETING (4.2.1: 1003 with the same words; "
                       "doc: the code, mock: when). HOST_MANAGER for ARBITRATION:DELETE (mock).") +
           kNotFound,
       .provenance = Provenance::kDoc,
       .answer = {.schema = "arbitration-task-response"},
       .errors = {ErrorKind::kRecordNotFound, ErrorKind::kArbitrationStatusInvalid,
                  ErrorKind::kBadRequest}},
  };
}

}  // namespace mock::families
