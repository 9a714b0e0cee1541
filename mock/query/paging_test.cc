#include "mock/query/paging.h"

#include <gtest/gtest.h>

#include <optional>

namespace mock::query {
namespace {

struct Case {
  std::optional<std::string_view> page;
  std::optional<std::string_view> size;
  PageRequest expected;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the parameters as
// sent and the page they resolve to.
void PrintTo(const Case& c, std::ostream* os) {
  auto param = [&](const char* name, std::optional<std::string_view> v) {
    if (v) {
      *os << name << "=\"" << *v << "\"";
    } else {
      *os << "no " << name;
    }
  };
  param("page", c.page);
  *os << ", ";
  param("size", c.size);
  *os << " -> page " << c.expected.number << " of size " << c.expected.size;
}

class PagingTest : public testing::TestWithParam<Case> {};

std::vector<std::string_view> Values(std::optional<std::string_view> v) {
  return v ? std::vector<std::string_view>{*v} : std::vector<std::string_view>{};
}

TEST_P(PagingTest, ResolvesLikeSpringData) {
  const Case& c = GetParam();
  EXPECT_EQ(c.expected, ResolvePage(Values(c.page), Values(c.size)));
}

// Every row of docs/reference/spring-paging.md, plus Java parseInt's edge cases.
INSTANTIATE_TEST_SUITE_P(
    PagingSemantics, PagingTest,
    testing::Values(Case{std::nullopt, std::nullopt, {1, 10}}, Case{"", "", {1, 10}},
                    Case{"  ", " ", {1, 10}}, Case{"1", std::nullopt, {1, 10}},
                    Case{"3", std::nullopt, {3, 10}}, Case{"0", std::nullopt, {1, 10}},
                    Case{"-3", std::nullopt, {1, 10}}, Case{"abc", std::nullopt, {1, 10}},
                    Case{"1.5", std::nullopt, {1, 10}}, Case{"99999999999", std::nullopt, {1, 10}},
                    Case{"2147483647", std::nullopt, {2147483647, 10}},
                    Case{"+2", std::nullopt, {2, 10}}, Case{"++2", std::nullopt, {1, 10}},
                    Case{" 2", std::nullopt, {1, 10}}, Case{"2x", std::nullopt, {1, 10}},
                    Case{std::nullopt, "0", {1, 10}}, Case{std::nullopt, "-1", {1, 10}},
                    Case{std::nullopt, "abc", {1, 10}}, Case{std::nullopt, "1", {1, 1}},
                    Case{std::nullopt, "2000", {1, 2000}}, Case{std::nullopt, "2001", {1, 2000}},
                    Case{std::nullopt, "5000", {1, 2000}},
                    Case{std::nullopt, "99999999999", {1, 10}}, Case{"2", "25", {2, 25}}));

TEST(PagingTest, FirstValueOfARepeatedParameterCounts) {
  EXPECT_EQ((PageRequest{2, 5}), ResolvePage({"2", "7"}, {"5", "9"}));
}

}  // namespace
}  // namespace mock::query
