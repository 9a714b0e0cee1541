// What each of the page's routes is (reply/operation.h), for the control plane's OpenAPI
// document. The page is the mock's own (provenance `mock`; docs/ui.md): its answers are the
// embedded files, not OCP's envelope.
#include "mock/ui/ui_pages.h"

namespace mock::ui {

std::vector<api::Operation> UiOperations() {
  const std::string path(kUiPath);
  return {
      {.method = "GET",
       .pattern = path,
       .id = "mockUiPage",
       .summary = "The mock's page: the task center, the journal, faults, the clock",
       .description =
           "index.html, embedded in the binary with the page's other files (docs/ui.md); "
           "/__mock/ui/ serves the same. Every answer under /__mock/ui carries a strict "
           "Content-Security-Policy, X-Content-Type-Options: nosniff, Referrer-Policy: "
           "no-referrer and Cache-Control: no-store.",
       .provenance = api::Provenance::kMock,
       .answer = {.media_type = "text/html", .enveloped = false, .description = "The page"}},
      {.method = "GET",
       .pattern = path + "/{fileName}",
       .id = "mockUiFile",
       .summary = "One of the page's files (app.js, app.css, ...)",
       .description = "The file with its media type by extension (text/html, "
                      "application/javascript, text/css, image/svg+xml); a name that is no "
                      "file of the page is a 404 in OCP's envelope naming the files there are.",
       .provenance = api::Provenance::kMock,
       .answer = {.media_type = "application/octet-stream",
                  .enveloped = false,
                  .description = "The file"},
       .errors = {ocp::ErrorKind::kNotFound}},
  };
}

}  // namespace mock::ui
