// The alarm book alone: conditions open alarms once and resolve them when they clear, raised
// alarms are left to the test, the bound forgets the oldest resolved alarm first, and a reset
// starts the ids again.
#include "mock/families/alarms/alarm_book.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mock::families::alarms {
namespace {

Alarm Condition(const std::string& key) {
  return Alarm{.key = key, .alarm_type = "host_unavailable", .scope = "Host", .level = 1};
}

TEST(AlarmBookTest, AConditionOpensOneAlarmAndResolvesItWhenItClears) {
  AlarmBook book;
  book.Observe({Condition("host:6")}, 1000);
  book.Observe({Condition("host:6")}, 2000);
  ASSERT_EQ(1u, book.All().size());
  const Alarm open = book.All().front();
  EXPECT_EQ(AlarmBook::kFirstId, open.id);
  EXPECT_EQ(1000, open.active_ms);
  EXPECT_EQ("Active", open.StatusAt(2000));
  book.Observe({}, 3000);
  const Alarm resolved = book.All().front();
  EXPECT_EQ(std::optional<int64_t>(3000), resolved.ResolvedTime(3000));
  EXPECT_EQ("Inactive", resolved.StatusAt(3000));
}

TEST(AlarmBookTest, AConditionSeenAgainAfterItClearedOpensANewAlarm) {
  AlarmBook book;
  book.Observe({Condition("tenant:171")}, 1000);
  book.Observe({}, 2000);
  book.Observe({Condition("tenant:171")}, 3000);
  const std::vector<Alarm> all = book.All();
  ASSERT_EQ(2u, all.size());
  EXPECT_TRUE(all[0].ResolvedAt(3000));
  EXPECT_EQ(AlarmBook::kFirstId + 1, all[1].id);
  EXPECT_EQ(3000, all[1].active_ms);
}

TEST(AlarmBookTest, ObservingLeavesRaisedAlarmsAlone) {
  AlarmBook book;
  ASSERT_TRUE(book.Raise(Condition("ignored"), 1000).ok());
  book.Observe({}, 2000);
  const Alarm raised = book.All().front();
  EXPECT_TRUE(raised.key.empty());
  EXPECT_FALSE(raised.ResolvedAt(2000));
}

TEST(AlarmBookTest, ARaisedAlarmWithADurationResolvesWhenTheClockReachesIt) {
  AlarmBook book;
  Alarm a = Condition("");
  a.resolve_at_ms = 61000;
  ASSERT_TRUE(book.Raise(a, 1000).ok());
  EXPECT_EQ("Active", book.All().front().StatusAt(60999));
  EXPECT_EQ("Inactive", book.All().front().StatusAt(61000));
  EXPECT_EQ(std::optional<int64_t>(61000), book.All().front().ResolvedTime(90000));
}

TEST(AlarmBookTest, ResolvingTwiceOrAnUnknownIdIsRefusedAndChangesNothing) {
  AlarmBook book;
  const int64_t id = book.Raise(Condition(""), 1000).value().id;
  ASSERT_TRUE(book.Resolve(id, 2000).ok());
  EXPECT_EQ(StatusCode::kFailedPrecondition, book.Resolve(id, 3000).status().code());
  EXPECT_EQ(std::optional<int64_t>(2000), book.Get(id)->resolved_ms);
  EXPECT_EQ(StatusCode::kNotFound, book.Resolve(id + 1, 3000).status().code());
}

TEST(AlarmBookTest, TheBoundForgetsTheOldestResolvedAlarmThenRefusesARaise) {
  AlarmBook book;
  for (size_t i = 0; i < AlarmBook::kMaxAlarms; ++i) ASSERT_TRUE(book.Raise(Condition(""), 1).ok());
  const int64_t first = AlarmBook::kFirstId;
  ASSERT_TRUE(book.Resolve(first + 5, 2).ok());
  ASSERT_TRUE(book.Resolve(first + 3, 2).ok());
  ASSERT_TRUE(book.Raise(Condition(""), 3).ok());
  EXPECT_FALSE(book.Get(first + 3).has_value()) << "the oldest resolved goes first";
  EXPECT_TRUE(book.Get(first + 5).has_value());
  ASSERT_TRUE(book.Raise(Condition(""), 3).ok());
  EXPECT_FALSE(book.Get(first + 5).has_value());
  const auto refused = book.Raise(Condition(""), 4);
  EXPECT_EQ(StatusCode::kFailedPrecondition, refused.status().code());
  EXPECT_EQ(AlarmBook::kMaxAlarms, book.All().size());
  book.Observe({Condition("host:1")}, 5);
  EXPECT_EQ(AlarmBook::kMaxAlarms, book.All().size()) << "a condition waits for room";
}

TEST(AlarmBookTest, ClearForgetsEveryAlarmAndStartsTheIdsAgain) {
  AlarmBook book;
  book.Observe({Condition("host:6")}, 1000);
  ASSERT_TRUE(book.Raise(Condition(""), 1000).ok());
  book.Clear();
  EXPECT_TRUE(book.All().empty());
  EXPECT_EQ(AlarmBook::kFirstId, book.Raise(Condition(""), 2000).value().id);
}

}  // namespace
}  // namespace mock::families::alarms
