#include "mock/query/sort.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "mock/core/text.h"
#include "mock/ocp/error_kinds.h"

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

using text::EqualsIgnoreCase;
using text::Trim;

// true = descending, false = ascending, nullopt = not a direction.
std::optional<bool> ParseDirection(std::string_view s) {
  if (EqualsIgnoreCase(s, "asc")) return false;
  if (EqualsIgnoreCase(s, "desc")) return true;
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

StatusOr<std::vector<PropertyOrder>> ParseSortOf(const std::vector<std::string_view>& params,
                                                 const std::vector<std::string_view>& properties) {
  std::vector<PropertyOrder> orders;
  for (std::string_view param : params) {
    std::vector<std::string_view> parts = SplitNonBlank(param);
    if (parts.empty()) continue;
    std::optional<bool> descending = ParseDirection(parts.back());
    if (descending) parts.pop_back();
    for (std::string_view part : parts) {
      auto it = std::find(properties.begin(), properties.end(), part);
      if (it == properties.end()) {
        std::string names;
        for (std::string_view p : properties) names += (names.empty() ? "" : ", ") + std::string(p);
        return ocp::OcpError(ocp::ErrorKind::kUnsupportedSort,
                             "Sortable properties: " + names + ".", {Excerpt(part)});
      }
      orders.push_back({static_cast<size_t>(it - properties.begin()), descending.value_or(false)});
    }
  }
  return orders;
}

StatusOr<std::vector<SortOrder>> ParseSort(const std::vector<std::string_view>& params) {
  std::vector<std::string_view> names;
  for (const auto& [key, name] : kProperties) names.push_back(name);
  auto parsed = ParseSortOf(params, names);
  if (!parsed.ok()) return parsed.status();
  std::vector<SortOrder> orders;
  for (const PropertyOrder& o : parsed.value()) {
    orders.push_back({kProperties[o.property].first, o.descending});
  }
  return orders;
}

}  // namespace mock::query
