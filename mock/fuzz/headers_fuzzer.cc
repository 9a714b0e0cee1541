// libFuzzer target: the request headers the mock reads as text. The input's first line is an
// `Accept-Language` value, the rest an `x-trace-id` value; each is found among the request's
// headers as the Api finds it (http::FindHeader, any letter case of the name) and read:
//  - `Accept-Language` by the language quirk's PreferredLanguage (mock/quirks/accept_language.h):
//    the range it picks is lower-case with '-' for '_', holds no ',' or ';', is not padded, and
//    is a range of the header (its text, so lowered, is in the header so lowered);
//  - `x-trace-id` by TraceIds::For (mock/reply/envelope.h), which the envelope and the journal
//    carry: the trace id is always 16 lowercase hex digits, and it is the header's value exactly
//    when that is one.
// Lines 3 to 6, when there are, are `Origin`, `Sec-Fetch-Site` and `X-OCP-Mock-UI` values and a
// file name under /__mock/ui (issue #30):
//  - the browser guard (mock/api/browser_guard.h) never refuses a GET, HEAD or OPTIONS, nor a
//    request carrying `X-OCP-Mock-UI: 1`, nor one without `Origin` from the page's own origin
//    (`Sec-Fetch-Site: same-origin`), nor any under `--cors '*'`; without `Origin` and with a
//    cross-site `Sec-Fetch-Site` and no header, a POST is refused;
//  - the page's file lookup (mock/ui/ui_pages.h) serves exactly the embedded files, and answers
//    any other name with a 404.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mock/api/browser_guard.h"
#include "mock/http/message.h"
#include "mock/ocp/error_kinds.h"
#include "mock/quirks/accept_language.h"
#include "mock/reply/envelope.h"
#include "mock/ui/ui_assets.h"
#include "mock/ui/ui_pages.h"

namespace {

bool IsTraceId(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The input's `n`th line (from 0), or "" past its last.
std::string_view Line(std::string_view input, size_t n) {
  for (; n > 0; --n) {
    const size_t eol = input.find('\n');
    if (eol == std::string_view::npos) return "";
    input.remove_prefix(eol + 1);
  }
  return input.substr(0, input.find('\n'));
}

void CheckBrowserGuard(std::string_view input) {
  const std::string origin(Line(input, 2));
  const std::string site(Line(input, 3));
  const std::string ui(Line(input, 4));
  for (const char* method : {"GET", "HEAD", "OPTIONS", "POST", "DELETE"}) {
    mock::http::Request r;
    r.method = method;
    if (!origin.empty()) r.headers.emplace_back("Origin", origin);
    r.headers.emplace_back("sec-fetch-site", site);
    r.headers.emplace_back("x-ocp-mock-ui", ui);
    const bool refused = mock::api::ForgeableBrowserRequest(r, "");
    const bool reads = r.method == "GET" || r.method == "HEAD" || r.method == "OPTIONS";
    if (refused && (reads || ui == "1" || (origin.empty() && site == "same-origin"))) {
      __builtin_trap();
    }
    if (!reads && ui != "1" && origin.empty() && !site.empty() && site != "same-origin" &&
        site != "none" && !refused) {
      __builtin_trap();
    }
    if (mock::api::ForgeableBrowserRequest(r, "*")) __builtin_trap();
  }
}

void CheckUiFile(std::string_view name) {
  const bool embedded = std::any_of(mock::ui::UiAssets().begin(), mock::ui::UiAssets().end(),
                                    [&](const mock::ui::UiAsset& a) { return a.name == name; });
  auto served = mock::ui::ServeUiAsset(name);
  if (served.ok() != embedded) __builtin_trap();
  if (!served.ok() && mock::ocp::HttpStatusFor(served.status()) != 404) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mock::api::TraceIds trace_ids;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t eol = input.find('\n');
  const std::string_view language = input.substr(0, eol);
  const std::string_view trace = Line(input, 1);
  mock::http::Headers headers = {{"accept-LANGUAGE", std::string(language)},
                                 {"X-Trace-Id", std::string(trace)}};

  const std::string* sent = mock::http::FindHeader(headers, "Accept-Language");
  if (sent == nullptr || *sent != language) __builtin_trap();
  const std::string best = mock::api::PreferredLanguage(*sent);
  if (best.find_first_of(",;_") != std::string::npos) __builtin_trap();
  if (!best.empty() &&
      (best.front() == ' ' || best.front() == '\t' || best.back() == ' ' || best.back() == '\t')) {
    __builtin_trap();
  }
  if (best != Lowered(best) || Lowered(language).find(best) == std::string::npos) __builtin_trap();

  const std::string id = trace_ids.For(headers);
  if (!IsTraceId(id) || (id == trace) != IsTraceId(trace)) __builtin_trap();
  headers.pop_back();
  if (!IsTraceId(trace_ids.For(headers))) __builtin_trap();  // none sent: one of our own

  CheckBrowserGuard(input);
  CheckUiFile(Line(input, 5));
  return 0;
}
