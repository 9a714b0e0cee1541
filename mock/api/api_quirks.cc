// The Api's hooks for the quirks that depend on the request (quirks.h): the language of error
// messages and what the body rewrites need to know.
#include "mock/api/api.h"
#include "mock/query/sort.h"
#include "mock/quirks/accept_language.h"

namespace mock::api {

// OCP has message files for en_US and zh_CN only; any other locale (a bare `en` too) falls back
// to the server's default, which on many installations is Chinese
// (docs/reference/real-server-behaviour.md).
const ocp::ErrorCatalog* Api::LanguageOf(const http::Request& request) const {
  if (!quirks_.language) return nullptr;
  const std::string* header = http::FindHeader(request.headers, "Accept-Language");
  if (header != nullptr && PreferredLanguage(*header) == "en-us") return nullptr;
  return &errors_zh_;
}

BodyQuirkContext Api::BodyQuirksFor(const http::Request& request) const {
  BodyQuirkContext context;
  context.answer_seed = seed_ ^ (answers_.fetch_add(1) * 0x9E3779B97F4A7C15ULL);
  if (quirks_.tie_order) {
    auto sort = query::ParseSort(ValuesOf(request.query, "sort"));
    if (sort.ok()) {
      for (const query::SortOrder& order : sort.value()) {
        context.sort_fields.emplace_back(query::SortPropertyName(order.key));
      }
    }
  }
  return context;
}

}  // namespace mock::api
