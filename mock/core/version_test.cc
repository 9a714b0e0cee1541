#include "mock/core/version.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace mock {
namespace {

using testing::HasSubstr;

Version V(std::string_view text) {
  auto v = Version::Parse(text);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? v.value() : Version{};
}

// Why `text` is not a version (kInvalidArgument); "" when it is one.
std::string WhyNot(std::string_view text) {
  auto v = Version::Parse(text);
  if (v.ok()) return "";
  EXPECT_EQ(StatusCode::kInvalidArgument, v.status().code()) << v.status().ToString();
  return v.status().message();
}

TEST(VersionTest, ParsesThreeDecimalParts) {
  EXPECT_EQ((Version{4, 2, 10}), V("4.2.10"));
  EXPECT_EQ((Version{0, 0, 0}), V("0.0.0"));
  EXPECT_EQ((Version{4, 2, 1}), V("04.2.001")) << "leading zeros are digits like any other";
  EXPECT_EQ((Version{4294967295u, 0, 4294967295u}), V("4294967295.0.4294967295"));
  EXPECT_EQ("4.2.10", V("4.2.10").ToString());
  EXPECT_EQ("4.2.1", V("04.2.001").ToString());
  EXPECT_EQ("4294967295.4294967295.4294967295", V("4294967295.4294967295.4294967295").ToString());
}

TEST(VersionTest, ComparesNumericallyPartByPart) {
  EXPECT_LT(V("4.2.9"), V("4.2.10"));
  EXPECT_LT(V("4.2.10"), V("4.10.0"));
  EXPECT_LT(V("3.99.99"), V("4.0.0"));
  EXPECT_GT(V("4.0.3"), V("3.1.1"));
  EXPECT_EQ(V("4.2.2"), V("4.2.2"));
  EXPECT_NE(V("4.2.2"), V("4.2.20"));
  EXPECT_LE(V("4.2.2"), V("4.2.2"));
  EXPECT_GE(V("4.2.2"), V("4.2.2"));
  std::vector<Version> sorted = {V("4.2.10"), V("3.1.1"), V("4.2.2"), V("4.0.3")};
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ((std::vector<Version>{V("3.1.1"), V("4.0.3"), V("4.2.2"), V("4.2.10")}), sorted);
}

// A part beyond uint32_t is refused, saying so: never an overflow.
TEST(VersionTest, RefusesPartsTooLargeSayingWhy) {
  EXPECT_EQ(
      "\"4.2.99999999999\" is not an OCP version: 99999999999 is too large: each part of "
      "MAJOR.MINOR.PATCH is a number from 0 to 4294967295",
      WhyNot("4.2.99999999999"));
  EXPECT_THAT(WhyNot("99999999999.0.0"), HasSubstr("99999999999 is too large"));
  EXPECT_THAT(WhyNot("4.4294967296.0"), HasSubstr("4294967296 is too large"));
  EXPECT_THAT(WhyNot("4.2." + std::string(400, '9')), HasSubstr("is too large"));
  EXPECT_LE(WhyNot("4.2." + std::string(400, '9')).size(), 300u) << "the input is cut";
}

TEST(VersionTest, RefusesOtherShapesSayingWhatWasExpected) {
  const std::string shape = "expected MAJOR.MINOR.PATCH, three numbers separated by dots";
  for (const char* text : {"", "4", "4.2", "4.2.1.0", "4.2.1.", "...."}) {
    EXPECT_THAT(WhyNot(text), HasSubstr(shape)) << text;
    EXPECT_THAT(WhyNot(text), HasSubstr("\"" + std::string(text) + "\" is not an OCP version"));
  }
  for (const char* text : {"4..1", ".2.1", "4.2.", ".."}) {
    EXPECT_THAT(WhyNot(text), HasSubstr("a part is empty: each part of MAJOR.MINOR.PATCH is a "
                                        "number from 0 to 4294967295"))
        << text;
  }
  EXPECT_THAT(WhyNot("+4.2.1"), HasSubstr("\"+4\" is not a number"));
  EXPECT_THAT(WhyNot("4.-2.1"), HasSubstr("\"-2\" is not a number"));
  EXPECT_THAT(WhyNot("4.2.+1"), HasSubstr("\"+1\" is not a number"));
  EXPECT_THAT(WhyNot(" 4.2.1"), HasSubstr("\" 4\" is not a number"));
  EXPECT_THAT(WhyNot("4.2.1 "), HasSubstr("\"1 \" is not a number"));
  EXPECT_THAT(WhyNot("4. 2.1"), HasSubstr("\" 2\" is not a number"));
  EXPECT_THAT(WhyNot("4.2.1\n"), HasSubstr("is not a number"));
  EXPECT_THAT(WhyNot("4.2.1-beta"), HasSubstr("\"1-beta\" is not a number"));
  EXPECT_THAT(WhyNot("v4.2.1"), HasSubstr("\"v4\" is not a number"));
  EXPECT_THAT(WhyNot("4.2.0x1"), HasSubstr("\"0x1\" is not a number"));
  EXPECT_THAT(WhyNot(std::string_view("4.2.\0", 5)), HasSubstr("is not a number"));
}

VersionCondition C(std::string_view text) {
  auto c = VersionCondition::Parse(text);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? c.value() : VersionCondition{};
}

TEST(VersionConditionTest, ParsesEachOperator) {
  using Op = VersionCondition::Op;
  EXPECT_EQ((VersionCondition{Op::kExactly, {4, 2, 1}}), C("4.2.1"));
  EXPECT_EQ((VersionCondition{Op::kNot, {4, 2, 0}}), C("!4.2.0"));
  EXPECT_EQ((VersionCondition{Op::kAtLeast, {4, 2, 1}}), C(">=4.2.1"));
  EXPECT_EQ((VersionCondition{Op::kAbove, {4, 0, 0}}), C(">4.0.0"));
  EXPECT_EQ((VersionCondition{Op::kAtMost, {4, 0, 3}}), C("<=4.0.3"));
  EXPECT_EQ((VersionCondition{Op::kBelow, {4, 2, 0}}), C("<4.2.0"));
  for (const char* text : {"4.2.1", "!4.2.0", ">=4.2.1", ">4.0.0", "<=4.0.3", "<4.2.0"}) {
    EXPECT_EQ(text, C(text).ToString());
  }
  EXPECT_TRUE(C("!4.2.0").exclusion());
  EXPECT_FALSE(C(">=4.2.0").exclusion());
}

TEST(VersionConditionTest, EachOperatorMatches) {
  const Version v420 = V("4.2.0"), v421 = V("4.2.1"), v4210 = V("4.2.10"), v403 = V("4.0.3");
  EXPECT_TRUE(C("4.2.1").Matches(v421));
  EXPECT_FALSE(C("4.2.1").Matches(v4210));
  EXPECT_TRUE(C("!4.2.0").Matches(v421));
  EXPECT_FALSE(C("!4.2.0").Matches(v420));
  EXPECT_TRUE(C(">=4.2.1").Matches(v421));
  EXPECT_TRUE(C(">=4.2.1").Matches(v4210)) << "numeric, not text, order";
  EXPECT_FALSE(C(">=4.2.1").Matches(v420));
  EXPECT_TRUE(C(">4.2.0").Matches(v421));
  EXPECT_FALSE(C(">4.2.0").Matches(v420));
  EXPECT_TRUE(C("<=4.0.3").Matches(v403));
  EXPECT_FALSE(C("<=4.0.3").Matches(v420));
  EXPECT_TRUE(C("<4.2.0").Matches(v403));
  EXPECT_FALSE(C("<4.2.0").Matches(v420));
  EXPECT_FALSE(C("<4.2.9").Matches(v4210)) << "numeric, not text, order";
}

TEST(VersionConditionTest, RefusesBadItemsNamingThemAndWhy) {
  auto c = VersionCondition::Parse(">=4.2.99999999999");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, c.status().code());
  EXPECT_EQ(
      "\">=4.2.99999999999\" is not an OCP version or range (such as 4.2.1, >=4.2.1, <4.2.0 or "
      "!4.2.0): 99999999999 is too large: each part of MAJOR.MINOR.PATCH is a number from 0 to "
      "4294967295",
      c.status().message());
  auto why = [](std::string_view text) {
    auto r = VersionCondition::Parse(text);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? "" : r.status().message();
  };
  EXPECT_THAT(why("!99999999999.0.0"), HasSubstr("99999999999 is too large"));
  for (const char* text : {"", ">=", "!", ">=4.2", "<4.2.1.0", "latest"}) {
    EXPECT_THAT(why(text), HasSubstr("expected MAJOR.MINOR.PATCH")) << text;
  }
  EXPECT_THAT(why("=4.2.1"), HasSubstr("\"=4\" is not a number"));
  EXPECT_THAT(why("=>4.2.1"), HasSubstr("\"=>4\" is not a number"));
  EXPECT_THAT(why("!!4.2.1"), HasSubstr("\"!4\" is not a number"));
  EXPECT_THAT(why("> 4.2.1"), HasSubstr("\" 4\" is not a number"));
  EXPECT_THAT(why(" >=4.2.1"), HasSubstr("\" >=4\" is not a number"));
  EXPECT_THAT(why(">=-4.2.1"), HasSubstr("\"-4\" is not a number"));
  EXPECT_THAT(why(">=4..1"), HasSubstr("a part is empty"));
}

}  // namespace
}  // namespace mock
