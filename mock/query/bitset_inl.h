// Template bodies of bitset.h.
#pragma once

#include <bit>

namespace mock::query {

template <typename Visit>
void ForEachSetBit(const Bitset& b, bool descending, size_t skip, Visit&& visit) {
  const uint64_t* w = b.words();
  const size_t n = b.word_count();
  for (size_t k = 0; k < n; ++k) {
    const size_t wi = descending ? n - 1 - k : k;
    uint64_t word = w[wi];
    const auto ones = static_cast<size_t>(std::popcount(word));
    if (ones <= skip) {  // the whole word lies before the window
      skip -= ones;
      continue;
    }
    while (word != 0) {
      const int bit = descending ? 63 - std::countl_zero(word) : std::countr_zero(word);
      word &= ~(uint64_t{1} << bit);
      if (skip > 0) {
        --skip;
        continue;
      }
      if (!visit(wi * 64 + static_cast<size_t>(bit))) return;
    }
  }
}

}  // namespace mock::query
