// TaskIndex's page windows: the matches of a selection in the order asked for, from `offset`,
// at most `size`. One sort key reads its pre-sorted order; the default (id) reads the ranks;
// two keys or more partially sort the matches.
#include <algorithm>
#include <numeric>

#include "mock/query/task_index.h"

namespace mock::query {

std::vector<uint32_t> TaskIndex::Window(const Selection& sel, const std::vector<SortOrder>& sort,
                                        size_t offset, size_t size) const {
  if (sort.size() > 1) return WindowByAll(sel, sort, offset, size);
  if (sort.size() == 1 && sort[0].key != SortKey::kId) {
    return WindowByKey(sel, sort[0], offset, size);
  }
  // Rank order is id descending; id ascending reads it backwards.
  return WindowByRank(sel, sort.size() == 1 && !sort[0].descending, offset, size);
}

std::vector<uint32_t> TaskIndex::WindowByRank(const Selection& sel, bool reverse, size_t offset,
                                              size_t size) const {
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
  const SortedRanks& ranks = Order(order.key, order.descending);
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
      const auto& keys = Order(o.key, false).keys();
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

}  // namespace mock::query
