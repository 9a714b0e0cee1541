// Answers task-list queries over a large, mostly static set of tasks without looking at every
// task: the same answers as the reference engine (reference_engine.h), which
// task_index_test.cc compares it with on random queries.
//
//   TaskIndex index(tasks);
//   PositionPage page = index.Execute(query);   // page.items: positions in `tasks`
//   ...tasks[7] changed...  index.Refresh(7, tasks[7]);
//
// How (n tasks; a task's "rank" is its place in id-descending order, the default order):
//  - Exact filters (type, status, cluster, tenant, tenant name, host) have posting lists of
//    ranks; large ones also a bitset. The smallest list drives an intersection; when every
//    term is large, bitsets are ANDed a word at a time and counted with popcount
//    (index_select.cc).
//  - `name` and the cluster name match substrings of distinct values, not of tasks: a big
//    fixture set has few distinct names, so a query scans those and unions their postings.
//  - Each sort key has the ranks pre-sorted both ways (sorted_ranks.h), so a page is read off
//    in order rather than sorted. Two sort keys or more fall back to a partial sort of the
//    matches (index_window.cc).
//  - Counts of tasks by status and type are kept per tenant, per cluster and overall, so a query
//    on those filters knows its total at once; when the page it wants is near the start of its
//    order (the usual case), the index walks that order testing each task rather than
//    intersecting sets, and the cost does not grow with n (index_scan.cc).
//  - Status, startTime and finishTime can change as tasks run: Refresh moves a changed task in
//    the orders of those keys and in the status sets and counts.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "mock/model/task.h"
#include "mock/query/bitset.h"
#include "mock/query/posting.h"
#include "mock/query/sorted_ranks.h"
#include "mock/query/task_query.h"

namespace mock::query {

class TaskIndex {
 public:
  // A tenant id must always come with the same cluster id (the fixture loader checks it).
  // The tasks need not outlive the index.
  explicit TaskIndex(const std::vector<const model::Task*>& tasks,
                     NameOrder name_order = NameOrder::kCaseInsensitive);
  explicit TaskIndex(const std::vector<model::Task>& tasks,
                     NameOrder name_order = NameOrder::kCaseInsensitive);

  // Call after the task at `pos` changed. Only status, startTime and finishTime may change.
  void Refresh(size_t pos, const model::Task& task);

  PositionPage Execute(const TaskQuery& query) const;

 private:
  static constexpr size_t kStatuses = model::kTaskStatusCount;
  static constexpr size_t kTypes = model::kTaskTypeCount;
  static_assert(kTypes <= 255, "type_of_ holds a type in a byte");
  using Counts = std::array<std::array<int64_t, kTypes>, kStatuses>;  // [status][type]

  // The matches of a filter: every task, a list of ranks or a bitset (index_select.cc).
  struct Selection {
    enum Kind { kAll, kList, kBits } kind = kAll;
    size_t count = 0;
    const std::vector<uint32_t>* list = nullptr;
    const Bitset* bits = nullptr;
    // Results computed for this query; deque elements keep their addresses when moved.
    std::deque<std::vector<uint32_t>> owned_lists;
    std::deque<Bitset> owned_bits;
  };
  struct Term;
  // A filter on status, type, cluster and tenant only, tested task by task (index_scan.cc).
  struct Scan {
    std::array<bool, kStatuses> status{};  // the statuses wanted
    std::optional<uint8_t> type;
    uint32_t cluster = 0;      // 0: any; else the cluster code + 1
    uint32_t tenant = 0;       // 0: any; else the tenant code + 1
    uint32_t tenant_name = 0;  // 0: any; else the name code + 1
    size_t count = 0;
  };

  // Construction (task_index.cc).
  void Place(uint32_t rank, const model::Task& task);
  void Code(uint32_t rank, const model::Task& task);
  void Count(uint32_t rank, model::TaskStatus status, int64_t delta);
  void BuildOrders(const std::vector<const model::Task*>& tasks, std::vector<int64_t> name_of_rank);
  PositionPage Finish(const TaskQuery& query, size_t total,
                      const std::vector<uint32_t>& window) const;

  // Scanning (index_scan.cc).
  std::optional<Scan> ScanFor(const TaskFilter& filter) const;
  bool ScanCodes(const TaskFilter& filter, Scan& scan) const;
  int64_t ScanCount(const Scan& scan) const;
  std::optional<std::vector<uint32_t>> WindowByScan(const Scan& scan,
                                                    const std::vector<SortOrder>& sort,
                                                    size_t offset, size_t size) const;

  // Selection (index_select.cc).
  Selection Select(const TaskFilter& filter) const;
  void AddTerms(const TaskFilter& filter, Selection& sel, std::vector<Term>& terms,
                bool& empty) const;
  void AddStatusTerm(const std::vector<model::TaskStatus>& statuses, Selection& sel,
                     std::vector<Term>& terms) const;
  void AddUnion(const std::vector<const Posting*>& parts, Selection& sel,
                std::vector<Term>& terms) const;
  void Intersect(std::vector<Term>& terms, Selection& sel) const;

  // Ordering a page (index_window.cc).
  std::vector<uint32_t> Window(const Selection& selection, const std::vector<SortOrder>& sort,
                               size_t offset, size_t size) const;
  std::vector<uint32_t> WindowByRank(const Selection& selection, bool reverse, size_t offset,
                                     size_t size) const;
  std::vector<uint32_t> WindowByKey(const Selection& selection, const SortOrder& order,
                                    size_t offset, size_t size) const;
  std::vector<uint32_t> WindowByAll(const Selection& selection, const std::vector<SortOrder>& sort,
                                    size_t offset, size_t size) const;
  const SortedRanks& Order(SortKey key, bool descending) const {
    return by_[static_cast<size_t>(key)][descending ? 1 : 0];
  }

  size_t n_ = 0;
  std::vector<uint32_t> pos_of_rank_;
  std::vector<uint32_t> rank_of_pos_;
  std::vector<model::TaskStatus> status_;  // by rank
  std::array<Bitset, kStatuses> status_bits_;
  std::array<size_t, kStatuses> status_count_{};
  std::array<Posting, kTypes> type_;
  std::unordered_map<int64_t, Posting> cluster_;
  std::unordered_map<int64_t, Posting> tenant_;
  std::unordered_map<std::string, Posting> tenant_name_;
  std::unordered_map<int64_t, Posting> host_;
  std::vector<std::pair<std::string, Posting>> names_;          // lower-cased
  std::vector<std::pair<std::string, Posting>> cluster_names_;  // lower-cased
  // [SortKey][descending]; kId is unused (the rank is the order).
  std::array<std::array<SortedRanks, 2>, kSortKeyCount> by_;

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
