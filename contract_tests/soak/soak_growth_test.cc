// The soak's growth detector (tools/load/soak/growth.h) over synthetic series: it must pass a
// server whose memory is bounded however it warms up, and fail one that leaks.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/load/soak/growth.h"

namespace soak {
namespace {

constexpr long kMiB = 1024;

// 120 samples over 600 s (the 10-minute soak's 5-s period), `kb(t)` at each.
std::vector<RssSample> Series(const std::function<double(double)>& kb) {
  std::vector<RssSample> s;
  for (int i = 0; i < 120; ++i) {
    const double t = 5.0 * i;
    s.push_back({t, std::lround(kb(t))});
  }
  return s;
}

struct GrowthCase {
  std::string name;
  std::function<double(double)> kb;
  bool growing;
};

void PrintTo(const GrowthCase& c, std::ostream* os) { *os << c.name; }

class GrowthDetector : public testing::TestWithParam<GrowthCase> {};

TEST_P(GrowthDetector, JudgesTheSecondHalf) {
  const GrowthVerdict v = JudgeGrowth(Series(GetParam().kb));
  ASSERT_TRUE(v.judged);
  EXPECT_EQ(GetParam().growing, v.growing) << Describe(v);
}

INSTANTIATE_TEST_SUITE_P(
    Series, GrowthDetector,
    testing::Values(
        GrowthCase{"Flat", [](double) { return 40.0 * kMiB; }, false},
        // The allocator and the journal warm up over the first half, then nothing moves.
        GrowthCase{"WarmUpThenFlat",
                   [](double at) { return at < 120 ? 20.0 * kMiB + at * 150 : 38.0 * kMiB; },
                   false},
        // A reload's peak early on (old and new data side by side), kept by the allocator.
        GrowthCase{"EarlyStepThenFlat",
                   [](double at) { return at < 30 ? 30.0 * kMiB : 40.0 * kMiB; }, false},
        // The journal refilling after each 30-s reset: a sawtooth of 3 MiB.
        GrowthCase{"Sawtooth",
                   [](double at) { return 40.0 * kMiB + std::fmod(at, 30.0) / 30.0 * 3 * kMiB; },
                   false},
        // Noise of a megabyte either way.
        GrowthCase{"Noisy",
                   [](double at) { return 40.0 * kMiB + (static_cast<int>(at) % 7 - 3) * 340.0; },
                   false},
        // One spike in the last samples: not a trend.
        GrowthCase{"LateSpike", [](double at) { return at >= 585 ? 60.0 * kMiB : 40.0 * kMiB; },
                   false},
        // A rise of 3 MiB over the second half: under the 4-MiB tolerance.
        GrowthCase{"SlowRiseWithinTolerance",
                   [](double at) { return 40.0 * kMiB + at / 600 * 6 * kMiB; }, false},
        // A leak of 20 KiB a second: about 6 MiB over the second half.
        GrowthCase{"SteadyLeak", [](double at) { return 40.0 * kMiB + at * 20; }, true},
        GrowthCase{
            "WarmUpThenLeak",
            [](double at) { return at < 60 ? 20.0 * kMiB + at * 300 : 37.6 * kMiB + at * 25; },
            true},
        // A leak that only starts in the second half.
        GrowthCase{"LateLeak",
                   [](double at) { return at < 300 ? 40.0 * kMiB : 40.0 * kMiB + (at - 300) * 40; },
                   true},
        // A leak hidden under a sawtooth still rises.
        GrowthCase{
            "LeakUnderSawtooth",
            [](double at) { return 40.0 * kMiB + std::fmod(at, 30.0) / 30.0 * 3 * kMiB + at * 25; },
            true}),
    [](const testing::TestParamInfo<GrowthCase>& param_info) { return param_info.param.name; });

TEST(GrowthDetectorBounds, ToleranceIsTenPercentAtHalfTimeOrFourMiB) {
  EXPECT_EQ(4 * kMiB, JudgeGrowth(Series([](double) { return 20.0 * kMiB; })).tolerance_kb);
  EXPECT_EQ(10 * kMiB, JudgeGrowth(Series([](double) { return 100.0 * kMiB; })).tolerance_kb);
}

TEST(GrowthDetectorBounds, TooFewSamplesAreNotJudged) {
  std::vector<RssSample> s;
  for (int i = 0; i < 10; ++i) s.push_back({0.5 * i, 20000 + 5000L * i});
  const GrowthVerdict v = JudgeGrowth(s);
  EXPECT_FALSE(v.judged);
  EXPECT_FALSE(v.growing);
  EXPECT_EQ(65000, v.end_kb);
  EXPECT_EQ(65000, v.peak_kb);
  EXPECT_FALSE(JudgeGrowth({}).judged);
}

TEST(GrowthDetectorBounds, DescribesTheVerdict) {
  const std::string grows = Describe(JudgeGrowth(Series([](double t) { return 20000 + t * 20; })));
  EXPECT_EQ(0u, grows.find("GROWING")) << grows;
  EXPECT_NE(std::string::npos, grows.find("tolerance 4096 KiB")) << grows;
  EXPECT_EQ(0u, Describe(JudgeGrowth(Series([](double) { return 40000.0; }))).find("flat"));
}

}  // namespace
}  // namespace soak
