// The guard against cross-site request forgery (docs/ui.md, issue #30; provenance mock): a page
// of another origin can make a browser send a POST to the mock (a form, an <img>'s GET is
// harmless, a fetch), and a browser that holds the mock's Basic credentials sends them along.
// So a state-changing request (any method but GET, HEAD and OPTIONS) that a browser sent, known
// by the headers only browsers send (`Origin`, or `Sec-Fetch-Site` other than `same-origin` and
// `none`), needs the custom header `X-OCP-Mock-UI: 1`, which the mock's own page sends on every
// call. A page of another origin cannot add a custom header without a CORS preflight, which the
// mock grants only to the origin --cors-origin names; that origin's requests (every origin's for
// "*") are exempt, as the operator allowed them. Requests without those headers (curl, every
// client library) are never affected.
//
//   if (ForgeableBrowserRequest(request, cors_origin)) return Fail(..., BrowserHeaderMissing());
#pragma once

#include <string_view>

#include "mock/core/status.h"
#include "mock/http/message.h"

namespace mock::api {

inline constexpr std::string_view kUiHeader = "X-OCP-Mock-UI";

// Whether `request` is refused by the rule above; `cors_origin`: ApiOptions::cors_origin.
bool ForgeableBrowserRequest(const http::Request& request, std::string_view cors_origin);

// The refusal: OCP's permissionDenied (403), saying the header is required.
Status BrowserHeaderMissing();

}  // namespace mock::api
