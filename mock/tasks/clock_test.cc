#include "mock/tasks/clock.h"

#include <gtest/gtest.h>

namespace mock::tasks {
namespace {

constexpr int64_t kStart = 1'764'576'000'000;  // 2025-12-01T08:00:00Z

TEST(MockClock, AFixedStartIsWhereAFrozenClockStandsAndWhereAResetReturns) {
  MockClock clock(0, kStart);
  EXPECT_EQ(kStart, clock.NowMs());
  clock.Advance(90'000);
  EXPECT_EQ(kStart + 90'000, clock.NowMs());
  clock.Reset();
  EXPECT_EQ(kStart, clock.NowMs());
}

TEST(MockClock, TwoClocksWithTheSameStartAgree) {
  MockClock first(0, kStart), second(0, kStart);
  first.Advance(5'000);
  second.Advance(5'000);
  EXPECT_EQ(first.NowMs(), second.NowMs());
}

TEST(MockClock, NegativeAdvancesAreIgnored) {
  MockClock clock(0, kStart);
  clock.Advance(-1);
  EXPECT_EQ(kStart, clock.NowMs());
}

}  // namespace
}  // namespace mock::tasks
