#include "mock/query/reference_engine.h"

#include <algorithm>
#include <string_view>

#include "mock/core/text.h"

namespace mock::query {
namespace {

using text::LowerAscii;

// `lower_needle` is already lower-case.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view lower_needle) {
  auto it = std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                        [](char h, char n) { return LowerAscii(h) == n; });
  return it != haystack.end() || lower_needle.empty();
}

bool MatchesCluster(const TaskFilter& f, const model::Task& task) {
  if (f.cluster_names.empty() && !f.cluster_id) return true;
  if (!task.cluster) return false;
  if (f.cluster_id && task.cluster->id != *f.cluster_id) return false;
  return std::all_of(f.cluster_names.begin(), f.cluster_names.end(), [&](const std::string& n) {
    return ContainsIgnoreCase(task.cluster->name, n);
  });
}

bool MatchesTenant(const TaskFilter& f, const model::Task& task) {
  if (!f.tenant_id && !f.tenant_name) return true;
  if (!task.tenant) return false;
  if (f.tenant_id && task.tenant->id != *f.tenant_id) return false;
  return !f.tenant_name || task.tenant->name == *f.tenant_name;
}

// ASCII case-insensitive; other bytes compare unsigned, which for UTF-8 is code point order.
int CompareNames(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    auto x = static_cast<unsigned char>(LowerAscii(a[i]));
    auto y = static_cast<unsigned char>(LowerAscii(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// Absent sorts before present (ascending), as MySQL orders NULLs.
int CompareTimes(const std::optional<model::Timestamp>& a,
                 const std::optional<model::Timestamp>& b) {
  if (!a || !b) return a ? 1 : (b ? -1 : 0);
  if (a->epoch_ms == b->epoch_ms) return 0;
  return a->epoch_ms < b->epoch_ms ? -1 : 1;
}

template <typename T>
int Compare3(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareBy(SortKey key, const model::Task& a, const model::Task& b) {
  switch (key) {
    case SortKey::kId:
      return Compare3(a.id, b.id);
    case SortKey::kName:
      return CompareNames(a.name, b.name);
    case SortKey::kStatus:
      return Compare3(model::ToString(a.status), model::ToString(b.status));
    case SortKey::kType:
      return Compare3(model::ToString(a.type), model::ToString(b.type));
    case SortKey::kCreateTime:
      return CompareTimes(a.create_time, b.create_time);
    case SortKey::kStartTime:
      return CompareTimes(a.start_time, b.start_time);
    case SortKey::kFinishTime:
      return CompareTimes(a.finish_time, b.finish_time);
  }
  return 0;
}

bool Before(const std::vector<SortOrder>& orders, const model::Task* a, const model::Task* b) {
  for (const SortOrder& order : orders) {
    int c = CompareBy(order.key, *a, *b);
    if (c != 0) return order.descending ? c > 0 : c < 0;
  }
  return a->id > b->id;
}

}  // namespace

bool Matches(const TaskFilter& f, const model::Task& task) {
  if (f.name && !ContainsIgnoreCase(task.name, *f.name)) return false;
  if (!f.statuses.empty() &&
      std::find(f.statuses.begin(), f.statuses.end(), task.status) == f.statuses.end()) {
    return false;
  }
  if (f.type && task.type != *f.type) return false;
  if (f.host_id &&
      std::find(task.host_ids.begin(), task.host_ids.end(), *f.host_id) == task.host_ids.end()) {
    return false;
  }
  return MatchesCluster(f, task) && MatchesTenant(f, task);
}

TaskPage ExecuteQuery(const std::vector<model::Task>& tasks, const TaskQuery& query) {
  std::vector<const model::Task*> matches;
  for (const model::Task& task : tasks) {
    if (Matches(query.filter, task)) matches.push_back(&task);
  }
  TaskPage result;
  result.page = query.page;
  result.total_elements = static_cast<int64_t>(matches.size());
  const int64_t size = query.page.size;
  result.total_pages = (result.total_elements + size - 1) / size;
  const int64_t offset = (static_cast<int64_t>(query.page.number) - 1) * size;
  if (offset >= result.total_elements) return result;
  const int64_t end = std::min(offset + size, result.total_elements);
  // Only the requested page needs to be in order; the rest is partitioned around it.
  auto first = matches.begin() + offset;
  auto last = matches.begin() + end;
  auto before = [&](const model::Task* a, const model::Task* b) {
    return Before(query.sort, a, b);
  };
  std::nth_element(matches.begin(), first, matches.end(), before);
  std::partial_sort(first, last, matches.end(), before);
  result.items.assign(first, last);
  return result;
}

}  // namespace mock::query
