#include "mock/quirks/accept_language.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace mock::api {
namespace {

std::string_view TrimmedRange(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string PreferredLanguage(std::string_view header) {
  std::string best;
  double best_q = -1;
  while (!header.empty()) {
    std::string_view range = header.substr(0, header.find(','));
    header.remove_prefix(std::min(header.size(), range.size() + 1));
    double q = 1;
    if (size_t semi = range.find(';'); semi != std::string_view::npos) {
      std::string_view param = TrimmedRange(range.substr(semi + 1));
      if (param.substr(0, 2) == "q=")
        q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      range = range.substr(0, semi);
    }
    range = TrimmedRange(range);
    if (range.empty() || q <= best_q) continue;
    best_q = q;
    best.assign(range);
  }
  for (char& c : best)
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return best;
}

}  // namespace mock::api
