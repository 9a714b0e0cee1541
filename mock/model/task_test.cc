#include "mock/model/task.h"

#include <gtest/gtest.h>

namespace mock::model {
namespace {

TEST(TimestampTest, ParsesOcpForms) {
  // The forms of OCP's samples: no fraction, 2 and 3 fractional digits, +08:00.
  EXPECT_EQ(1629875371000, ParseTimestamp("2021-08-25T15:09:31+08:00")->epoch_ms);
  EXPECT_EQ(1629873027270, ParseTimestamp("2021-08-25T14:30:27.27+08:00")->epoch_ms);
  EXPECT_EQ(1629873027273, ParseTimestamp("2021-08-25T14:30:27.273+08:00")->epoch_ms);
  EXPECT_EQ(1629873027273, ParseTimestamp("2021-08-25T06:30:27.273456789Z")->epoch_ms);
  EXPECT_EQ(0, ParseTimestamp("1969-12-31T19:00:00-05:00")->epoch_ms);
  EXPECT_EQ("2021-08-25T14:30:27.27+08:00", ParseTimestamp("2021-08-25T14:30:27.27+08:00")->text());
}

TEST(TimestampTest, RefusesImpossibleOrMalformed) {
  for (const char* bad : {"2021-02-30T00:00:00Z", "2021-13-01T00:00:00Z", "2021-01-01T24:00:00Z",
                          "2021-01-01T00:00:00", "2021-01-01 00:00:00Z", "2021-01-01T00:00:00.Z",
                          "2021-01-01T00:00:00+0800", "2021-01-01T00:00:00.1234567890Z",
                          "2021-01-01T00:00:00Zjunk", ""}) {
    EXPECT_FALSE(ParseTimestamp(bad)) << bad;
  }
}

TEST(EnumTest, WireSpellingsRoundTrip) {
  EXPECT_EQ("SYS_ONECE", ToString(TaskType::kSysOnece));
  EXPECT_EQ(TaskType::kSysOnece, ParseTaskType("SYS_ONECE"));
  EXPECT_FALSE(ParseTaskType("SYS_ONCE"));
  EXPECT_FALSE(ParseTaskStatus("running"));
  EXPECT_EQ(SubtaskStatus::kCanceling, ParseSubtaskStatus("CANCELING"));
  EXPECT_EQ(Operation::kSkip, ParseOperation(ToString(Operation::kSkip)));
}

}  // namespace
}  // namespace mock::model
