// What each of the host types' OCP routes is (reply/operation.h), for the OpenAPI documents; the
// /__mock/hostTypes ones are ResourceFamily's. The facts: docs/reference/ocp-host-types.md and
// ocp-client-flows.md 4.3; the choices: docs/host-types.md.
#include "mock/families/host_types/host_types_family.h"
#include "mock/reply/list_params.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using ocp::ErrorKind;

std::vector<Operation> HostTypesFamily::OcpOperations() const {
  const std::string path = "/api/v2/compute/hostTypes";
  return {
      {.method = "GET",
       .pattern = path,
       .id = "listHostTypes",
       .summary = "Query host types: a page of host types",
       .description = "The docs document no filter, so none is taken: a `name` parameter is "
                      "ignored, as Spring ignores an unknown one (doc, framework). Every "
                      "version's sample has \"descripiton\", a typo for description (doc: the "
                      "field tables): an erratum, not an example.",
       .params = api::ListParams(list_),
       .answer = {.schema = "host-type-list-response"},
       .errors = api::ListErrors(list_),
       .samples = api::SampleFiles("query-host-types")},
      {.method = "POST",
       .pattern = path,
       .id = "createHostType",
       .summary = "Create a host type: the new type",
       .description = "The answer has null createTime and updateTime, as the docs' sample does; "
                      "the list then shows the times of its creation on the mock clock (doc). A "
                      "name held already is nameExists (1006 / COM10006; mock: the docs do not "
                      "say what a real OCP does).",
       .body = api::Body{.schema = "create-host-type-request"},
       .answer = {.schema = "host-type-response"},
       .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter, ErrorKind::kNameExists},
       .samples = api::SampleFiles("create-host-type")},
  };
}

}  // namespace mock::families
