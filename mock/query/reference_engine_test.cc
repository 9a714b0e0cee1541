#include "mock/query/reference_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "mock/query/sort.h"

namespace mock::query {
namespace {

using model::Task;
using model::TaskStatus;
using model::TaskType;

model::Timestamp Ts(const char* text) { return *model::ParseTimestamp(text); }

// A small catalogue with ties, missing times, hosts and cluster/tenant combinations.
std::vector<Task> Catalogue() {
  std::vector<Task> tasks;
  auto add = [&](int64_t id, std::string name, TaskStatus status, TaskType type) -> Task& {
    Task t;
    t.id = id;
    t.name = std::move(name);
    t.status = status;
    t.type = type;
    tasks.push_back(std::move(t));
    return tasks.back();
  };
  model::Cluster meta{1, "metadb", 11, "PRIMARY"};
  model::Cluster prod{2, "Prod-HZ", 12, "STANDBY"};
  Task& a = add(10, "Prepare tenant", TaskStatus::kSuccessful, TaskType::kManual);
  a.cluster = meta;
  a.tenant = model::Tenant{100, "sys", 1, "MYSQL"};
  a.start_time = Ts("2024-01-01T10:00:00+08:00");
  a.host_ids = {1, 2};
  Task& b = add(20, "prepare TENANT", TaskStatus::kFailed, TaskType::kScheduled);
  b.cluster = prod;
  b.tenant = model::Tenant{200, "sys", 1, "MYSQL"};
  b.start_time = Ts("2024-01-01T02:00:00Z");  // same instant as a, other offset
  b.host_ids = {2, 3};
  Task& c = add(30, "Reinstall OCP agent", TaskStatus::kRunning, TaskType::kSysOnece);
  c.host_ids = {3};
  Task& d = add(40, "Upgrade cluster", TaskStatus::kRunning, TaskType::kSysScheduled);
  d.cluster = prod;
  d.start_time = Ts("2023-12-31T00:00:00.5+00:00");
  Task& e = add(5, "Backup", TaskStatus::kSuccessful, TaskType::kManual);
  e.cluster = meta;
  e.tenant = model::Tenant{101, "trade", 2, "ORACLE"};
  e.start_time = Ts("2024-02-01T00:00:00Z");
  return tasks;
}

std::vector<int64_t> Ids(const TaskPage& page) {
  std::vector<int64_t> ids;
  for (const Task* t : page.items) ids.push_back(t->id);
  return ids;
}

std::vector<int64_t> Query(const TaskFilter& filter, std::vector<SortOrder> sort = {}) {
  static const std::vector<Task> tasks = Catalogue();
  TaskQuery q{filter, std::move(sort), PageRequest{1, 100}};
  return Ids(ExecuteQuery(tasks, q));
}

TEST(EngineTest, DefaultOrderIsIdDescending) {
  EXPECT_EQ((std::vector<int64_t>{40, 30, 20, 10, 5}), Query({}));
}

TEST(EngineTest, EachFilterAlone) {
  TaskFilter f;
  f.name = "prepare ten";
  EXPECT_EQ((std::vector<int64_t>{20, 10}), Query(f));
  f = {};
  f.statuses = {TaskStatus::kRunning, TaskStatus::kFailed};
  EXPECT_EQ((std::vector<int64_t>{40, 30, 20}), Query(f));
  f = {};
  f.type = TaskType::kManual;
  EXPECT_EQ((std::vector<int64_t>{10, 5}), Query(f));
  f = {};
  f.cluster_names = {"prod"};
  EXPECT_EQ((std::vector<int64_t>{40, 20}), Query(f));
  f = {};
  f.cluster_id = 1;
  EXPECT_EQ((std::vector<int64_t>{10, 5}), Query(f));
  f = {};
  f.tenant_id = 200;
  EXPECT_EQ((std::vector<int64_t>{20}), Query(f));
  f = {};
  f.host_id = 3;
  EXPECT_EQ((std::vector<int64_t>{30, 20}), Query(f));
  f = {};
  f.host_id = 99;
  EXPECT_TRUE(Query(f).empty());
}

TEST(EngineTest, TenantNameIsExactWithinTheCluster) {
  TaskFilter f;
  f.cluster_id = 2;
  f.tenant_name = "sys";
  EXPECT_EQ((std::vector<int64_t>{20}), Query(f));
  f.tenant_name = "SYS";
  EXPECT_TRUE(Query(f).empty());
}

TEST(EngineTest, FiltersCombineWithAnd) {
  TaskFilter f;
  f.name = "prepare";
  f.statuses = {TaskStatus::kSuccessful};
  f.host_id = 2;
  EXPECT_EQ((std::vector<int64_t>{10}), Query(f));
  f.cluster_names = {"meta", "zzz"};
  EXPECT_TRUE(Query(f).empty());
}

TEST(EngineTest, SortByNameIgnoresCaseAndBreaksTiesOnIdDescending) {
  EXPECT_EQ((std::vector<int64_t>{5, 20, 10, 30, 40}), Query({}, {{SortKey::kName, false}}));
}

TEST(EngineTest, NonAsciiNamesSortAfterAsciiInCodePointOrder) {
  std::vector<Task> tasks(3);
  tasks[0].id = 1;
  tasks[0].name = "\xE5\xA4\x87 backup";  // U+5907
  tasks[1].id = 2;
  tasks[1].name = "zeta";
  tasks[2].id = 3;
  tasks[2].name = "\xC3\xA9t\xC3\xA9";  // U+00E9
  TaskPage page = ExecuteQuery(tasks, TaskQuery{{}, {{SortKey::kName, false}}, PageRequest{1, 10}});
  EXPECT_EQ((std::vector<int64_t>{2, 3, 1}), Ids(page));
}

TEST(EngineTest, TimesCompareAsInstantsWithMissingFirstAscending) {
  // a and b start at the same instant written with different offsets: tie, broken on id.
  EXPECT_EQ((std::vector<int64_t>{30, 40, 20, 10, 5}), Query({}, {{SortKey::kStartTime, false}}));
  EXPECT_EQ((std::vector<int64_t>{5, 20, 10, 40, 30}), Query({}, {{SortKey::kStartTime, true}}));
}

TEST(EngineTest, SeveralSortOrdersApplyInTurn) {
  EXPECT_EQ((std::vector<int64_t>{20, 30, 40, 5, 10}),
            Query({}, {{SortKey::kStatus, false}, {SortKey::kId, false}}));
  EXPECT_EQ((std::vector<int64_t>{5, 10, 20, 30, 40}),
            Query({}, {{SortKey::kType, false}, {SortKey::kStartTime, true}}));
}

TEST(EngineTest, PagePastTheEndIsEmptyWithRealTotals) {
  std::vector<Task> tasks = Catalogue();
  TaskPage page = ExecuteQuery(tasks, TaskQuery{{}, {}, PageRequest{4, 2}});
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(5, page.total_elements);
  EXPECT_EQ(3, page.total_pages);
  TaskPage far = ExecuteQuery(tasks, TaskQuery{{}, {}, PageRequest{2147483647, 2000}});
  EXPECT_TRUE(far.items.empty());
  EXPECT_EQ(1, far.total_pages);
}

TEST(EngineTest, NoMatchHasZeroPages) {
  std::vector<Task> tasks = Catalogue();
  TaskFilter f;
  f.name = "nothing like this";
  TaskPage page = ExecuteQuery(tasks, TaskQuery{f, {}, PageRequest{1, 10}});
  EXPECT_EQ(0, page.total_elements);
  EXPECT_EQ(0, page.total_pages);
}

// A generated catalogue with many ties, to check paging against an independent reference.
std::vector<Task> Many() {
  std::vector<Task> tasks;
  const char* names[] = {"Alpha", "beta", "ALPHA", "Gamma"};
  for (int64_t i = 1; i <= 97; ++i) {
    Task t;
    t.id = (i * 37) % 101;
    t.name = names[i % 4];
    t.status = static_cast<TaskStatus>(i % 3);
    t.type = static_cast<TaskType>(i % 4);
    if (i % 5 != 0) t.start_time = model::Timestamp{"", (i % 7) * 1000};
    tasks.push_back(t);
  }
  return tasks;
}

struct PagingCase {
  std::vector<SortOrder> sort;
  int32_t size;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the order and the
// page size.
void PrintTo(const PagingCase& c, std::ostream* os) {
  *os << "pages of " << c.size << " by";
  for (const SortOrder& o : c.sort) {
    *os << " " << SortPropertyName(o.key) << (o.descending ? " desc" : " asc");
  }
  if (c.sort.empty()) *os << " the default order";
}

class EnginePagingTest : public testing::TestWithParam<PagingCase> {};

TEST_P(EnginePagingTest, PagesConcatenateToTheWholeOrderedResult) {
  const std::vector<Task> tasks = Many();
  std::vector<int64_t> all;
  TaskQuery q{{}, GetParam().sort, PageRequest{1, GetParam().size}};
  for (;; ++q.page.number) {
    TaskPage page = ExecuteQuery(tasks, q);
    EXPECT_EQ(97, page.total_elements);
    EXPECT_EQ((97 + q.page.size - 1) / q.page.size, page.total_pages);
    if (page.items.empty()) break;
    for (int64_t id : Ids(page)) all.push_back(id);
  }
  ASSERT_EQ(97u, all.size());
  EXPECT_EQ(97u, std::set<int64_t>(all.begin(), all.end()).size()) << "a task repeated";
  // Reference: the lexicographic key (sort keys..., -id) compared with std::sort.
  std::vector<const Task*> ref;
  for (const Task& t : tasks) ref.push_back(&t);
  auto key = [&](const Task* t) {
    std::vector<int64_t> k;
    for (const SortOrder& o : GetParam().sort) {
      int64_t v =
          o.key == SortKey::kId       ? t->id
          : o.key == SortKey::kStatus ? static_cast<int64_t>(model::ToString(t->status)[0])
          : o.key == SortKey::kStartTime
              ? (t->start_time ? t->start_time->epoch_ms : -(int64_t{1} << 50))
              : int64_t{std::tolower(t->name[0])} * 1000 + static_cast<int64_t>(t->name.size());
      k.push_back(o.descending ? -v : v);
    }
    k.push_back(-t->id);
    return k;
  };
  std::sort(ref.begin(), ref.end(), [&](const Task* a, const Task* b) { return key(a) < key(b); });
  std::vector<int64_t> expected;
  for (const Task* t : ref) expected.push_back(t->id);
  EXPECT_EQ(expected, all);
}

INSTANTIATE_TEST_SUITE_P(
    Orders, EnginePagingTest,
    testing::Values(PagingCase{{}, 10}, PagingCase{{}, 1}, PagingCase{{{SortKey::kId, false}}, 7},
                    PagingCase{{{SortKey::kName, false}}, 3},
                    PagingCase{{{SortKey::kName, true}}, 10},
                    PagingCase{{{SortKey::kStatus, false}}, 4},
                    PagingCase{{{SortKey::kStartTime, false}}, 6},
                    PagingCase{{{SortKey::kStartTime, true}, {SortKey::kName, false}}, 5},
                    PagingCase{{{SortKey::kStatus, true}, {SortKey::kStartTime, false}}, 2000}));

}  // namespace
}  // namespace mock::query
