// A cluster's workload snapshots, as OCP's MonitorDB takes them: one an hour, a minute past the
// hour, on the mock clock (docs/awr-reports.md). They are not stored: which snapshots exist
// follows from the clock's now alone, so they come as the clock advances, restart with it on a
// reset, and cost nothing per cluster.
//
// Snapshot `id` is taken at id * 1 h + 1 min + a fraction of a second (UTC), the fraction never
// 0, so that `snapshotTime` always has one: obdiag drops a snapshot written without a fraction
// (docs/reference/ocp-client-flows.md section 5.0). The last kRetained are listed, ascending.
//
//   std::vector<Snapshot> s = SnapshotsAt(clock.NowMs());   // 720 of them, oldest first
//   SnapshotTimeText(s.back().time_ms);                      // "2026-12-04T10:01:00.72Z"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mock::families::workload {

struct Snapshot {
  int64_t id = 0;
  int64_t time_ms = 0;  // epoch milliseconds
};

// 30 days of hourly snapshots: the user guide's "Snapshot Start Point ... in the past 30 days".
inline constexpr int64_t kRetained = int64_t{30} * 24;

// When snapshot `id` was taken.
int64_t SnapshotTimeMs(int64_t id);

// The documented form: UTC, fractional seconds without trailing zeros, `Z`
// ("2023-01-12T10:01:00.72Z", as the docs' sample writes it).
std::string SnapshotTimeText(int64_t epoch_ms);

// The snapshots that exist at `now_ms` whose id is at least `from_id`, ascending.
std::vector<Snapshot> SnapshotsAt(int64_t now_ms, int64_t from_id = 0);

// Snapshot `id` if it exists at `now_ms`.
std::optional<Snapshot> FindSnapshot(int64_t now_ms, int64_t id);

}  // namespace mock::families::workload
