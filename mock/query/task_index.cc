#include "mock/query/task_index.h"

#include <algorithm>
#include <deque>
#include <future>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string_view>

#include "mock/core/text.h"

namespace mock::query {
namespace {

constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();  // sorts first ascending

// A posting list gets a bitset once it holds 1/64 of the tasks: then ANDing n/64 words costs
// about what walking its list would, and there are at most 64 such bitsets per attribute.
bool WorthBits(size_t count, size_t n) { return count * 64 >= n && n > 0; }

void Finish(Posting& p, size_t n) {
  p.ranks.shrink_to_fit();
  if (!WorthBits(p.ranks.size(), n)) return;
  p.bits = Bitset(n);
  for (uint32_t r : p.ranks) p.bits.Set(r);
}

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
      return WireOrder<model::TaskStatus, 3>(task.status);
    case SortKey::kStartTime:
      return TimeKey(task.start_time);
    case SortKey::kFinishTime:
      return TimeKey(task.finish_time);
    default:
      throw std::logic_error("MutableKey: key cannot change");
  }
}

constexpr SortKey kMutableKeys[] = {SortKey::kStatus, SortKey::kStartTime, SortKey::kFinishTime};

const Posting* Find(const auto& map, const auto& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

// ---- SortedRanks ----

SortedRanks::SortedRanks(std::vector<int64_t> keys, bool descending)
    : descending_(descending), keys_(std::move(keys)) {
  Rebuild();
}

SortedRanks SortedRanks::Reversed(const SortedRanks& ascending) {
  SortedRanks out;
  out.descending_ = !ascending.descending_;
  out.keys_ = ascending.keys_;
  out.stale_ = Bitset(out.keys_.size());
  out.base_.reserve(ascending.base_.size());
  // Runs of equal keys in reverse order, each run kept in rank order: the tie-break (id
  // descending) does not flip with the direction.
  const auto& in = ascending.base_;
  size_t end = in.size();
  while (end > 0) {
    size_t begin = end - 1;
    while (begin > 0 && out.keys_[in[begin - 1]] == out.keys_[in[end - 1]]) --begin;
    out.base_.insert(out.base_.end(), in.begin() + static_cast<ptrdiff_t>(begin),
                     in.begin() + static_cast<ptrdiff_t>(end));
    end = begin;
  }
  return out;
}

bool SortedRanks::Less(uint32_t a, uint32_t b) const {
  const int64_t ka = keys_[a];
  const int64_t kb = keys_[b];
  if (ka != kb) return descending_ ? ka > kb : ka < kb;
  return a < b;
}

void SortedRanks::Rebuild() {
  base_.resize(keys_.size());
  std::iota(base_.begin(), base_.end(), 0u);
  std::sort(base_.begin(), base_.end(), [this](uint32_t a, uint32_t b) { return Less(a, b); });
  stale_ = Bitset(keys_.size());
  side_.clear();
}

void SortedRanks::Update(uint32_t rank, int64_t key) {
  if (keys_[rank] == key) return;
  auto less = [this](uint32_t a, uint32_t b) { return Less(a, b); };
  if (stale_.Test(rank)) {  // already in the side list, placed by its old key
    auto it = std::lower_bound(side_.begin(), side_.end(), rank, less);
    side_.erase(it);
  } else {
    stale_.Set(rank);
  }
  keys_[rank] = key;
  side_.insert(std::lower_bound(side_.begin(), side_.end(), rank, less), rank);
  if (side_.size() > std::max<size_t>(64, keys_.size() / 64)) Rebuild();
}

// ---- TaskIndex ----

struct TaskIndex::Selection {
  enum Kind { kAll, kList, kBits } kind = kAll;
  size_t count = 0;
  const std::vector<uint32_t>* list = nullptr;
  const Bitset* bits = nullptr;
  // Results computed for this query; deque elements keep their addresses when moved.
  std::deque<std::vector<uint32_t>> owned_lists;
  std::deque<Bitset> owned_bits;
};

TaskIndex::TaskIndex(const std::vector<model::Task>& tasks) : n_(tasks.size()) {
  if (n_ >= std::numeric_limits<uint32_t>::max()) throw std::length_error("too many tasks");
  pos_of_rank_.resize(n_);
  std::iota(pos_of_rank_.begin(), pos_of_rank_.end(), 0u);
  std::sort(pos_of_rank_.begin(), pos_of_rank_.end(),
            [&](uint32_t a, uint32_t b) { return tasks[a].id > tasks[b].id; });
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
    const model::Task& task = tasks[pos_of_rank_[r]];
    status_[r] = task.status;
    status_bits_[static_cast<int>(task.status)].Set(r);
    ++status_count_[static_cast<int>(task.status)];
    type_[static_cast<int>(task.type)].ranks.push_back(r);
    names[text::LowerAscii(task.name)].ranks.push_back(r);
    if (task.cluster) {
      cluster_[task.cluster->id].ranks.push_back(r);
      cluster_names[text::LowerAscii(task.cluster->name)].ranks.push_back(r);
    }
    if (task.tenant) {
      tenant_[task.tenant->id].ranks.push_back(r);
      tenant_name_[task.tenant->name].ranks.push_back(r);
    }
    for (int64_t host : task.host_ids) host_[host].ranks.push_back(r);
    Code(r, task);
  }
  // Lower-cased names in byte order are the reference engine's name order (ASCII
  // case-insensitive, then by code point), so a name's place in the dictionary is its key.
  for (auto& [name, posting] : names) {
    for (uint32_t r : posting.ranks) name_of_rank[r] = static_cast<int64_t>(names_.size());
    names_.emplace_back(name, std::move(posting));
  }
  for (auto& entry : cluster_names)
    cluster_names_.emplace_back(entry.first, std::move(entry.second));
  for (auto& p : type_) Finish(p, n_);
  for (auto* map : {&cluster_, &tenant_, &host_}) {
    for (auto& entry : *map) Finish(entry.second, n_);
  }
  for (auto& entry : tenant_name_) Finish(entry.second, n_);
  for (auto& entry : names_) Finish(entry.second, n_);
  for (auto& entry : cluster_names_) Finish(entry.second, n_);

  auto keys_of = [&](auto key_of) {
    std::vector<int64_t> keys(n_);
    for (uint32_t r = 0; r < n_; ++r) keys[r] = key_of(tasks[pos_of_rank_[r]]);
    return keys;
  };
  auto build = [&](SortKey key, std::vector<int64_t> keys) {
    auto& pair = by_[static_cast<int>(key)];
    pair[0] = SortedRanks(std::move(keys), false);
    pair[1] = SortedRanks::Reversed(pair[0]);
  };
  // Six sorts of n ranks, independent of each other: one thread each (a second at 1M tasks).
  std::vector<std::future<void>> sorts;
  auto later = [&](auto fn) { sorts.push_back(std::async(std::launch::async, fn)); };
  later([&] { build(SortKey::kName, std::move(name_of_rank)); });
  later([&] {
    build(SortKey::kType,
          keys_of([](const model::Task& t) { return WireOrder<model::TaskType, 4>(t.type); }));
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
    Count(r, status_[r], -1);
    Count(r, task.status, +1);
    status_bits_[static_cast<int>(status_[r])].Reset(r);
    --status_count_[static_cast<int>(status_[r])];
    status_bits_[static_cast<int>(task.status)].Set(r);
    ++status_count_[static_cast<int>(task.status)];
    status_[r] = task.status;
  }
  for (SortKey key : kMutableKeys) {
    const int64_t k = MutableKey(key, task);
    for (SortedRanks& order : by_[static_cast<int>(key)]) order.Update(r, k);
  }
}

struct TaskIndex::Scan {
  bool status[3] = {true, true, true};
  std::optional<uint8_t> type;
  uint32_t cluster = 0;      // 0: any; else the cluster code + 1
  uint32_t tenant = 0;       // 0: any; else the tenant code + 1
  uint32_t tenant_name = 0;  // 0: any; else the name code + 1
  size_t count = 0;
};

std::optional<TaskIndex::Scan> TaskIndex::ScanFor(const TaskFilter& f) const {
  if (f.name || !f.cluster_names.empty() || f.host_id) return std::nullopt;
  // One posting list alone is already in rank order: Select reads a page straight off it.
  const int terms = (f.statuses.empty() ? 0 : 1) + (f.type ? 1 : 0) + (f.cluster_id ? 1 : 0) +
                    (f.tenant_id ? 1 : 0) + (f.tenant_name ? 1 : 0);
  if (terms == 1 && f.statuses.empty()) return std::nullopt;
  Scan scan;
  if (!f.statuses.empty()) {
    std::fill(std::begin(scan.status), std::end(scan.status), false);
    for (model::TaskStatus s : f.statuses) scan.status[static_cast<int>(s)] = true;
  }
  if (f.type) scan.type = static_cast<uint8_t>(*f.type);
  auto code = [](const auto& map, const auto& key) -> std::optional<uint32_t> {
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    return it->second + 1;
  };
  const Scan none;  // count 0: matches nothing
  if (f.cluster_id) {
    auto c = code(cluster_code_, *f.cluster_id);
    if (!c) return none;
    scan.cluster = *c;
  }
  if (f.tenant_id) {
    auto t = code(tenant_code_, *f.tenant_id);
    if (!t || (scan.cluster != 0 && tenant_cluster_[*t - 1] + 1 != scan.cluster)) return none;
    scan.tenant = *t;
  }
  if (f.tenant_name) {
    auto n = code(tenant_name_code_, *f.tenant_name);
    if (!n || (scan.tenant != 0 && tenant_name_of_[scan.tenant - 1] + 1 != *n)) return none;
    scan.tenant_name = *n;
  }
  auto sum = [&](const Counts& counts) {
    int64_t total = 0;
    for (size_t s = 0; s < 3; ++s) {
      if (!scan.status[s]) continue;
      for (size_t t = 0; t < 4; ++t) {
        if (!scan.type || *scan.type == t) total += counts[s][t];
      }
    }
    return total;
  };
  auto named = [&](uint32_t tenant) {
    return scan.tenant_name == 0 || tenant_name_of_[tenant] + 1 == scan.tenant_name;
  };
  int64_t count = 0;
  if (scan.tenant != 0) {
    count = sum(tenant_counts_[scan.tenant - 1]);
  } else if (scan.cluster != 0) {
    for (uint32_t t : cluster_tenants_[scan.cluster - 1])
      count += named(t) ? sum(tenant_counts_[t]) : 0;
    if (scan.tenant_name == 0) count += sum(cluster_only_counts_[scan.cluster - 1]);
  } else if (scan.tenant_name != 0) {
    for (uint32_t t = 0; t < tenant_counts_.size(); ++t)
      count += named(t) ? sum(tenant_counts_[t]) : 0;
  } else {
    count = sum(all_counts_);
  }
  scan.count = static_cast<size_t>(count);
  return scan;
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
  auto matches = [&](uint32_t r) {
    if (!scan.status[static_cast<int>(status_[r])]) return false;
    if (scan.type && type_of_[r] != *scan.type) return false;
    if (scan.cluster != 0 && cluster_of_[r] != scan.cluster) return false;
    if (scan.tenant != 0 && tenant_of_[r] != scan.tenant) return false;
    return scan.tenant_name == 0 ||
           (tenant_of_[r] != 0 && tenant_name_of_[tenant_of_[r] - 1] + 1 == scan.tenant_name);
  };
  std::vector<uint32_t> out;
  size_t skip = offset;
  auto visit = [&](uint32_t r) {
    if (!matches(r)) return true;
    if (skip > 0) {
      --skip;
      return true;
    }
    out.push_back(r);
    return out.size() < size;
  };
  if (sort.empty() || sort[0].key == SortKey::kId) {
    const bool reverse = !sort.empty() && !sort[0].descending;
    for (size_t i = 0; i < n_; ++i) {
      if (!visit(static_cast<uint32_t>(reverse ? n_ - 1 - i : i))) break;
    }
  } else {
    by_[static_cast<int>(sort[0].key)][sort[0].descending ? 1 : 0].ForEach(0, visit);
  }
  return out;
}

TaskIndex::Selection TaskIndex::Select(const TaskFilter& f) const {
  struct Term {
    size_t count;
    const std::vector<uint32_t>* list;
    const Bitset* bits;
    bool negated = false;  // the term is the complement of `bits`
    bool Has(uint32_t r) const {
      return bits != nullptr ? bits->Test(r) != negated
                             : std::binary_search(list->begin(), list->end(), r);
    }
  };
  Selection sel;
  std::vector<Term> terms;
  bool empty = false;
  auto add = [&](const Posting* p) {
    if (p == nullptr) {
      empty = true;
      return;
    }
    terms.push_back({p->ranks.size(), &p->ranks, p->has_bits() ? &p->bits : nullptr});
  };
  // The union of disjoint postings (each task has one name, one cluster).
  auto add_union = [&](const std::vector<const Posting*>& parts) {
    size_t total = 0;
    for (const Posting* p : parts) total += p->ranks.size();
    if (WorthBits(total, n_)) {
      Bitset& bits = sel.owned_bits.emplace_back(n_);
      for (const Posting* p : parts) {
        if (p->has_bits()) {
          OrInto(p->bits, bits);
        } else {
          for (uint32_t r : p->ranks) bits.Set(r);
        }
      }
      terms.push_back({total, nullptr, &bits});
      return;
    }
    auto& list = sel.owned_lists.emplace_back();
    list.reserve(total);
    for (const Posting* p : parts) list.insert(list.end(), p->ranks.begin(), p->ranks.end());
    std::sort(list.begin(), list.end());
    terms.push_back({total, &list, nullptr});
  };
  auto matching = [](const std::vector<std::pair<std::string, Posting>>& dictionary,
                     const std::vector<std::string>& needles) {
    std::vector<const Posting*> parts;
    for (const auto& entry : dictionary) {
      const std::string& value = entry.first;  // clang 14 cannot capture structured bindings
      if (std::all_of(needles.begin(), needles.end(), [&](const std::string& needle) {
            return value.find(needle) != std::string::npos;
          })) {
        parts.push_back(&entry.second);
      }
    }
    return parts;
  };

  if (f.type) add(&type_[static_cast<int>(*f.type)]);
  if (!f.statuses.empty()) {
    bool wanted[3] = {false, false, false};
    for (model::TaskStatus s : f.statuses) wanted[static_cast<int>(s)] = true;
    const int kinds = wanted[0] + wanted[1] + wanted[2];
    if (kinds == 1) {
      const int s = wanted[0] ? 0 : (wanted[1] ? 1 : 2);
      terms.push_back({status_count_[s], nullptr, &status_bits_[s]});
    } else if (kinds == 2) {  // every task has one status: two of them = not the third
      const int s = !wanted[0] ? 0 : (!wanted[1] ? 1 : 2);
      terms.push_back({n_ - status_count_[s], nullptr, &status_bits_[s], true});
    }  // all three statuses: no restriction
  }
  if (f.cluster_id) add(Find(cluster_, *f.cluster_id));
  if (f.tenant_id) add(Find(tenant_, *f.tenant_id));
  if (f.tenant_name) add(Find(tenant_name_, *f.tenant_name));
  if (f.host_id) add(Find(host_, *f.host_id));
  if (f.name) add_union(matching(names_, {*f.name}));
  if (!f.cluster_names.empty()) add_union(matching(cluster_names_, f.cluster_names));

  if (empty) {
    sel.kind = Selection::kList;
    sel.list = &sel.owned_lists.emplace_back();
    return sel;
  }
  if (terms.empty()) {
    sel.count = n_;
    return sel;
  }
  std::sort(terms.begin(), terms.end(),
            [](const Term& a, const Term& b) { return a.count < b.count; });
  const bool all_bits =
      std::all_of(terms.begin(), terms.end(), [](const Term& t) { return t.bits != nullptr; });
  if (terms.size() == 1 && !terms[0].negated) {
    const Term& t = terms[0];
    sel.count = t.count;
    if (t.list != nullptr) {
      sel.kind = Selection::kList;
      sel.list = t.list;
    } else {
      sel.kind = Selection::kBits;
      sel.bits = t.bits;
    }
    return sel;
  }
  // A short list beats ANDing n/64 words; so does any term that has no bitset.
  auto driver =
      std::find_if(terms.begin(), terms.end(), [](const Term& t) { return t.list != nullptr; });
  if (driver != terms.end() && (!all_bits || driver->count * 64 < n_)) {
    auto& out = sel.owned_lists.emplace_back();
    for (uint32_t r : *driver->list) {
      bool in_all = true;
      for (const Term& t : terms) {
        if (&t == &*driver) continue;
        in_all = t.Has(r);
        if (!in_all) break;
      }
      if (in_all) out.push_back(r);
    }
    sel.kind = Selection::kList;
    sel.list = &out;
    sel.count = out.size();
    return sel;
  }
  std::vector<BitTerm> bit_terms;
  for (const Term& t : terms) bit_terms.push_back({t.bits, t.negated});
  Bitset& out = sel.owned_bits.emplace_back(n_, Bitset::kUninitialized);
  sel.count = AndTerms(bit_terms, out);
  sel.kind = Selection::kBits;
  sel.bits = &out;
  return sel;
}

std::vector<uint32_t> TaskIndex::Window(const Selection& sel, const std::vector<SortOrder>& sort,
                                        size_t offset, size_t size) const {
  if (sort.size() > 1) return WindowByAll(sel, sort, offset, size);
  if (sort.size() == 1 && sort[0].key != SortKey::kId) {
    return WindowByKey(sel, sort[0], offset, size);
  }
  // Rank order is id descending; id ascending reads it backwards.
  const bool reverse = sort.size() == 1 && !sort[0].descending;
  std::vector<uint32_t> out;
  const size_t end = std::min(offset + size, sel.count);
  switch (sel.kind) {
    case Selection::kAll:
      for (size_t i = offset; i < end; ++i) {
        out.push_back(static_cast<uint32_t>(reverse ? n_ - 1 - i : i));
      }
      break;
    case Selection::kList:
      for (size_t i = offset; i < end; ++i) {
        out.push_back((*sel.list)[reverse ? sel.count - 1 - i : i]);
      }
      break;
    case Selection::kBits:
      ForEachSetBit(*sel.bits, reverse, offset, [&](size_t r) {
        out.push_back(static_cast<uint32_t>(r));
        return out.size() < size;
      });
      break;
  }
  return out;
}

std::vector<uint32_t> TaskIndex::WindowByKey(const Selection& sel, const SortOrder& order,
                                             size_t offset, size_t size) const {
  const SortedRanks& ranks = by_[static_cast<int>(order.key)][order.descending ? 1 : 0];
  std::vector<uint32_t> out;
  // A few matches: order them directly rather than walk n ranks looking for them.
  if (sel.kind == Selection::kList && sel.count * 16 < n_) {
    out = *sel.list;
    auto less = [&](uint32_t a, uint32_t b) { return ranks.Less(a, b); };
    auto first = out.begin() + static_cast<ptrdiff_t>(offset);
    auto last = out.begin() + static_cast<ptrdiff_t>(std::min(offset + size, out.size()));
    std::nth_element(out.begin(), first, out.end(), less);
    std::partial_sort(first, last, out.end(), less);
    return {first, last};
  }
  if (sel.kind == Selection::kAll) {
    ranks.ForEach(offset, [&](uint32_t r) {
      out.push_back(r);
      return out.size() < size;
    });
    return out;
  }
  Bitset listed;  // a long list is tested through a bitset, not by binary search
  const Bitset* bits = sel.bits;
  if (sel.kind == Selection::kList) {
    listed = Bitset(n_);
    for (uint32_t r : *sel.list) listed.Set(r);
    bits = &listed;
  }
  size_t skip = offset;
  ranks.ForEach(0, [&](uint32_t r) {
    if (!bits->Test(r)) return true;
    if (skip > 0) {
      --skip;
      return true;
    }
    out.push_back(r);
    return out.size() < size;
  });
  return out;
}

std::vector<uint32_t> TaskIndex::WindowByAll(const Selection& sel,
                                             const std::vector<SortOrder>& sort, size_t offset,
                                             size_t size) const {
  std::vector<uint32_t> all;
  all.reserve(sel.count);
  if (sel.kind == Selection::kAll) {
    all.resize(n_);
    std::iota(all.begin(), all.end(), 0u);
  } else if (sel.kind == Selection::kList) {
    all = *sel.list;
  } else {
    ForEachSetBit(*sel.bits, false, 0, [&](size_t r) {
      all.push_back(static_cast<uint32_t>(r));
      return true;
    });
  }
  auto before = [&](uint32_t a, uint32_t b) {
    for (const SortOrder& o : sort) {
      if (o.key == SortKey::kId) {
        if (a != b) return o.descending ? a < b : a > b;
        continue;
      }
      const auto& keys = by_[static_cast<int>(o.key)][0].keys();
      if (keys[a] != keys[b]) return o.descending ? keys[a] > keys[b] : keys[a] < keys[b];
    }
    return a < b;
  };
  auto first = all.begin() + static_cast<ptrdiff_t>(offset);
  auto last = all.begin() + static_cast<ptrdiff_t>(std::min(offset + size, all.size()));
  std::nth_element(all.begin(), first, all.end(), before);
  std::partial_sort(first, last, all.end(), before);
  return {first, last};
}

TaskPage TaskIndex::Execute(const std::vector<model::Task>& tasks, const TaskQuery& query) const {
  TaskPage page;
  page.page = query.page;
  const int64_t size = query.page.size;
  const int64_t offset = (static_cast<int64_t>(query.page.number) - 1) * size;
  auto finish = [&](size_t total, const std::vector<uint32_t>& window) {
    page.total_elements = static_cast<int64_t>(total);
    page.total_pages = (page.total_elements + size - 1) / size;
    for (uint32_t r : window) page.items.push_back(&tasks[pos_of_rank_[r]]);
    return page;
  };
  const std::optional<Scan> scan = ScanFor(query.filter);
  if (scan && offset >= static_cast<int64_t>(scan->count)) return finish(scan->count, {});
  if (scan) {
    auto window =
        WindowByScan(*scan, query.sort, static_cast<size_t>(offset), static_cast<size_t>(size));
    if (window) return finish(scan->count, *window);
  }
  const Selection sel = Select(query.filter);
  if (offset >= static_cast<int64_t>(sel.count)) return finish(sel.count, {});
  return finish(sel.count,
                Window(sel, query.sort, static_cast<size_t>(offset), static_cast<size_t>(size)));
}

}  // namespace mock::query
