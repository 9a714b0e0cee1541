// The mock's own page, /__mock/ui (docs/ui.md): the embedded assets (ui_assets.h) served as they
// are, each with its media type, under /__mock/'s access rules (Access::kControl). The answers are
// not OCP's envelope but for an unknown file, a 404 in the envelope naming it. Every answer on a
// UI path carries AddUiHeaders' headers, added by the Api in one place (api.cc), errors included.
//
//   GET /__mock/ui          index.html (so does /__mock/ui/ and /__mock/ui/index.html)
//   GET /__mock/ui/app.js   the asset, "application/javascript; charset=utf-8"
//
// The page uses absolute URLs (/__mock/ui/app.js): /__mock/ui and /__mock/ui/ both serve it.
#pragma once

#include <string_view>
#include <vector>

#include "mock/http/message.h"
#include "mock/reply/operation.h"
#include "mock/reply/route.h"

namespace mock::ui {

inline constexpr std::string_view kUiPath = "/__mock/ui";

// The page's routes (Access::kControl) and what each is, for the control plane's.
std::vector<api::Route> UiRoutes();
std::vector<api::Operation> UiOperations();

// The asset named `name` as an answer with its media type; a name that is no asset is OCP's
// notFound (404) naming it.
StatusOr<api::Reply> ServeUiAsset(std::string_view name);

// The media type of an asset by its extension; application/octet-stream for one not listed.
std::string_view UiContentType(std::string_view name);

// Whether `path` (decoded) is the page or one of its files: /__mock/ui, or under /__mock/ui/.
bool IsUiPath(std::string_view path);

// The headers every UI answer carries: a strict Content-Security-Policy (no inline script or
// style, nothing from another origin, no framing), nosniff, no referrer, no caching.
void AddUiHeaders(http::Headers& headers);

}  // namespace mock::ui
