#include "mock/query/sort.h"

#include <array>
#include <optional>
#include <utility>

namespace mock::query {
namespace {

constexpr std::array<std::pair<SortKey, std::string_view>, 7> kProperties{{
    {SortKey::kId, "id"},
    {SortKey::kName, "name"},
    {SortKey::kStatus, "status"},
    {SortKey::kType, "type"},
    {SortKey::kCreateTime, "createTime"},
    {SortKey::kStartTime, "startTime"},
    {SortKey::kFinishTime, "finishTime"},
}};

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// true = descending, false = ascending, nullopt = not a direction.
std::optional<bool> ParseDirection(std::string_view s) {
  if (EqualsIgnoreCase(s, "asc")) return false;
  if (EqualsIgnoreCase(s, "desc")) return true;
  return std::nullopt;
}

std::optional<SortKey> ParseProperty(std::string_view s) {
  for (const auto& [key, name] : kProperties) {
    if (name == s) return key;
  }
  return std::nullopt;
}

std::vector<std::string_view> SplitNonBlank(std::string_view s) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t comma = s.find(',');
    std::string_view part = Trim(s.substr(0, comma));
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) return parts;
    s.remove_prefix(comma + 1);
  }
}

}  // namespace

std::string_view SortPropertyName(SortKey key) {
  for (const auto& [k, name] : kProperties) {
    if (k == key) return name;
  }
  return "";
}

Result<std::vector<SortOrder>> ParseSort(const std::vector<std::string_view>& params) {
  std::vector<SortOrder> orders;
  for (std::string_view param : params) {
    std::vector<std::string_view> parts = SplitNonBlank(param);
    if (parts.empty()) continue;
    std::optional<bool> descending = ParseDirection(parts.back());
    if (descending) parts.pop_back();
    for (std::string_view part : parts) {
      std::optional<SortKey> key = ParseProperty(part);
      if (!key) {
        return Error{ErrorKind::kUnsupportedSort, Excerpt(part),
                     "Sortable properties: id, name, status, type, createTime, startTime, "
                     "finishTime."};
      }
      orders.push_back({*key, descending.value_or(false)});
    }
  }
  return orders;
}

}  // namespace mock::query
