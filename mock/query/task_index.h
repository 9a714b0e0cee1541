// Answers task-list queries over a large, mostly static set of tasks without looking at every
// task: the same answers as ExecuteQuery (engine.h), which stays the reference implementation
// (task_index_test.cc compares the two on random queries).
//
//   TaskIndex index(tasks);
//   TaskPage page = index.Execute(tasks, query);
//   ...tasks[7] changed...  index.Refresh(7, tasks[7]);
//
// How (n tasks; a task's "rank" is its place in id-descending order, the default order):
//  - Exact filters (type, status, cluster, tenant, tenant name, host) have posting lists of
//    ranks; large ones also a bitset. The smallest list drives an intersection; when every
//    term is large, bitsets are ANDed a word at a time and counted with popcount.
//  - `name` and the cluster name match substrings of distinct values, not of tasks: a big
//    fixture set has few distinct names, so a query scans those and unions their postings.
//  - Each sort key has the ranks pre-sorted both ways, so a page is read off in order rather
//    than sorted. Two sort keys or more fall back to a partial sort of the matches.
//  - Counts of tasks by status and type are kept per tenant, per cluster and overall, so a query
//    on those filters knows its total at once; when the page it wants is near the start of its
//    order (the usual case), the index walks that order testing each task rather than
//    intersecting sets, and the cost does not grow with n.
//  - Status, startTime and finishTime can change as tasks run: a changed task is moved to a
//    small side list kept in order beside the pre-sorted ranks, which are rebuilt once the side
//    list grows past n/64.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mock/model/task.h"
#include "mock/query/bitset.h"
#include "mock/query/engine.h"
#include "mock/query/task_query.h"

namespace mock::query {

// The ranks of the tasks holding one value of a filter attribute, ascending.
struct Posting {
  std::vector<uint32_t> ranks;
  Bitset bits;  // the same set, only when it is large enough to be worth n/8 bytes
  bool has_bits() const { return bits.size() != 0; }
};

// One sort key's ranks in order, ascending and descending (ties: rank ascending, i.e. id
// descending), with the side list of ranks whose key changed since the last rebuild.
class SortedRanks {
 public:
  SortedRanks() = default;
  SortedRanks(std::vector<int64_t> keys, bool descending);
  // The descending twin of `ascending`, in linear time.
  static SortedRanks Reversed(const SortedRanks& ascending);

  int64_t key(uint32_t rank) const { return keys_[rank]; }
  const std::vector<int64_t>& keys() const { return keys_; }
  // Changes the key of `rank`, keeping the order.
  void Update(uint32_t rank, int64_t key);
  // Calls visit(rank) in order, after the first `skip` ranks, until it returns false.
  template <typename Visit>
  void ForEach(size_t skip, Visit&& visit) const;
  bool Less(uint32_t a, uint32_t b) const;

 private:
  void Rebuild();

  bool descending_ = false;
  std::vector<int64_t> keys_;
  std::vector<uint32_t> base_;
  Bitset stale_;  // ranks whose place in base_ is out of date; they are in side_
  std::vector<uint32_t> side_;
};

class TaskIndex {
 public:
  // A tenant id must always come with the same cluster id (the fixture loader checks it).
  explicit TaskIndex(const std::vector<model::Task>& tasks);

  // Call after tasks[pos] changed. Only status, startTime and finishTime may change.
  void Refresh(size_t pos, const model::Task& task);

  // `tasks` must be the vector the index was built from, in its current state.
  TaskPage Execute(const std::vector<model::Task>& tasks, const TaskQuery& query) const;

 private:
  struct Selection;
  struct Scan;  // a filter on status, type, cluster and tenant only, tested task by task
  using Counts = std::array<std::array<int64_t, 4>, 3>;  // [status][type]

  std::optional<Scan> ScanFor(const TaskFilter& filter) const;
  std::optional<std::vector<uint32_t>> WindowByScan(const Scan& scan,
                                                    const std::vector<SortOrder>& sort,
                                                    size_t offset, size_t size) const;
  Selection Select(const TaskFilter& filter) const;
  void Code(uint32_t rank, const model::Task& task);
  void Count(uint32_t rank, model::TaskStatus status, int64_t delta);
  std::vector<uint32_t> Window(const Selection& selection, const std::vector<SortOrder>& sort,
                               size_t offset, size_t size) const;
  std::vector<uint32_t> WindowByKey(const Selection& selection, const SortOrder& order,
                                    size_t offset, size_t size) const;
  std::vector<uint32_t> WindowByAll(const Selection& selection, const std::vector<SortOrder>& sort,
                                    size_t offset, size_t size) const;

  size_t n_ = 0;
  std::vector<uint32_t> pos_of_rank_;
  std::vector<uint32_t> rank_of_pos_;
  std::vector<model::TaskStatus> status_;  // by rank
  Bitset status_bits_[3];
  size_t status_count_[3] = {0, 0, 0};
  Posting type_[4];
  std::unordered_map<int64_t, Posting> cluster_;
  std::unordered_map<int64_t, Posting> tenant_;
  std::unordered_map<std::string, Posting> tenant_name_;
  std::unordered_map<int64_t, Posting> host_;
  std::vector<std::pair<std::string, Posting>> names_;          // lower-cased
  std::vector<std::pair<std::string, Posting>> cluster_names_;  // lower-cased
  SortedRanks by_[7][2];  // [SortKey][descending]; kId is unused (the rank is the order)

  // Dense codes by rank (0 = none, else 1 + index), and the counts kept for ScanFor.
  std::vector<uint8_t> type_of_;
  std::vector<uint32_t> cluster_of_;
  std::vector<uint32_t> tenant_of_;
  std::unordered_map<int64_t, uint32_t> cluster_code_;
  std::unordered_map<int64_t, uint32_t> tenant_code_;
  std::unordered_map<std::string, uint32_t> tenant_name_code_;
  std::vector<uint32_t> tenant_cluster_;                // by tenant code
  std::vector<uint32_t> tenant_name_of_;                // by tenant code
  std::vector<std::vector<uint32_t>> cluster_tenants_;  // by cluster code
  std::vector<Counts> tenant_counts_;                   // by tenant code
  std::vector<Counts> cluster_only_counts_;  // by cluster code: its tasks without a tenant
  Counts all_counts_{};
};

}  // namespace mock::query

namespace mock::query {

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
