// The snapshot list's `data` ({"contents": [...]}) as JSON text, written once per window of
// snapshots and kept: the window moves only when the mock clock passes the next snapshot (once
// an hour), and writing its 720 times on every request cost about 0.3 ms (BENCHMARKS.md,
// families/workload_snapshots). Every cluster has the same snapshots (workload_snapshots.h), so
// one entry serves them all; a different `snapshotId` replaces it.
//
//   SnapshotList cache;
//   std::shared_ptr<const std::string> data = cache.DataOf(SnapshotsAt(now_ms));
//   writer.RawObject(*data);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/families/workload/workload_snapshots.h"

namespace mock::families::workload {

// `snapshots` as the list's `data` object, written afresh.
std::string SnapshotListJson(const std::vector<Snapshot>& snapshots);

class SnapshotList {
 public:
  // The `data` of `snapshots` (ids consecutive, oldest first, as SnapshotsAt gives them).
  std::shared_ptr<const std::string> DataOf(const std::vector<Snapshot>& snapshots)
      OCPMOCK_EXCLUDES(mutex_);

 private:
  Mutex mutex_;
  int64_t first_ OCPMOCK_GUARDED_BY(mutex_) = 0;
  size_t count_ OCPMOCK_GUARDED_BY(mutex_) = 0;
  std::shared_ptr<const std::string> data_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::families::workload
