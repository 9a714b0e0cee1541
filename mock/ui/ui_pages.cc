#include "mock/ui/ui_pages.h"

#include <algorithm>
#include <string>

#include "mock/ocp/error_kinds.h"
#include "mock/ui/ui_assets.h"

namespace mock::ui {
namespace {

constexpr std::string_view kUiIndex = "index.html";

// The policy of issue #30 (docs/ui.md), mock: the page's own script and style files only
// (no inline script, no style attribute, no eval), its calls to its own origin only, images of
// its own or data: URLs, no <base>, no form submission, and never inside a frame (clickjacking).
constexpr std::string_view kUiContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct UiMediaType {
  std::string_view extension;
  std::string_view type;
};

// Text types say their charset: the assets are UTF-8, and a browser must not guess. JavaScript
// as application/javascript, which browsers accept for module scripts (RFC 9239 §6 keeps it as
// an alias of text/javascript).
constexpr UiMediaType kUiMediaTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "application/javascript; charset=utf-8"},
    {".mjs", "application/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
    {".txt", "text/plain; charset=utf-8"},
};

const UiAsset* FindUiAsset(std::string_view name) {
  for (const UiAsset& a : UiAssets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string UiAssetNames() {
  std::string names;
  for (const UiAsset& a : UiAssets()) names += (names.empty() ? "" : ", ") + std::string(a.name);
  return names;
}

}  // namespace

std::vector<api::Route> UiRoutes() {
  const api::Access mock = api::Access::kControl;
  const std::string path(kUiPath);
  return {
      {"GET", path, mock, [](const api::Call&) { return ServeUiAsset(kUiIndex); }},
      {"GET", path + "/{fileName}", mock,
       [](const api::Call& call) { return ServeUiAsset(call.texts[0]); }},
  };
}

StatusOr<api::Reply> ServeUiAsset(std::string_view name) {
  const UiAsset* asset = FindUiAsset(name);
  if (asset == nullptr) {
    return ocp::OcpError(
        ocp::ErrorKind::kNotFound, "",
        {"no file '" + Excerpt(name) + "' in /__mock/ui (its files: " + UiAssetNames() + ")"});
  }
  return api::Reply{.write_data = {},
                    .bare_body = std::string(asset->bytes),
                    .content_type = std::string(UiContentType(name))};
}

std::string_view UiContentType(std::string_view name) {
  for (const UiMediaType& m : kUiMediaTypes) {
    if (name.ends_with(m.extension)) return m.type;
  }
  return "application/octet-stream";
}

bool IsUiPath(std::string_view path) {
  if (!path.starts_with(kUiPath)) return false;
  const std::string_view rest = path.substr(kUiPath.size());
  return rest.empty() || rest.front() == '/';
}

void AddUiHeaders(http::Headers& headers) {
  headers.emplace_back("Content-Security-Policy", std::string(kUiContentSecurityPolicy));
  headers.emplace_back("X-Content-Type-Options", "nosniff");
  headers.emplace_back("Referrer-Policy", "no-referrer");
  // The assets change with the binary: a browser must never run an old app.js beside a new mock.
  headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace mock::ui
