#include "mock/json/locale_cache.h"

#include <array>
#include <cstddef>
#include <locale>

namespace mock::json {

void FillLocaleCaches() {
#if defined(__GLIBCXX__)
  const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
  std::array<char, 256> all{};
  std::array<char, 256> out{};
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<char>(i);
  // The range form sets the facet's "whole table ready" flag; the single form fills each entry,
  // which it caches only when the result differs from the default given, hence two defaults.
  ctype.narrow(all.data(), all.data() + all.size(), '\0', out.data());
  for (char c : all) {
    ctype.narrow(c, '\0');
    ctype.narrow(c, '\1');
  }
#endif
}

}  // namespace mock::json
