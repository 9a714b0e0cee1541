// What a value must be, per type (parameter_value.h): one row per value, accepted or refused
// with what the refusal says.
#include "mock/families/parameters/parameter_value.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace mock::families::parameters {
namespace {

using ::testing::HasSubstr;

struct Case {
  const char* label;  // the test's name
  ValueRange range;
  std::string value;
  const char* says;  // "" when accepted; else a part of the refusal
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.label; }

ValueRange Of(const char* type, std::optional<std::string> min = std::nullopt,
              std::optional<std::string> max = std::nullopt,
              std::optional<std::string> allowed = std::nullopt) {
  return {
      .type = type, .allowed = std::move(allowed), .min = std::move(min), .max = std::move(max)};
}

const Case kCases[] = {
    {"IntInRange", Of("INT", "10", "90"), "80", ""},
    {"IntAtBothBounds", Of("INT", "10", "10"), "10", ""},
    {"IntSigned", Of("INT"), "+7", ""},
    {"IntNegative", Of("INT", "-5"), "-5", ""},
    {"IntAboveMax", Of("INT", "10", "90"), "95", "is above the maximum 90"},
    {"IntBelowMin", Of("INT", "10", "90"), "5", "is below the minimum 10"},
    {"IntWithUnit", Of("INT"), "10s", "an INT (an integer); '10s' is not one"},
    {"IntDecimal", Of("INT"), "1.5", "is not one"},
    {"IntTwoSigns", Of("INT"), "+-5", "is not one"},
    {"IntEmpty", Of("INT"), "", "is not one"},
    {"IntOverflow", Of("INT"), "99999999999999999999", "is not one"},
    {"DoubleFraction", Of("DOUBLE", "1", "10"), "4.5", ""},
    {"DoubleAboveMax", Of("DOUBLE", "1", "10"), "10.5", "above the maximum 10"},
    {"DoubleNoDigitsAfterPoint", Of("DOUBLE"), "4.", "is not one"},
    {"DoubleWord", Of("DOUBLE"), "four", "a decimal number"},
    {"CapacityGiga", Of("CAPACITY", "0M"), "10G", ""},
    {"CapacityLowerCaseUnit", Of("CAPACITY"), "30mb", ""},
    {"CapacityBareZero", Of("CAPACITY"), "0", ""},
    {"CapacityBareNumber", Of("CAPACITY"), "1024", "such as 10G"},
    {"CapacityUnknownUnit", Of("CAPACITY"), "10X", "is not one"},
    {"CapacityBelowMin", Of("CAPACITY", "2G"), "1024M", "below the minimum 2G"},
    {"CapacityEqualInOtherUnits", Of("CAPACITY", "2G"), "2048M", ""},
    {"TimeSeconds", Of("TIME", "1s"), "7200s", ""},
    {"TimeMicroseconds", Of("TIME", "1000us", "10m"), "1000us", ""},
    {"TimeAboveMaxInOtherUnits", Of("TIME", "1s", "3d"), "73h", "above the maximum 3d"},
    {"TimeBareNumber", Of("TIME"), "10", "such as 10s"},
    {"TimeBelowMin", Of("TIME", "20s"), "10s", "below the minimum 20s"},
    {"MomentOfDay", Of("MOMENT"), "23:59", ""},
    {"MomentPastMidnight", Of("MOMENT"), "24:00", "HH:MM"},
    {"MomentWithoutColon", Of("MOMENT"), "0200", "is not one"},
    {"BoolTrue", Of("BOOL"), "True", ""},
    {"BoolZero", Of("BOOL"), "0", ""},
    {"BoolYes", Of("BOOL"), "yes", "true, false, 1 or 0"},
    {"EnumAnyCase", Of("ENUM", {}, {}, "TRUE,FALSE"), "False", ""},
    {"EnumSpacedList", Of("ENUM", {}, {}, "OFF, ON"), "on", ""},
    {"EnumNotListed", Of("ENUM", {}, {}, "OFF,ON"), "MAYBE", "one of OFF, ON"},
    {"StringAnyText", Of("STRING"), "+8:00", ""},
    {"StringListed", Of("STRING", {}, {}, "DEBUG,INFO"), "info", ""},
    {"StringNotListed", Of("STRING", {}, {}, "DEBUG,INFO"), "LOUD", "one of DEBUG, INFO"},
    {"StringTooLong", Of("STRING"), std::string(kMaxValueBytes + 1, 'x'), "at most 4096 bytes"},
    {"StringListAnyText", Of("STRING_LIST"), "a;b,c", ""},
};

class ValueProblemTest : public ::testing::TestWithParam<Case> {};

TEST_P(ValueProblemTest, AcceptsOrSaysWhy) {
  const Case& c = GetParam();
  const auto problem = ValueProblem(c.range, c.value);
  if (*c.says == '\0') {
    EXPECT_FALSE(problem.has_value()) << *problem;
  } else {
    ASSERT_TRUE(problem.has_value());
    EXPECT_THAT(*problem, HasSubstr(c.says));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryType, ValueProblemTest, ::testing::ValuesIn(kCases),
                         [](const auto& param_info) {
                           return std::string(param_info.param.label);
                         });

TEST(ValueProblem, AHugeValueIsNeverEchoedWhole) {
  const std::string huge(100, '9');
  auto problem = ValueProblem(Of("INT"), huge);
  ASSERT_TRUE(problem.has_value());
  EXPECT_LT(problem->size(), 200u) << *problem;
}

TEST(ValueProblem, ABoundThatDoesNotParseIsIgnored) {
  EXPECT_FALSE(ValueProblem(Of("INT", "ten"), "5").has_value());
}

}  // namespace
}  // namespace mock::families::parameters
