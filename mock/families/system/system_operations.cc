// What each of the system family's routes is (reply/operation.h), for the OpenAPI documents. The
// facts: docs/reference/ocp-resources-api.md 5.1 to 5.3 and ocp-client-flows.md 4.1; the
// choices: docs/api.md, "Endpoints clients call to find OCP".
#include "mock/families/system/system_family.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Provenance;

std::vector<Operation> SystemFamily::Operations() const {
  std::vector<Operation> ops = {
      {.method = "GET",
       .pattern = "/api/v2/time",
       .id = "getServerTime",
       .summary = "Query OCP server time: the mock clock's now, as text",
       .description =
           "\"You can call this API without authentication\"; \"The server time is returned in "
           "the text format\", e.g. 2020-11-11T15:46:27.316+08:00 (doc). Whether a real server "
           "quotes it as a JSON string is unverified; clients (obdeploy's readiness probe) only "
           "check for 200. OCP 4.2.0's docs lack the page; the mock serves it in every version "
           "(client).",
       .answer = {.media_type = "text/plain",
                  .enveloped = false,
                  .description =
                      "The time, as OCP writes times, with its offset and milliseconds"}},
      {.method = "GET",
       .pattern = "/api/v2/info",
       .id = "getApplicationInfo",
       .summary = "Query the basic information of an OCP application: a bare JSON object",
       .description =
           "Not in the envelope (doc: table and sample). buildVersion is "
           "`<version played>_20240101`, so that obdeploy's `split(\"_\")[0]` reads the version "
           "(client); the other values are the sample's (mock). The docs type group as an array "
           "and artifact as an object, but their sample has strings: the sample decides. OCP "
           "4.2.0's docs lack the page; the mock serves it in every version, as obdeploy needs "
           "it from a 4.2.0 server (client).",
       .answer = {.schema = "info", .enveloped = false},
       .samples = api::SampleFiles("info", {"4.2.2"})},
      {.method = "GET",
       .pattern = "/__mock/health",
       .id = "getMockHealth",
       .summary = "The mock's readiness: ocpVersion, quirks, ready, tasks, uptimeSeconds",
       .description = "The mock's own; no credentials, on any address.",
       .provenance = Provenance::kMock,
       .answer = {.schema = "envelope"}},
  };
  if (api_status_) {
    ops.push_back(
        {.method = "GET",
         .pattern = "/api/status",
         .id = "getApplicationStatus",
         .summary = "Query OCP application status: `okay`, as text",
         .description =
             "Documented from 4.2.1 (doc); a 404 before. The mock is never unhealthy, so the "
             "answer is always `okay` (a real OCP may answer `bad` or `bad monitordb`).",
         .params = {{.name = "includeUnavailableComponent",
                     .type = "boolean",
                     .default_value = "false",
                     .description =
                         "true: also return the names of unhealthy modules (doc). Bound as "
                         "Spring's CustomBooleanEditor does (framework): true/false, on/off, "
                         "yes/no, 1/0, any case; anything else is invalidParameter."}},
         .answer = {.media_type = "text/plain", .enveloped = false},
         .errors = {ocp::ErrorKind::kInvalidParameter}});
  }
  return ops;
}

}  // namespace mock::families
