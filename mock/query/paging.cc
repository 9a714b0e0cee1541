#include "mock/query/paging.h"

#include <charconv>
#include <optional>

#include "mock/core/text.h"

namespace mock::query {
namespace {

// Java's Integer.parseInt: an optional sign, decimal digits, nothing else, within int32.
std::optional<int32_t> ParseJavaInt(std::string_view s) {
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) return std::nullopt;
  }
  int32_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

}  // namespace

PageRequest ResolvePage(const std::vector<std::string_view>& pages,
                        const std::vector<std::string_view>& sizes) {
  PageRequest page;
  if (!pages.empty() && !text::IsBlank(pages.front())) {
    // A number that does not parse counts as 0, which clamps to the first page.
    int32_t n = ParseJavaInt(pages.front()).value_or(0);
    page.number = n < 1 ? 1 : n;
  }
  if (!sizes.empty() && !text::IsBlank(sizes.front())) {
    int32_t n = ParseJavaInt(sizes.front()).value_or(0);
    if (n >= 1) page.size = n > kMaxPageSize ? kMaxPageSize : n;
  }
  return page;
}

}  // namespace mock::query
