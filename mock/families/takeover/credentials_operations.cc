// What each of CredentialsFamily's OCP routes is (reply/operation.h), for the OpenAPI documents.
// No OCP version documents this API: both routes are served as obdeploy and the antman installer
// send and read them (provenance `client`). The facts: docs/reference/ocp-client-flows.md 4.4,
// 6, 9 question 4; the choices: docs/takeover.md.
#include "mock/families/takeover/credentials_family.h"
#include "mock/reply/list_params.h"

namespace mock::families {

using api::Operation;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr const char* kOperationsPath = "/api/v2/profiles/me/credentials";

// The list's parameters: `targetType` is what antman sends; paging and sorting are every OCP
// list's (Spring Data), the sortable properties the mock's.
std::vector<api::Param> ListParamsOf(const listing::ListSpec& spec) {
  std::vector<api::Param> params = api::ListParams(
      spec, {.filters = Provenance::kClient,
             .sort_note = "No OCP version documents this list: the sortable properties are the "
                          "mock's choice."});
  for (api::Param& p : params) {
    if (p.name == "page" || p.name == "size" || p.name == "sort") {
      p.provenance = Provenance::kFramework;
    }
  }
  return params;
}

}  // namespace

std::vector<Operation> CredentialsFamily::OcpOperations() const {
  return {
      {.method = "GET",
       .pattern = kOperationsPath,
       .id = "listCredentials",
       .summary = "Lists the password box's credentials, without their secrets",
       .description = "obdeploy reads `data.contents[]` of the first page and picks a HOST "
                      "credential by name (client); antman sends `targetType=HOST` (client). "
                      "The sort keys are the mock's, id ascending by default. No `passphrase` "
                      "is stored, so none is answered (doc: \"passwords are displayed as ***\", "
                      "made stricter). One box for every user; any authenticated user (mock).",
       .provenance = Provenance::kClient,
       .params = ListParamsOf(list_),
       .answer = {.schema = "credential-list-response"},
       .errors = api::ListErrors(list_)},
      {.method = "POST",
       .pattern = kOperationsPath,
       .id = "createCredential",
       .summary = "Adds a connection credential to the password box",
       .description =
           "obdeploy's body {targetType, name, sshCredentialProperty {type, username, "
           "passphrase}}; it reads `data.id` (client). A missing or wrong-typed field is "
           "invalidParameter naming it, no body or bad JSON badRequest, unknown fields (antman's "
           "`validate`, `obJdbcCredentialProperty`) ignored (framework). A name held for the same "
           "targetType is 8002 / CRD08002 \"The same credential already exists\" (doc: the code; "
           "mock: when, docs/reference/ocp-client-flows.md 9 question 4). The answer is the "
           "credential without its `passphrase`, which is never stored; the credential is not "
           "validated (mock).",
       .provenance = Provenance::kClient,
       .body = api::Body{.schema = "create-credential-request"},
       .answer = {.schema = "credential-response"},
       .errors = {ErrorKind::kInvalidParameter, ErrorKind::kBadRequest,
                  ErrorKind::kCredentialExists}},
  };
}

}  // namespace mock::families
