// GET /api/v2/tasks/instances: sort orders, as paging-semantics.md states (Spring Data's sort
// resolution), with ties broken on id descending so that paging is stable.
#include <gtest/gtest.h>

#include <functional>

#include "contract_tests/support/oracle.h"

namespace contract {
namespace {

// -1, 0, 1 comparing a and b by one property.
using Compare = std::function<int(const KnownTask&, const KnownTask&)>;

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Absent before present (ascending), as MySQL orders NULLs.
int CmpOpt(const std::optional<int64_t>& a, const std::optional<int64_t>& b) {
  if (!a || !b) return a ? 1 : (b ? -1 : 0);
  return Cmp(*a, *b);
}

int CmpNames(const std::string& a, const std::string& b) {
  std::string x = a, y = b;
  for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : y) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Cmp(x, y);
}

struct Property {
  const char* name;
  Compare compare;
  bool needs_fixture_truth;
};

const std::vector<Property>& Properties() {
  static const std::vector<Property> properties = {
      {"id", [](auto& a, auto& b) { return Cmp(a.id, b.id); }, false},
      {"name", [](auto& a, auto& b) { return CmpNames(a.name, b.name); }, false},
      {"status", [](auto& a, auto& b) { return Cmp(a.status, b.status); }, false},
      {"startTime", [](auto& a, auto& b) { return CmpOpt(a.start_ms, b.start_ms); }, false},
      {"finishTime", [](auto& a, auto& b) { return CmpOpt(a.finish_ms, b.finish_ms); }, false},
      {"type", [](auto& a, auto& b) { return Cmp(*a.type, *b.type); }, true},
      {"createTime", [](auto& a, auto& b) { return CmpOpt(a.create_ms, b.create_ms); }, true},
  };
  return properties;
}

const Property& Find(const std::string& name) {
  for (const Property& p : Properties()) {
    if (name == p.name) return p;
  }
  throw std::logic_error("no property " + name);
}

// Checks that `sort_query` lists every task ordered by `orders` (property, descending), then id
// descending.
void ExpectOrdered(const std::string& sort_query,
                   const std::vector<std::pair<std::string, bool>>& orders) {
  std::vector<int64_t> ids = ServerUnderTest::Get().AllIds(sort_query);
  ASSERT_FALSE(ids.empty());
  if (ServerUnderTest::Get().complete()) {
    EXPECT_EQ(ServerUnderTest::Get().tasks().size(), ids.size()) << sort_query;
  }
  for (size_t i = 1; i < ids.size(); ++i) {
    const KnownTask* a = FindTask(ids[i - 1]);
    const KnownTask* b = FindTask(ids[i]);
    if (a == nullptr || b == nullptr) continue;
    int c = 0;
    for (const auto& [name, descending] : orders) {
      c = Find(name).compare(*a, *b);
      if (descending) c = -c;
      if (c != 0) break;
    }
    if (c == 0) c = -Cmp(a->id, b->id);
    EXPECT_LT(c, 0) << sort_query << ": task " << a->id << " is listed before " << b->id;
    if (c >= 0) return;
  }
}

class SortByEachProperty : public testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(SortByEachProperty, OrdersEveryTask) {
  const auto& [name, direction] = GetParam();
  if (Find(name).needs_fixture_truth && !ServerUnderTest::Get().knows_fixture_truth()) {
    GTEST_SKIP() << name << " is not visible in the list; checked against fixtures only";
  }
  std::string query = "sort=" + name + (direction.empty() ? "" : "," + direction);
  bool descending = direction == "desc" || direction == "DESC";
  ExpectOrdered(query, {{name, descending}});
}

INSTANTIATE_TEST_SUITE_P(Properties, SortByEachProperty,
                         testing::Combine(testing::Values("id", "name", "status", "startTime",
                                                          "finishTime", "type", "createTime"),
                                          testing::Values("", "asc", "desc", "DESC")));

TEST(Sort, DefaultIsIdDescending) { ExpectOrdered("", {{"id", true}}); }

TEST(Sort, SeveralParametersApplyInTurn) {
  ExpectOrdered("sort=status,asc&sort=startTime,desc", {{"status", false}, {"startTime", true}});
}

TEST(Sort, TrailingDirectionAppliesToEveryPropertyBeforeIt) {
  ExpectOrdered("sort=status,name,desc", {{"status", true}, {"name", true}});
}

TEST(Sort, BlankSortMeansTheDefault) { ExpectOrdered("sort=", {{"id", true}}); }

}  // namespace
}  // namespace contract
