// A fixed-size set of small integers (task ranks), one bit each: the index's representation of
// large filter results, where AND and popcount over words beat walking sorted lists.
//
//   Bitset b(n);  b.Set(3);  b.Test(3) == true;  And(x, y, out) == |x ∩ y|
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mock::query {

class Bitset {
 public:
  Bitset() = default;
  explicit Bitset(size_t bits) : bits_(bits), words_((bits + 63) / 64) {}

  void Set(size_t i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void Reset(size_t i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
  bool Test(size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }

  size_t size() const { return bits_; }
  size_t word_count() const { return words_.size(); }
  const uint64_t* words() const { return words_.data(); }
  uint64_t* words() { return words_.data(); }

  // Clears every bit, keeping the size.
  void Clear();
  size_t Count() const;

 private:
  size_t bits_ = 0;
  std::vector<uint64_t> words_;
};

// out = a & b (all the same size); returns the number of bits set in `out`.
size_t And(const Bitset& a, const Bitset& b, Bitset& out);
// out |= a; returns nothing: callers that need the count know it (the sets are disjoint).
void OrInto(const Bitset& a, Bitset& out);

// Calls visit(i) for the set bits of `b` from index `from` upwards (descending = false) or
// downwards (descending = true), skipping the first `skip` of them, until visit returns false.
template <typename Visit>
void ForEachSetBit(const Bitset& b, bool descending, size_t skip, Visit&& visit);

}  // namespace mock::query

#include "mock/query/bitset_inl.h"
