#include "mock/query/task_index.h"

#include <algorithm>
#include <future>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string_view>

#include "mock/core/text.h"

namespace mock::query {
namespace {

constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();  // sorts first ascending

// The place of each enum value when values are ordered by their wire spelling, as the
// reference engine sorts them.
template <typename Enum, size_t N>
int64_t WireOrder(Enum value) {
  std::vector<std::string_view> spellings;
  for (size_t i = 0; i < N; ++i) spellings.push_back(model::ToString(static_cast<Enum>(i)));
  std::string_view mine = model::ToString(value);
  return std::count_if(spellings.begin(), spellings.end(),
                       [&](std::string_view s) { return s < mine; });
}

int64_t TimeKey(const std::optional<model::Timestamp>& t) { return t ? t->epoch_ms : kNoTime; }

int64_t MutableKey(SortKey key, const model::Task& task) {
  switch (key) {
    case SortKey::kStatus:
      return WireOrder<model::TaskStatus, model::kTaskStatusCount>(task.status);
    case SortKey::kStartTime:
      return TimeKey(task.start_time);
    case SortKey::kFinishTime:
      return TimeKey(task.finish_time);
    default:
      throw std::logic_error("MutableKey: key cannot change");
  }
}

constexpr SortKey kMutableKeys[] = {SortKey::kStatus, SortKey::kStartTime, SortKey::kFinishTime};

std::vector<const model::Task*> Pointers(const std::vector<model::Task>& tasks) {
  std::vector<const model::Task*> out;
  out.reserve(tasks.size());
  for (const model::Task& task : tasks) out.push_back(&task);
  return out;
}

}  // namespace

TaskIndex::TaskIndex(const std::vector<model::Task>& tasks, NameOrder name_order)
    : TaskIndex(Pointers(tasks), name_order) {}

TaskIndex::TaskIndex(const std::vector<const model::Task*>& tasks, NameOrder name_order)
    : n_(tasks.size()) {
  if (n_ >= std::numeric_limits<uint32_t>::max()) throw std::length_error("too many tasks");
  pos_of_rank_.resize(n_);
  std::iota(pos_of_rank_.begin(), pos_of_rank_.end(), 0u);
  {
    // The ids side by side: the sort compares them n log n times.
    std::vector<int64_t> ids(n_);
    for (size_t pos = 0; pos < n_; ++pos) ids[pos] = tasks[pos]->id;
    std::sort(pos_of_rank_.begin(), pos_of_rank_.end(),
              [&](uint32_t a, uint32_t b) { return ids[a] > ids[b]; });
  }
  rank_of_pos_.resize(n_);
  for (uint32_t r = 0; r < n_; ++r) rank_of_pos_[pos_of_rank_[r]] = r;

  for (auto& bits : status_bits_) bits = Bitset(n_);
  status_.resize(n_);
  type_of_.resize(n_);
  cluster_of_.resize(n_);
  tenant_of_.resize(n_);
  std::map<std::string, Posting> names;
  std::map<std::string, Posting> cluster_names;
  std::vector<int64_t> name_of_rank(n_);  // filled with dictionary keys below
  for (uint32_t r = 0; r < n_; ++r) {
    const model::Task& task = *tasks[pos_of_rank_[r]];
    names[text::LowerAscii(task.name)].ranks.push_back(r);
    if (task.cluster) cluster_names[text::LowerAscii(task.cluster->name)].ranks.push_back(r);
    Place(r, task);
  }
  // Lower-cased names in byte order are the reference engine's name order (ASCII
  // case-insensitive, then by code point), so a name's place in the dictionary is its key.
  for (auto& [name, posting] : names) {
    for (uint32_t r : posting.ranks) name_of_rank[r] = static_cast<int64_t>(names_.size());
    names_.emplace_back(name, std::move(posting));
  }
  for (auto& entry : cluster_names) {
    cluster_names_.emplace_back(entry.first, std::move(entry.second));
  }
  if (name_order == NameOrder::kCodePoint) {  // a name's place among the distinct names as sent
    std::map<std::string_view, int64_t> exact;
    for (const model::Task* task : tasks) exact.emplace(task->name, 0);
    int64_t key = 0;
    for (auto& entry : exact) entry.second = key++;
    for (uint32_t r = 0; r < n_; ++r) name_of_rank[r] = exact[tasks[pos_of_rank_[r]]->name];
  }
  for (auto& p : type_) p.Finish(n_);
  for (auto* map : {&cluster_, &tenant_, &host_}) {
    for (auto& entry : *map) entry.second.Finish(n_);
  }
  for (auto& entry : tenant_name_) entry.second.Finish(n_);
  for (auto& entry : names_) entry.second.Finish(n_);
  for (auto& entry : cluster_names_) entry.second.Finish(n_);
  BuildOrders(tasks, std::move(name_of_rank));
}

// Puts the task of rank `r` in the status sets, the exact-filter postings and the counts.
void TaskIndex::Place(uint32_t r, const model::Task& task) {
  const auto status = static_cast<size_t>(task.status);
  status_[r] = task.status;
  status_bits_[status].Set(r);
  ++status_count_[status];
  type_[static_cast<size_t>(task.type)].ranks.push_back(r);
  if (task.cluster) cluster_[task.cluster->id].ranks.push_back(r);
  if (task.tenant) {
    tenant_[task.tenant->id].ranks.push_back(r);
    tenant_name_[task.tenant->name].ranks.push_back(r);
  }
  for (int64_t host : task.host_ids) host_[host].ranks.push_back(r);
  Code(r, task);
}

void TaskIndex::BuildOrders(const std::vector<const model::Task*>& tasks,
                            std::vector<int64_t> name_of_rank) {
  auto keys_of = [&](auto key_of) {
    std::vector<int64_t> keys(n_);
    for (uint32_t r = 0; r < n_; ++r) keys[r] = key_of(*tasks[pos_of_rank_[r]]);
    return keys;
  };
  auto build = [&](SortKey key, std::vector<int64_t> keys) {
    auto& pair = by_[static_cast<size_t>(key)];
    pair[0] = SortedRanks(std::move(keys), false);
    pair[1] = SortedRanks::Reversed(pair[0]);
  };
  // Six sorts of n ranks, independent of each other: one thread each (a second at 1M tasks).
  std::vector<std::future<void>> sorts;
  auto later = [&](auto fn) { sorts.push_back(std::async(std::launch::async, fn)); };
  later([&] { build(SortKey::kName, std::move(name_of_rank)); });
  later([&] {
    build(SortKey::kType, keys_of([](const model::Task& t) {
            return WireOrder<model::TaskType, model::kTaskTypeCount>(t.type);
          }));
  });
  later([&] {
    build(SortKey::kCreateTime,
          keys_of([](const model::Task& t) { return TimeKey(t.create_time); }));
  });
  for (SortKey key : kMutableKeys) {
    later([&, key] {
      build(key, keys_of([key](const model::Task& t) { return MutableKey(key, t); }));
    });
  }
  for (auto& sort : sorts) sort.get();
}

void TaskIndex::Code(uint32_t r, const model::Task& task) {
  type_of_[r] = static_cast<uint8_t>(task.type);
  if (task.cluster) {
    auto [it, fresh] = cluster_code_.try_emplace(task.cluster->id, cluster_code_.size());
    if (fresh) {
      cluster_tenants_.emplace_back();
      cluster_only_counts_.push_back({});
    }
    cluster_of_[r] = it->second + 1;
  }
  if (task.tenant && task.cluster) {
    auto name = tenant_name_code_.try_emplace(task.tenant->name, tenant_name_code_.size()).first;
    auto [it, fresh] = tenant_code_.try_emplace(task.tenant->id, tenant_code_.size());
    if (fresh) {
      tenant_cluster_.push_back(cluster_of_[r] - 1);
      tenant_name_of_.push_back(name->second);
      tenant_counts_.push_back({});
      cluster_tenants_[cluster_of_[r] - 1].push_back(it->second);
    }
    tenant_of_[r] = it->second + 1;
  }
  Count(r, status_[r], +1);
}

void TaskIndex::Count(uint32_t r, model::TaskStatus status, int64_t delta) {
  const auto s = static_cast<size_t>(status);
  const size_t t = type_of_[r];
  all_counts_[s][t] += delta;
  if (tenant_of_[r] != 0) {
    tenant_counts_[tenant_of_[r] - 1][s][t] += delta;
  } else if (cluster_of_[r] != 0) {
    cluster_only_counts_[cluster_of_[r] - 1][s][t] += delta;
  }
}

void TaskIndex::Refresh(size_t pos, const model::Task& task) {
  const uint32_t r = rank_of_pos_.at(pos);
  if (status_[r] != task.status) {
    const auto before = static_cast<size_t>(status_[r]);
    const auto after = static_cast<size_t>(task.status);
    Count(r, status_[r], -1);
    Count(r, task.status, +1);
    status_bits_[before].Reset(r);
    --status_count_[before];
    status_bits_[after].Set(r);
    ++status_count_[after];
    status_[r] = task.status;
  }
  for (SortKey key : kMutableKeys) {
    const int64_t k = MutableKey(key, task);
    for (SortedRanks& order : by_[static_cast<size_t>(key)]) order.Update(r, k);
  }
}

PositionPage TaskIndex::Finish(const TaskQuery& query, size_t total,
                               const std::vector<uint32_t>& window) const {
  PositionPage page;
  page.page = query.page;
  page.total_elements = static_cast<int64_t>(total);
  page.total_pages = (page.total_elements + query.page.size - 1) / query.page.size;
  page.items.reserve(window.size());
  for (uint32_t r : window) page.items.push_back(pos_of_rank_[r]);
  return page;
}

PositionPage TaskIndex::Execute(const TaskQuery& query) const {
  const auto size = static_cast<size_t>(query.page.size);
  const size_t offset = static_cast<size_t>(query.page.number - 1) * size;
  const std::optional<Scan> scan = ScanFor(query.filter);
  if (scan && offset >= scan->count) return Finish(query, scan->count, {});
  if (scan) {
    if (auto window = WindowByScan(*scan, query.sort, offset, size)) {
      return Finish(query, scan->count, *window);
    }
  }
  const Selection sel = Select(query.filter);
  if (offset >= sel.count) return Finish(query, sel.count, {});
  return Finish(query, sel.count, Window(sel, query.sort, offset, size));
}

}  // namespace mock::query
