// TaskIndex's scan: a filter on status, type, cluster, tenant and tenant name only knows its
// total from the kept counts at once, and when the page it wants is near the start of its
// order, walking that order and testing each task beats intersecting sets.
#include <algorithm>

#include "mock/query/task_index.h"

namespace mock::query {
namespace {

std::optional<uint32_t> CodeOf(const auto& codes, const auto& key) {
  auto it = codes.find(key);
  if (it == codes.end()) return std::nullopt;
  return it->second + 1;
}

}  // namespace

std::optional<TaskIndex::Scan> TaskIndex::ScanFor(const TaskFilter& f) const {
  if (f.name || !f.cluster_names.empty() || f.host_id) return std::nullopt;
  // One posting list alone is already in rank order: Select reads a page straight off it.
  const int terms = (f.statuses.empty() ? 0 : 1) + (f.type ? 1 : 0) + (f.cluster_id ? 1 : 0) +
                    (f.tenant_id ? 1 : 0) + (f.tenant_name ? 1 : 0);
  if (terms == 1 && f.statuses.empty()) return std::nullopt;
  Scan scan;
  scan.status.fill(f.statuses.empty());
  for (model::TaskStatus s : f.statuses) scan.status[static_cast<size_t>(s)] = true;
  if (f.type) scan.type = static_cast<uint8_t>(*f.type);
  if (!ScanCodes(f, scan)) return Scan{};  // count 0: matches nothing
  scan.count = static_cast<size_t>(ScanCount(scan));
  return scan;
}

// Fills the scan's cluster, tenant and tenant-name codes; false when the filter names one
// that no task has, or a tenant outside the cluster, so that nothing can match.
bool TaskIndex::ScanCodes(const TaskFilter& f, Scan& scan) const {
  if (f.cluster_id) {
    auto c = CodeOf(cluster_code_, *f.cluster_id);
    if (!c) return false;
    scan.cluster = *c;
  }
  if (f.tenant_id) {
    auto t = CodeOf(tenant_code_, *f.tenant_id);
    if (!t || (scan.cluster != 0 && tenant_cluster_[*t - 1] + 1 != scan.cluster)) return false;
    scan.tenant = *t;
  }
  if (f.tenant_name) {
    auto n = CodeOf(tenant_name_code_, *f.tenant_name);
    if (!n || (scan.tenant != 0 && tenant_name_of_[scan.tenant - 1] + 1 != *n)) return false;
    scan.tenant_name = *n;
  }
  return true;
}

// How many tasks the scan matches, from the counts by status and type.
int64_t TaskIndex::ScanCount(const Scan& scan) const {
  auto sum = [&](const Counts& counts) {
    int64_t total = 0;
    for (size_t s = 0; s < kStatuses; ++s) {
      if (!scan.status[s]) continue;
      for (size_t t = 0; t < kTypes; ++t) {
        if (!scan.type || *scan.type == t) total += counts[s][t];
      }
    }
    return total;
  };
  auto named = [&](uint32_t tenant) {
    return scan.tenant_name == 0 || tenant_name_of_[tenant] + 1 == scan.tenant_name;
  };
  if (scan.tenant != 0) return sum(tenant_counts_[scan.tenant - 1]);
  int64_t count = 0;
  if (scan.cluster != 0) {
    for (uint32_t t : cluster_tenants_[scan.cluster - 1])
      count += named(t) ? sum(tenant_counts_[t]) : 0;
    if (scan.tenant_name == 0) count += sum(cluster_only_counts_[scan.cluster - 1]);
    return count;
  }
  if (scan.tenant_name == 0) return sum(all_counts_);
  for (uint32_t t = 0; t < tenant_counts_.size(); ++t)
    count += named(t) ? sum(tenant_counts_[t]) : 0;
  return count;
}

std::optional<std::vector<uint32_t>> TaskIndex::WindowByScan(const Scan& scan,
                                                             const std::vector<SortOrder>& sort,
                                                             size_t offset, size_t size) const {
  if (sort.size() > 1 || scan.count == 0) return std::nullopt;
  // Tasks to test before the window is full, if matches are spread evenly; past n/64 of them,
  // intersecting sets (n/64 words) is the cheaper way.
  const double visits = static_cast<double>(offset + size) * static_cast<double>(n_) /
                        static_cast<double>(scan.count);
  if (visits > static_cast<double>(std::max<size_t>(256, n_ / 64))) return std::nullopt;
  // Both run once per rank visited, so both are inlined into the walks below: called, they
  // cost 1.5 times the whole query (GCC 12 inlined neither on its own).
  auto matches = [&](uint32_t r) __attribute__((always_inline)) {
    if (!scan.status[static_cast<size_t>(status_[r])]) return false;
    if (scan.type && type_of_[r] != *scan.type) return false;
    if (scan.cluster != 0 && cluster_of_[r] != scan.cluster) return false;
    if (scan.tenant != 0 && tenant_of_[r] != scan.tenant) return false;
    return scan.tenant_name == 0 ||
           (tenant_of_[r] != 0 && tenant_name_of_[tenant_of_[r] - 1] + 1 == scan.tenant_name);
  };
  std::vector<uint32_t> out;
  size_t skip = offset;
  auto visit = [&](uint32_t r) __attribute__((always_inline)) {
    if (!matches(r)) return true;
    if (skip > 0) {
      --skip;
      return true;
    }
    out.push_back(r);
    return out.size() < size;
  };
  if (!sort.empty() && sort[0].key != SortKey::kId) {
    Order(sort[0].key, sort[0].descending).ForEach(0, visit);
    return out;
  }
  const bool reverse = !sort.empty() && !sort[0].descending;  // id ascending
  for (size_t i = 0; i < n_; ++i) {
    if (!visit(static_cast<uint32_t>(reverse ? n_ - 1 - i : i))) break;
  }
  return out;
}

}  // namespace mock::query
