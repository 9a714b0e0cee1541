// One sort key's order over the tasks of an index: ranks sorted by key, ties by rank (that is,
// id descending), in one direction, kept in order as keys change without a full re-sort.
//
//   SortedRanks up(keys, /*descending=*/false);
//   SortedRanks down = SortedRanks::Reversed(up);
//   up.Update(7, 42);                                  // rank 7's key is now 42
//   up.ForEach(20, [](uint32_t rank) { return true; }); // ranks in order, after the first 20
//
// How: the ranks sorted once (`base_`), plus a small side list, kept sorted, of the ranks whose
// key changed since; ForEach merges the two. The base is rebuilt once the side list grows past
// n/64 (at least 64), so an update costs O(n/64) at worst and a walk stays linear.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mock/query/bitset.h"

namespace mock::query {

class SortedRanks {
 public:
  SortedRanks() = default;
  // keys[rank] is the key of `rank`.
  SortedRanks(std::vector<int64_t> keys, bool descending);
  // The descending twin of `ascending` (or the reverse), in linear time.
  static SortedRanks Reversed(const SortedRanks& ascending);

  int64_t key(uint32_t rank) const { return keys_[rank]; }
  const std::vector<int64_t>& keys() const { return keys_; }
  // Changes the key of `rank`, keeping the order.
  void Update(uint32_t rank, int64_t key);
  // Calls visit(rank) in order, after the first `skip` ranks, until it returns false.
  template <typename Visit>
  void ForEach(size_t skip, Visit&& visit) const;
  // `a` comes before `b` in this order.
  bool Less(uint32_t a, uint32_t b) const;

 private:
  void Rebuild();

  bool descending_ = false;
  std::vector<int64_t> keys_;
  std::vector<uint32_t> base_;
  Bitset stale_;  // ranks whose place in base_ is out of date; they are in side_
  std::vector<uint32_t> side_;
};

template <typename Visit>
void SortedRanks::ForEach(size_t skip, Visit&& visit) const {
  size_t i = 0;
  size_t j = 0;
  if (side_.empty()) {  // nothing has moved: the base order is the order
    for (i = skip; i < base_.size(); ++i) {
      if (!visit(base_[i])) return;
    }
    return;
  }
  for (;;) {
    while (i < base_.size() && stale_.Test(base_[i])) ++i;
    const bool from_base = i < base_.size();
    const bool from_side = j < side_.size();
    if (!from_base && !from_side) return;
    uint32_t rank =
        (from_base && (!from_side || Less(base_[i], side_[j]))) ? base_[i++] : side_[j++];
    if (skip > 0) {
      --skip;
      continue;
    }
    if (!visit(rank)) return;
  }
}

}  // namespace mock::query
