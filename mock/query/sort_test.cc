#include "mock/query/sort.h"

#include <gtest/gtest.h>

#include "mock/ocp/error_kinds.h"

namespace mock::query {
namespace {

using Orders = std::vector<SortOrder>;

struct Case {
  std::vector<std::string_view> params;
  Orders expected;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the sort parameters
// as sent and the orders they parse to.
void PrintTo(const Case& c, std::ostream* os) {
  for (size_t i = 0; i < c.params.size(); ++i) *os << (i == 0 ? "" : "&") << "sort=" << c.params[i];
  if (c.params.empty()) *os << "no sort";
  *os << " ->";
  for (const SortOrder& o : c.expected) {
    *os << " " << SortPropertyName(o.key) << (o.descending ? " desc" : " asc");
  }
  if (c.expected.empty()) *os << " the default order";
}

class SortTest : public testing::TestWithParam<Case> {};

TEST_P(SortTest, ParsesLikeSpringData) {
  auto result = ParseSort(GetParam().params);
  ASSERT_TRUE(result.ok()) << result.status().args().at(0);
  EXPECT_EQ(GetParam().expected, result.value());
}

INSTANTIATE_TEST_SUITE_P(
    Valid, SortTest,
    testing::Values(
        Case{{}, {}}, Case{{""}, {}}, Case{{" , "}, {}}, Case{{"desc"}, {}},
        Case{{"id"}, {{SortKey::kId, false}}}, Case{{"id,asc"}, {{SortKey::kId, false}}},
        Case{{"id,desc"}, {{SortKey::kId, true}}}, Case{{"id,DESC"}, {{SortKey::kId, true}}},
        Case{{"id,Asc"}, {{SortKey::kId, false}}},
        Case{{"name,startTime,desc"}, {{SortKey::kName, true}, {SortKey::kStartTime, true}}},
        Case{{"status,asc", "id,desc"}, {{SortKey::kStatus, false}, {SortKey::kId, true}}},
        Case{{" finishTime , desc "}, {{SortKey::kFinishTime, true}}},
        Case{{"type,,createTime"}, {{SortKey::kType, false}, {SortKey::kCreateTime, false}}}));

TEST(SortTest, UnknownPropertyNamesIt) {
  auto result = ParseSort({"id,sideways"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(ocp::ErrorKind::kUnsupportedSort, ocp::KindOf(result.status()));
  EXPECT_EQ("sideways", result.status().args().at(0));
}

TEST(SortTest, PropertyNamesAreCaseSensitive) {
  auto result = ParseSort({"ID,desc"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ("ID", result.status().args().at(0));
}

TEST(SortTest, HugePropertyIsQuotedShortened) {
  auto result = ParseSort({std::string(100000, 'x')});
  ASSERT_FALSE(result.ok());
  EXPECT_LE(result.status().args().at(0).size(), 67u);
}

}  // namespace
}  // namespace mock::query
