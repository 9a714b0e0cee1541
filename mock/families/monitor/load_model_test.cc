// The load model alone (load_model.h): a pure function of its arguments, within its bounds, with
// the daily shape, the noise and the spikes the header promises.
#include "mock/families/monitor/load_model.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace mock::families::monitor {
namespace {

constexpr int64_t kLoadDay = int64_t{20'427} * 86'400;  // 2025-12-05T00:00:00Z

TEST(LoadModelTest, TheSameArgumentsGiveTheSameNumbersAndASeedOthers) {
  const UnitInput unit{.tenant_id = 202, .server_id = 2000004, .units = 2, .max_cpu = 4};
  for (int64_t t = kLoadDay; t < kLoadDay + 3'600; t += 60) {
    const UnitLoad a = UnitLoadAt(7, unit, t);
    const UnitLoad b = UnitLoadAt(7, unit, t);
    EXPECT_EQ(a.qps, b.qps);
    EXPECT_EQ(a.rt_us, b.rt_us);
  }
  int differ = 0;
  for (int64_t t = kLoadDay; t < kLoadDay + 3'600; t += 60) {
    differ += LoadFactor(7, 202, 2000004, t) != LoadFactor(8, 202, 2000004, t) ? 1 : 0;
  }
  EXPECT_GT(differ, 50) << "another seed, another series";
}

TEST(LoadModelTest, TheLoadFactorStaysInItsBoundsAndPeaksInTheAfternoon) {
  double at4 = 0;
  double at16 = 0;
  for (int64_t tenant = 1; tenant <= 50; ++tenant) {
    for (int64_t t = kLoadDay; t < kLoadDay + 86'400; t += 300) {
      const double f = LoadFactor(0, tenant, 1000001, t);
      ASSERT_GE(f, 0.02);
      ASSERT_LE(f, 1.0);
    }
    at4 += LoadFactor(0, tenant, 1000001, kLoadDay + int64_t{4} * 3'600);
    at16 += LoadFactor(0, tenant, 1000001, kLoadDay + int64_t{16} * 3'600);
  }
  EXPECT_GT(at16, at4 * 2) << "a daily curve, low at 04:00 UTC and high at 16:00";
}

TEST(LoadModelTest, SpikesComeInAboutTwoPercentOfTenMinuteWindows) {
  int spikes = 0;
  int windows = 0;
  for (int64_t w = 0; w < 5'000; ++w) {
    const int64_t t = kLoadDay + int64_t{4} * 3'600 + w * 600 % 3'600;  // the quiet hours
    const double f = LoadFactor(3, w, 1000001, t);
    spikes += f > 0.4 ? 1 : 0;  // the curve and noise stay under 0.4 from 04:00 to 05:00
    ++windows;
  }
  EXPECT_GT(spikes, windows / 100);
  EXPECT_LT(spikes, windows / 25);
}

TEST(LoadModelTest, AUnitUsesAtMostItsMaxCpuAndAServerAtMostItsCores) {
  const UnitInput unit{.tenant_id = 9, .server_id = 1, .units = 1, .max_cpu = 8};
  for (int64_t t = kLoadDay; t < kLoadDay + 86'400; t += 60) {
    const UnitLoad u = UnitLoadAt(0, unit, t);
    EXPECT_LE(u.cpu_cores, 8.0);
    EXPECT_LE(u.cpu_percent, 100.0);
    EXPECT_GE(u.sessions, 2.0);
  }
  EXPECT_EQ(100.0, ServerCpuPercent(64.0, 32.0)) << "never past the cores";
  EXPECT_DOUBLE_EQ(50.0, ServerCpuPercent(16.0, 32.0));
  for (int64_t t = kLoadDay; t < kLoadDay + 3'600; t += 60) {
    EXPECT_GE(ServerOwnCores(0, 1, t), 0.5);
    EXPECT_LE(ServerOwnCores(0, 1, t), 1.0);
  }
}

TEST(LoadModelTest, ATenantsQpsIsSplitOverItsUnits) {
  const double one = UnitLoadAt(0, {.tenant_id = 5, .server_id = 1, .units = 1}, kLoadDay).qps;
  const double half = UnitLoadAt(0, {.tenant_id = 5, .server_id = 1, .units = 2}, kLoadDay).qps;
  EXPECT_DOUBLE_EQ(one / 2, half);
  EXPECT_LE(one, PeakQps(0, 5));
}

}  // namespace
}  // namespace mock::families::monitor
