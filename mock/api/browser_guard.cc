#include "mock/api/browser_guard.h"

#include <string>

namespace mock::api {
namespace {

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Only a browser sends Origin or Sec-Fetch-Site (the Fetch standard's forbidden header names:
// a page's script cannot set or remove them). Sec-Fetch-Site `same-origin` is the mock's own
// page, `none` a request the user made (typed, bookmarked); every other value is another site's.
bool SentByBrowser(const http::Headers& headers) {
  if (http::FindHeader(headers, "Origin") != nullptr) return true;
  const std::string* site = http::FindHeader(headers, "Sec-Fetch-Site");
  return site != nullptr && *site != "same-origin" && *site != "none";
}

bool AllowedByCors(const http::Headers& headers, std::string_view cors_origin) {
  if (cors_origin.empty()) return false;
  if (cors_origin == "*") return true;
  const std::string* origin = http::FindHeader(headers, "Origin");
  return origin != nullptr && *origin == cors_origin;
}

}  // namespace

bool ForgeableBrowserRequest(const http::Request& request, std::string_view cors_origin) {
  if (!ChangesState(request.method) || !SentByBrowser(request.headers)) return false;
  const std::string* ui = http::FindHeader(request.headers, kUiHeader);
  if (ui != nullptr && *ui == "1") return false;
  return !AllowedByCors(request.headers, cors_origin);
}

Status BrowserHeaderMissing() {
  return PermissionDenied("A browser's request that changes the mock needs the header " +
                          std::string(kUiHeader) +
                          ": 1, which the mock's page (/__mock/ui) sends: a page of another "
                          "origin cannot.");
}

}  // namespace mock::api
