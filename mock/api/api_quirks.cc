// The Api's hooks for the quirks that depend on the request (quirks.h): the language of error
// messages and what the body rewrites need to know.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "mock/api/api.h"
#include "mock/query/sort.h"

namespace mock::api {
namespace {

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The language range a servlet container's getLocale() gives for `header`: the one with the
// highest q-value, the first of equals.
std::string PreferredLanguage(std::string_view header) {
  std::string best;
  double best_q = -1;
  while (!header.empty()) {
    std::string_view range = header.substr(0, header.find(','));
    header.remove_prefix(std::min(header.size(), range.size() + 1));
    double q = 1;
    if (size_t semi = range.find(';'); semi != std::string_view::npos) {
      std::string_view param = Trimmed(range.substr(semi + 1));
      if (param.substr(0, 2) == "q=")
        q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      range = range.substr(0, semi);
    }
    range = Trimmed(range);
    if (range.empty() || q <= best_q) continue;
    best_q = q;
    best.assign(range);
  }
  for (char& c : best)
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return best;
}

}  // namespace

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
