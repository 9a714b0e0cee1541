#include "mock/query/bitset.h"

#include <algorithm>

// Word loops are compiled twice where the compiler can: once with the POPCNT instruction and
// once without, picked at load time. Without it, std::popcount is a library call that makes a
// million-task AND several times slower.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define MOCK_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define MOCK_POPCNT_CLONES
#endif

namespace mock::query {

void Bitset::Clear() { std::fill(words_.begin(), words_.end(), 0); }

MOCK_POPCNT_CLONES size_t Bitset::Count() const {
  size_t count = 0;
  for (uint64_t w : words_) count += static_cast<size_t>(std::popcount(w));
  return count;
}

MOCK_POPCNT_CLONES size_t And(const Bitset& a, const Bitset& b, Bitset& out) {
  const uint64_t* x = a.words();
  const uint64_t* y = b.words();
  uint64_t* o = out.words();
  size_t count = 0;
  for (size_t i = 0; i < a.word_count(); ++i) {
    o[i] = x[i] & y[i];
    count += static_cast<size_t>(std::popcount(o[i]));
  }
  return count;
}

void OrInto(const Bitset& a, Bitset& out) {
  const uint64_t* x = a.words();
  uint64_t* o = out.words();
  for (size_t i = 0; i < a.word_count(); ++i) o[i] |= x[i];
}

}  // namespace mock::query
