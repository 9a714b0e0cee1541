#include "mock/query/bitset.h"

#include <algorithm>

// Word loops are compiled twice where the compiler can: once with the POPCNT instruction and
// once without, picked at load time. Without it, std::popcount is a library call that makes a
// million-task AND several times slower.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(MOCK_NO_TARGET_CLONES)
#define MOCK_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define MOCK_POPCNT_CLONES
#endif

namespace mock::query {

Bitset::Bitset(const Bitset& other) : Bitset(other.bits_, kUninitialized) {
  std::copy_n(other.words(), word_count(), words());
}

Bitset& Bitset::operator=(const Bitset& other) {
  if (this != &other) *this = Bitset(other);
  return *this;
}

void Bitset::Clear() { std::fill_n(words(), word_count(), 0); }

MOCK_POPCNT_CLONES size_t Bitset::Count() const {
  size_t count = 0;
  for (size_t i = 0; i < word_count(); ++i) count += static_cast<size_t>(std::popcount(words()[i]));
  return count;
}

// Block by block, so that each term streams through a block held in L1 and every inner loop
// is a plain vectorisable loop.
MOCK_POPCNT_CLONES size_t AndTerms(std::span<const BitTerm> terms, Bitset& out) {
  constexpr size_t kBlock = 256;
  const size_t words = out.word_count();
  uint64_t* o = out.words();
  size_t count = 0;
  for (size_t begin = 0; begin < words; begin += kBlock) {
    const size_t end = std::min(words, begin + kBlock);
    for (size_t t = 0; t < terms.size(); ++t) {
      const uint64_t* w = terms[t].bits->words();
      const uint64_t flip = terms[t].negated ? ~uint64_t{0} : 0;
      if (t == 0) {
        for (size_t i = begin; i < end; ++i) o[i] = w[i] ^ flip;
      } else {
        for (size_t i = begin; i < end; ++i) o[i] &= w[i] ^ flip;
      }
    }
    if (end == words && out.size() % 64 != 0) {  // a complement must not reach past the end
      o[words - 1] &= (uint64_t{1} << (out.size() % 64)) - 1;
    }
    for (size_t i = begin; i < end; ++i) count += static_cast<size_t>(std::popcount(o[i]));
  }
  return count;
}

void OrInto(const Bitset& a, Bitset& out) {
  const uint64_t* x = a.words();
  uint64_t* o = out.words();
  for (size_t i = 0; i < a.word_count(); ++i) o[i] |= x[i];
}

}  // namespace mock::query
