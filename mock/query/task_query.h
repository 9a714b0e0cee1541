// A resolved task-list query: filters, sort orders and the page to return, and the page that
// answers it. Produced from request parameters by ParseTaskQuery (query_params.h), answered by
// TaskIndex::Execute (task_index.h), whose answers the reference engine (reference_engine.h)
// checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/model/task.h"

namespace mock::query {

// All present filters must hold (AND). An absent filter matches every task.
struct TaskFilter {
  std::optional<std::string> name;          // case-insensitive substring of the name
  std::vector<model::TaskStatus> statuses;  // any of these; empty = any status
  std::optional<model::TaskType> type;
  std::vector<std::string> cluster_names;  // case-insensitive substrings of cluster name
  std::optional<int64_t> cluster_id;
  std::optional<std::string> tenant_name;  // exact; only with cluster_id
  std::optional<int64_t> tenant_id;
  std::optional<int64_t> host_id;
};

// How names sort: ASCII case-insensitively, then by code point (ocp-mock's choice, and likely a
// real metadb's collation), or by code point alone (--quirks collation).
enum class NameOrder { kCaseInsensitive, kCodePoint };

enum class SortKey { kId, kName, kStatus, kType, kCreateTime, kStartTime, kFinishTime };
// Keep equal to the last SortKey + 1: the index keeps one order per key.
inline constexpr size_t kSortKeyCount = static_cast<size_t>(SortKey::kFinishTime) + 1;

struct SortOrder {
  SortKey key = SortKey::kId;
  bool descending = false;
  bool operator==(const SortOrder&) const = default;
};

// A resolved page: `number` is 1-based, `size` within [1, kMaxPageSize].
struct PageRequest {
  int32_t number = 1;
  int32_t size = 10;
  bool operator==(const PageRequest&) const = default;
};

inline constexpr int32_t kDefaultPageSize = 10;
inline constexpr int32_t kMaxPageSize = 2000;

struct TaskQuery {
  TaskFilter filter;
  std::vector<SortOrder> sort;  // empty = the default order, id descending
  PageRequest page;
};

// The answer to a query: the page's items and the totals of every match.
template <typename Item>
struct Page {
  std::vector<Item> items;  // at most page.size
  int64_t total_elements = 0;
  int64_t total_pages = 0;  // ceil(total_elements / size); 0 when nothing matches
  PageRequest page;
};

// Items are positions in the task vector the index was built from.
using PositionPage = Page<uint32_t>;

}  // namespace mock::query
