// GET /api/v2/tasks/instances: sort orders, as docs/reference/spring-paging.md states (Spring
// Data's sort resolution), with ties broken on id descending so that paging is stable (ocp-mock's
// choice: against a live server, ties and the other points the docs leave open are observations).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string_view>

#include "contract_tests/support/oracle.h"
#include "contract_tests/support/provenance.h"
#include "tools/compat/list_rules.h"

namespace contract {
namespace {

// -1, 0, 1 comparing a and b by one property.
using Compare = std::function<int(const KnownTask&, const KnownTask&)>;
// The properties sorted on, in turn, each with whether it is descending.
using Orders = std::vector<std::pair<std::string, bool>>;

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Absent before present (ascending), as MySQL orders NULLs.
int CmpOpt(const std::optional<int64_t>& a, const std::optional<int64_t>& b) {
  if (!a || !b) return a ? 1 : (b ? -1 : 0);
  return Cmp(*a, *b);
}

// ocp-mock's collation (compat::Collation::kLowerFolded), which also decides which names tie.
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
// (first ascending, as MySQL), the order of status values, and which of the collations OCP's
// metadb may use orders the names. The metadb is an OceanBase MySQL-mode tenant whose collation
// the docs do not name: byte order (utf8mb4_bin), or letters folded to upper case as the default
// utf8mb4_general_ci weighs them ('_' after every letter: "metadb_6" before "meta_10"), or to
// lower case, as ocp-mock does (issue #24, finding 8).
constexpr std::string_view kKeyOrder =
    "docs/reference/ocp-task-api.md Query tasks: sort by the properties asked for";
constexpr std::string_view kTies = "ties in id-descending order";
constexpr std::string_view kNulls = "absent times first ascending, as MySQL orders NULLs";
constexpr std::string_view kStatusOrder = "statuses in alphabetical order";
constexpr std::string_view kCollations =
    "names in the order of some collation OCP's metadb may use (binary, lower-case or upper-case "
    "folding)";
constexpr std::string_view kOwnCollation = "names in ocp-mock's own order (lower-case folding)";

// The rule a pair listed out of order by the property `name` breaks (never "name": names are
// judged under each collation by ExpectNamesCollate).
std::pair<Source, std::string_view> RuleBroken(const std::string& name, const KnownTask& a,
                                               const KnownTask& b) {
  if (name == "status") return {Source::kMock, kStatusOrder};
  const bool nulls = (name == "startTime" && (!a.start_ms || !b.start_ms)) ||
                     (name == "finishTime" && (!a.finish_ms || !b.finish_ms));
  if (nulls) return {Source::kMock, kNulls};
  return {Source::kDoc, kKeyOrder};
}

// Whether a and b are equal by every property sorted on before the name.
bool EqualBeforeName(const KnownTask& a, const KnownTask& b, const Orders& orders) {
  for (const auto& [name, descending] : orders) {
    if (name == "name") return true;
    if (Find(name).compare(a, b) != 0) return false;
  }
  return true;
}

// The listed tasks in runs equal by every property sorted on before the name (one run when the
// name comes first): a collation orders the names within each run.
std::vector<std::vector<const KnownTask*>> NameRuns(const std::vector<int64_t>& ids,
                                                    const Orders& orders) {
  std::vector<std::vector<const KnownTask*>> runs;
  for (int64_t id : ids) {
    const KnownTask* t = FindTask(id);
    if (t == nullptr) continue;
    if (runs.empty() || !EqualBeforeName(*runs.back().back(), *t, orders)) runs.emplace_back();
    runs.back().push_back(t);
  }
  return runs;
}

std::vector<std::string> Names(const std::vector<const KnownTask*>& run) {
  std::vector<std::string> names;
  for (const KnownTask* t : run) names.push_back(t->name);
  return names;
}

// The collations under which every run's names are in order: one collation the list through.
std::vector<compat::Collation> RunCollations(const std::vector<std::vector<const KnownTask*>>& runs,
                                             bool descending) {
  std::vector<compat::Collation> out;
  for (compat::Collation c : {compat::Collation::kBinary, compat::Collation::kLowerFolded,
                              compat::Collation::kUpperFolded}) {
    auto in_order = [&](const auto& run) { return compat::InOrder(Names(run), descending, c); };
    if (std::ranges::all_of(runs, in_order)) out.push_back(c);
  }
  return out;
}

// The first pair listed out of ocp-mock's name order, as "task 5 ('b') is listed before 4 ('a')".
std::string FirstOutOfOwnOrder(const std::vector<std::vector<const KnownTask*>>& runs,
                               bool descending) {
  for (const auto& run : runs) {
    for (size_t i = 1; i < run.size(); ++i) {
      const KnownTask& a = *run[i - 1];
      const KnownTask& b = *run[i];
      if (compat::InOrder({a.name, b.name}, descending, compat::Collation::kLowerFolded)) continue;
      return "task " + std::to_string(a.id) + " ('" + a.name + "') is listed before " +
             std::to_string(b.id) + " ('" + b.name + "')";
    }
  }
  return "no pair";
}

// When `orders` sort on the name: the names are in the order of a collation OCP's metadb may use
// (OCP's rule), the same one the whole list through, and of ocp-mock's own (the mock's). Returns
// whether to go on checking: not after a failure.
bool ExpectNamesCollate(const std::string& sort_query, const std::vector<int64_t>& ids,
                        const Orders& orders) {
  const auto name =
      std::ranges::find_if(orders, [](const auto& order) { return order.first == "name"; });
  if (name == orders.end()) return true;
  const auto runs = NameRuns(ids, orders);
  const std::vector<compat::Collation> collations = RunCollations(runs, name->second);
  const std::string where =
      "GET /api/v2/tasks/instances?" + sort_query + ": " + FirstOutOfOwnOrder(runs, name->second);
  if (!CheckRule(Source::kDoc, kCollations, !collations.empty(), where)) return false;
  const bool own =
      std::ranges::find(collations, compat::Collation::kLowerFolded) != collations.end();
  return CheckRule(Source::kMock, kOwnCollation, own,
                   where + ": the names are in " + compat::CollationName(collations.front()) +
                       " order") ||
         Observational(Source::kMock);
}

// Checks that `sort_query` lists every task ordered by `orders` (property, descending), then id
// descending. Reports the first pair out of order for each rule.
void ExpectOrdered(const std::string& sort_query, const Orders& orders) {
  std::vector<int64_t> ids = ServerUnderTest::Get().AllIds(sort_query);
  ASSERT_FALSE(ids.empty());
  if (ServerUnderTest::Get().complete()) {
    EXPECT_EQ(ServerUnderTest::Get().tasks().size(), ids.size()) << sort_query;
  }
  if (!ExpectNamesCollate(sort_query, ids, orders)) return;
  std::set<std::string_view> reported;
  TagProvenance(Source::kDoc, kKeyOrder);
  TagProvenance(Source::kMock, kTies);
  for (size_t i = 1; i < ids.size(); ++i) {
    const KnownTask* a = FindTask(ids[i - 1]);
    const KnownTask* b = FindTask(ids[i]);
    if (a == nullptr || b == nullptr) continue;
    int c = 0;
    std::string key;
    for (const auto& [name, descending] : orders) {
      c = Find(name).compare(*a, *b);
      if (descending) c = -c;
      key = name;
      if (c != 0) break;
    }
    if (c > 0 && key == "name") continue;  // judged by ExpectNamesCollate, under each collation
    const std::string where = "GET /api/v2/tasks/instances?" + sort_query + ": task " +
                              std::to_string(a->id) + " is listed before " + std::to_string(b->id);
    auto [source, rule] = c == 0 ? std::pair{Source::kMock, kTies} : RuleBroken(key, *a, *b);
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
