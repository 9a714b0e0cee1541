// GET /api/v2/tasks/instances: sort orders, as docs/reference/spring-paging.md states (Spring
// Data's sort resolution), with ties broken on id descending so that paging is stable (ocp-mock's
// choice: against a live server, ties and the other points the docs leave open are observations).
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string_view>

#include "contract_tests/support/oracle.h"
#include "contract_tests/support/provenance.h"

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

// Where each part of an order's rule comes from. The order of the keys asked for is OCP's
// (docs/reference/ocp-task-api.md, "Query tasks": sort); what the docs leave open is ocp-mock's
// choice, and against a live server only an observation: ties (no tie-breaker in OCP's SQL), NULLs
// (first ascending, as MySQL), the order of status values, and how names collate (the metadb's
// collation, likely case-insensitive; code-point order is reported, not failed).
constexpr std::string_view kKeyOrder =
    "docs/reference/ocp-task-api.md Query tasks: sort by the properties asked for";
constexpr std::string_view kTies = "ties in id-descending order";
constexpr std::string_view kNulls = "absent times first ascending, as MySQL orders NULLs";
constexpr std::string_view kStatusOrder = "statuses in alphabetical order";
constexpr std::string_view kCollation = "names in case-insensitive order";

// The rule a pair listed out of order by `name` breaks.
std::pair<Source, std::string_view> RuleBroken(const std::string& name, bool descending,
                                               const KnownTask& a, const KnownTask& b) {
  if (name == "status") return {Source::kMock, kStatusOrder};
  // In order by code point: the server's collation is not case-insensitive.
  const int code_point = descending ? -Cmp(a.name, b.name) : Cmp(a.name, b.name);
  if (name == "name" && code_point <= 0) return {Source::kMock, kCollation};
  const bool nulls = (name == "startTime" && (!a.start_ms || !b.start_ms)) ||
                     (name == "finishTime" && (!a.finish_ms || !b.finish_ms));
  if (nulls) return {Source::kMock, kNulls};
  return {Source::kDoc, kKeyOrder};
}

// Checks that `sort_query` lists every task ordered by `orders` (property, descending), then id
// descending. Reports the first pair out of order for each rule.
void ExpectOrdered(const std::string& sort_query,
                   const std::vector<std::pair<std::string, bool>>& orders) {
  std::vector<int64_t> ids = ServerUnderTest::Get().AllIds(sort_query);
  ASSERT_FALSE(ids.empty());
  if (ServerUnderTest::Get().complete()) {
    EXPECT_EQ(ServerUnderTest::Get().tasks().size(), ids.size()) << sort_query;
  }
  std::set<std::string_view> reported;
  TagProvenance(Source::kDoc, kKeyOrder);
  TagProvenance(Source::kMock, kTies);
  for (size_t i = 1; i < ids.size(); ++i) {
    const KnownTask* a = FindTask(ids[i - 1]);
    const KnownTask* b = FindTask(ids[i]);
    if (a == nullptr || b == nullptr) continue;
    int c = 0;
    std::string key;
    bool key_descending = false;
    for (const auto& [name, descending] : orders) {
      c = Find(name).compare(*a, *b);
      if (descending) c = -c;
      key = name;
      key_descending = descending;
      if (c != 0) break;
    }
    const std::string where = "GET /api/v2/tasks/instances?" + sort_query + ": task " +
                              std::to_string(a->id) + " is listed before " + std::to_string(b->id);
    auto [source, rule] =
        c == 0 ? std::pair{Source::kMock, kTies} : RuleBroken(key, key_descending, *a, *b);
    const bool holds = c < 0 || (c == 0 && a->id > b->id);
    if (holds || !reported.insert(rule).second) continue;
    CheckRule(source, rule, false,
              where + (c == 0 ? " (equal " + key + "): expected the larger id first"
                              : ": expected the other order by " + key));
    if (!Observational(source)) return;
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
