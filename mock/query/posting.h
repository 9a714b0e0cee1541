// A posting list: the ranks of the tasks that hold one value of a filter attribute (a status,
// a cluster, a name), ascending, with a bitset of the same set when the set is large.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "mock/query/bitset.h"

namespace mock::query {

// A set of `count` ranks out of `n` gets a bitset once it holds 1/64 of them: then ANDing n/64
// words costs about what walking the list would, and an attribute has at most 64 such sets.
inline bool WorthBits(size_t count, size_t n) { return count * 64 >= n && n > 0; }

struct Posting {
  std::vector<uint32_t> ranks;
  Bitset bits;  // the same set, only when WorthBits
  bool has_bits() const { return bits.size() != 0; }

  // Call once every rank is in (out of `n`): trims the list, adds the bitset if worth it.
  void Finish(size_t n) {
    ranks.shrink_to_fit();
    if (!WorthBits(ranks.size(), n)) return;
    bits = Bitset(n);
    for (uint32_t r : ranks) bits.Set(r);
  }
};

}  // namespace mock::query
