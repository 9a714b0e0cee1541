// The rows a resource family serves now: its fixtures' rows plus what runtime changes added,
// replaced or removed. One mutex guards them; readers get a snapshot of rows whose documents
// never change, and render it after the lock is let go. The store calls nothing outside itself
// while it holds its lock.
//
//   ResourceStore store(spec, std::move(rows));
//   std::vector<Row> now = store.Rows();
//   store.Add(row, [&](const std::vector<Row>& held) { return NoDuplicateName(held, row); });
//   store.Reset();   // back to the fixtures
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/resources/resource_set.h"

namespace mock::resources {

class ResourceStore {
 public:
  ResourceStore(ResourceSpec spec, std::vector<Row> fixtures);

  const ResourceSpec& spec() const { return spec_; }

  // Every row, by id ascending: a snapshot.
  std::vector<Row> Rows() const OCPMOCK_EXCLUDES(mutex_);
  // The rows whose spec.scope member is `scope`, by id ascending: a snapshot of those only.
  std::vector<Row> RowsIn(int64_t scope) const OCPMOCK_EXCLUDES(mutex_);
  // Row `id`, if held.
  std::optional<Row> Get(int64_t id) const OCPMOCK_EXCLUDES(mutex_);

  // Adds `make(id)` under a fresh id (one more than any held or given out), after `admit` (run
  // under the lock on the rows held, so nothing changes between the check and the addition)
  // accepts it. kResourceExhausted past spec.max_runtime_rows.
  using Admission = std::function<Status(const std::vector<Row>& held)>;
  StatusOr<Row> Add(const std::function<Row(int64_t id)>& make, const Admission& admit)
      OCPMOCK_EXCLUDES(mutex_);
  // Puts `row` in place of the row with its id, or adds it. kResourceExhausted as Add.
  Status Put(Row row) OCPMOCK_EXCLUDES(mutex_);
  // Puts `row` in place of the row with its id only while that row's document is still `was`:
  // a value derived from a snapshot (a report's status read from its task) kept for the next
  // reader, never bringing back a row removed or replaced since. Whether it was put.
  bool Refresh(Row row, const rapidjson::Document* was) OCPMOCK_EXCLUDES(mutex_);
  // Removes row `id`; kNotFound when it is not held.
  Status Remove(int64_t id) OCPMOCK_EXCLUDES(mutex_);

  // Every runtime change undone.
  void Reset() OCPMOCK_EXCLUDES(mutex_);
  // Serves `fixtures` from now on, forgetting every runtime change (a reload).
  void ReplaceFixtures(std::vector<Row> fixtures) OCPMOCK_EXCLUDES(mutex_);

 private:
  // Where row `id` is, or would be inserted, in current_.
  size_t FindLocked(int64_t id) const OCPMOCK_REQUIRES(mutex_);
  Status CountChangeLocked() OCPMOCK_REQUIRES(mutex_);
  // `row` with its scope read from its document (spec_.scope).
  Row Scoped(Row row) const;
  std::vector<Row> Scoped(std::vector<Row> rows) const;

  const ResourceSpec spec_;
  mutable Mutex mutex_;
  std::vector<Row> fixtures_ OCPMOCK_GUARDED_BY(mutex_);
  std::vector<Row> current_ OCPMOCK_GUARDED_BY(mutex_);  // by id ascending
  int64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = 1;
  size_t changes_ OCPMOCK_GUARDED_BY(mutex_) = 0;  // runtime additions since the last reset
};

}  // namespace mock::resources
