// `ocp-mock openapi --out DIR`: every OCP version's OpenAPI 3.1 document and the control plane's,
// generated (mock/api/openapi_endpoint.h, BuildVersionDocument) and written to DIR as
// `ocp-<version>.openapi.json` (OCP's objects open), `ocp-<version>.strict.openapi.json` (closed
// as the mock's schemas close them: openapi/document.h, DocumentInputs::strict) and
// `ocp-mock-control.openapi.json` (docs/openapi.md).
//
// DIR is created when missing; a DIR that is a file is refused. Only those names are written,
// each replaced whole (a temporary file renamed over it): nothing else in DIR is touched. Every
// document is built before any is written, so a failure writes nothing.
//
//   auto files = WriteOpenApiDocuments({.schemas_root = "schemas"}, "build/openapi");
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mock/api/openapi_endpoint.h"
#include "mock/core/status.h"

namespace mock::app {

struct OpenApiFiles {
  std::vector<std::filesystem::path> written;  // in version order, the control plane's last
  // What the route walk found wrong (openapi/join.h), each once, with the versions it holds in;
  // the documents leave out the routes without an Operation.
  std::vector<std::string> warnings;
};

// `sources.version` is ignored: every version under `sources.schemas_root` is written; the
// control plane's document is the newest version's. kConfig naming what was refused.
StatusOr<OpenApiFiles> WriteOpenApiDocuments(const api::OpenApiSources& sources,
                                             const std::filesystem::path& out);

}  // namespace mock::app
