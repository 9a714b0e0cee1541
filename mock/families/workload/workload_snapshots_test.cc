// The snapshot clock: hourly, a minute past the hour, always with a fraction of a second,
// ascending, the last 30 days, and the documented text form.
#include "mock/families/workload/workload_snapshots.h"

#include <gtest/gtest.h>

namespace mock::families::workload {
namespace {

// 2023-01-12T10:30:00Z
constexpr int64_t kNow = 1'673'519'400'000;

TEST(WorkloadSnapshots, AreHourlyAMinutePastTheHourAscendingForThirtyDays) {
  auto all = SnapshotsAt(kNow);
  ASSERT_EQ(static_cast<size_t>(kRetained), all.size());
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i - 1].id + 1, all[i].id);
    EXPECT_LT(all[i - 1].time_ms, all[i].time_ms);
  }
  EXPECT_LE(all.back().time_ms, kNow);
  const std::string last = SnapshotTimeText(all.back().time_ms);
  EXPECT_EQ("2023-01-12T10:01:00.", last.substr(0, 20)) << last;
  EXPECT_EQ('Z', last.back());
}

TEST(WorkloadSnapshots, EveryTimeHasAFractionWithoutTrailingZeros) {
  for (int64_t id = 0; id < 5000; ++id) {
    const std::string t = SnapshotTimeText(SnapshotTimeMs(id));
    ASSERT_NE(std::string::npos, t.find('.')) << t;
    ASSERT_NE('0', t[t.size() - 2]) << t;
  }
  EXPECT_EQ("2023-01-12T10:01:00.72Z", SnapshotTimeText(1'673'517'660'720));
  EXPECT_EQ("2022-10-01T00:01:00.214Z", SnapshotTimeText(1'664'582'460'214));
}

TEST(WorkloadSnapshots, ComeAsTheClockPassesTheirTime) {
  const int64_t last = SnapshotsAt(kNow).back().id;
  const int64_t next = SnapshotTimeMs(last + 1);
  EXPECT_EQ(last, SnapshotsAt(next - 1).back().id);
  EXPECT_EQ(last + 1, SnapshotsAt(next).back().id);
  EXPECT_FALSE(FindSnapshot(next - 1, last + 1));
  EXPECT_TRUE(FindSnapshot(next, last + 1));
  EXPECT_FALSE(FindSnapshot(kNow, last - kRetained)) << "past the 30 days";
  EXPECT_TRUE(FindSnapshot(kNow, last - kRetained + 1));
}

TEST(WorkloadSnapshots, FromAnIdListsThatOneOn) {
  const int64_t last = SnapshotsAt(kNow).back().id;
  auto from = SnapshotsAt(kNow, last - 2);
  ASSERT_EQ(3u, from.size());
  EXPECT_EQ(last - 2, from.front().id);
  EXPECT_TRUE(SnapshotsAt(kNow, last + 1).empty());
}

}  // namespace
}  // namespace mock::families::workload
