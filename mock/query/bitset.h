// A fixed-size set of small integers (task ranks), one bit each: the index's representation of
// large filter results, where AND and popcount over words beat walking sorted lists.
//
//   Bitset b(n);  b.Set(3);  b.Test(3) == true;  And(x, y, out) == |x ∩ y|
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace mock::query {

class Bitset {
 public:
  enum Uninitialized { kUninitialized };

  Bitset() = default;
  explicit Bitset(size_t bits) : Bitset(bits, kUninitialized) { Clear(); }
  // For a result about to be written whole: skips zeroing n/8 bytes.
  Bitset(size_t bits, Uninitialized)
      : bits_(bits), words_(std::make_unique_for_overwrite<uint64_t[]>(WordsFor(bits))) {}
  Bitset(const Bitset& other);
  Bitset& operator=(const Bitset& other);
  Bitset(Bitset&&) noexcept = default;
  Bitset& operator=(Bitset&&) noexcept = default;

  void Set(size_t i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void Reset(size_t i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
  bool Test(size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }

  size_t size() const { return bits_; }
  size_t word_count() const { return WordsFor(bits_); }
  const uint64_t* words() const { return words_.get(); }
  uint64_t* words() { return words_.get(); }

  // Clears every bit, keeping the size.
  void Clear();
  size_t Count() const;

 private:
  static size_t WordsFor(size_t bits) { return (bits + 63) / 64; }

  size_t bits_ = 0;
  std::unique_ptr<uint64_t[]> words_;
};

// One operand of AndTerms: a set, or (negated) its complement within the same size.
struct BitTerm {
  const Bitset* bits;
  bool negated = false;
};

// out = the intersection of `terms` (at least one; all of out's size), in one pass over the
// words; returns its size.
size_t AndTerms(std::span<const BitTerm> terms, Bitset& out);
// out |= a; returns nothing: callers that need the count know it (the sets are disjoint).
void OrInto(const Bitset& a, Bitset& out);

// Calls visit(i) for the set bits of `b` from index `from` upwards (descending = false) or
// downwards (descending = true), skipping the first `skip` of them, until visit returns false.
template <typename Visit>
void ForEachSetBit(const Bitset& b, bool descending, size_t skip, Visit&& visit);

}  // namespace mock::query

#include "mock/query/bitset_inl.h"
