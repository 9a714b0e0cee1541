#include "mock/query/sorted_ranks.h"

#include <algorithm>
#include <numeric>

namespace mock::query {

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

}  // namespace mock::query
