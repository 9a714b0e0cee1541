// Differential test: TaskIndex must give exactly the answers of the reference engine
// (ExecuteQuery) on random task sets, random queries and random changes to running tasks.
#include "mock/query/task_index.h"

#include <gtest/gtest.h>

#include <random>

#include "mock/query/reference_engine.h"

namespace mock::query {
namespace {

using model::Task;
using TaskPage = Page<const Task*>;

// Task sets with the shapes that make indexes go wrong: duplicate and case-variant names,
// non-ASCII names, equal times, missing times, tasks without cluster or tenant, shared tenant
// names across clusters, several hosts per task, ids in no particular order.
class RandomTasks {
 public:
  explicit RandomTasks(uint32_t seed) : rng_(seed) {}

  std::vector<Task> Make(size_t n) {
    std::vector<int64_t> ids(n);
    for (size_t i = 0; i < n; ++i) ids[i] = static_cast<int64_t>(i) * 3 + Pick(3);
    std::shuffle(ids.begin(), ids.end(), rng_);
    std::vector<Task> tasks(n);
    for (size_t i = 0; i < n; ++i) {
      Task& t = tasks[i];
      t.id = ids[i];
      t.name = Name();
      t.type = static_cast<model::TaskType>(Pick(4));
      t.status = static_cast<model::TaskStatus>(Pick(3));
      if (Pick(5) != 0) {
        const int64_t c = Pick(6);
        t.cluster = model::Cluster{c, kClusters[c], 100 + c, "PRIMARY"};
        if (Pick(3) != 0) {
          const int64_t k = Pick(3);
          t.tenant = model::Tenant{c * 10 + k, kTenants[k], k, "MYSQL"};
        }
      }
      for (int64_t h = 0; h < 8; ++h) {
        if (Pick(4) == 0) t.host_ids.push_back(h);
      }
      t.create_time = Time();
      t.start_time = Time();
      t.finish_time = Time();
    }
    return tasks;
  }

  // What the simulator and the operations may change.
  void Change(Task& t) {
    t.status = static_cast<model::TaskStatus>(Pick(3));
    if (Pick(2) == 0) t.start_time = Time();
    if (Pick(2) == 0) t.finish_time = Time();
  }

  // `changing`: favour what changes can break, sorts by the keys that change and early pages.
  TaskQuery Query(size_t n, bool changing = false) {
    TaskQuery q;
    TaskFilter& f = q.filter;
    if (Pick(3) == 0) f.name = kNeedles[Pick(std::size(kNeedles))];
    for (int64_t i = Pick(4) == 0 ? Pick(3) + 1 : 0; i > 0; --i) {
      f.statuses.push_back(static_cast<model::TaskStatus>(Pick(3)));
    }
    if (Pick(3) == 0) f.type = static_cast<model::TaskType>(Pick(4));
    for (int64_t i = Pick(4) == 0 ? Pick(2) + 1 : 0; i > 0; --i) {
      f.cluster_names.emplace_back(kClusterNeedles[Pick(std::size(kClusterNeedles))]);
    }
    if (Pick(3) == 0) f.cluster_id = Pick(7);  // 6 exists nowhere
    if (Pick(4) == 0) f.tenant_name = kTenants[Pick(4)];
    if (Pick(4) == 0) f.tenant_id = Pick(6) * 10 + Pick(3);
    if (Pick(4) == 0) f.host_id = Pick(9);
    for (int64_t i = Pick(3) == 0 ? 0 : Pick(3); i > 0; --i) {
      q.sort.push_back({static_cast<SortKey>(Pick(7)), Pick(2) == 0});
    }
    if (changing && Pick(2) == 0) {
      static constexpr SortKey kMoving[] = {SortKey::kStatus, SortKey::kStartTime,
                                            SortKey::kFinishTime};
      q.sort = {{kMoving[Pick(3)], Pick(2) == 0}};
    }
    q.page.size = static_cast<int32_t>(1 + Pick(Pick(2) == 0 ? 10 : 2000));
    const auto pages = n / static_cast<size_t>(q.page.size) + 2;
    q.page.number = static_cast<int32_t>(1 + Pick(Pick(2) == 0 ? 3 : pages));
    if (changing && Pick(2) == 0) q.page.number = 1;
    return q;
  }

  int64_t Pick(size_t bound) {
    return static_cast<int64_t>(std::uniform_int_distribution<size_t>(0, bound - 1)(rng_));
  }

 private:
  static constexpr const char* kNames[] = {
      "Create tenant", "create TENANT", "Backup", "Upgrade cluster", "备份租户", "Zeta",
      "zeta",          "Backup tenant", "",
  };
  static constexpr const char* kNeedles[] = {"", "tenant", "back", "备份", "zet", "x", "e"};
  static constexpr const char* kClusters[] = {"metadb",    "prod-hz", "Prod-HZ-standby",
                                              "analytics", "metadb",  "ob"};
  static constexpr const char* kClusterNeedles[] = {"", "prod", "hz", "meta", "b", "none"};
  static constexpr const char* kTenants[] = {"sys", "trade", "ORA_FIN", "nowhere"};

  std::string Name() { return kNames[Pick(std::size(kNames))]; }

  std::optional<model::Timestamp> Time() {
    if (Pick(5) == 0) return std::nullopt;
    return model::MakeTimestamp(1'700'000'000'000 + Pick(50) * 1000);  // plenty of ties
  }

  std::mt19937 rng_;
};

void ExpectSame(const std::vector<Task>& tasks, const TaskIndex& index, const TaskQuery& q,
                const std::string& context) {
  const TaskPage want = ExecuteQuery(tasks, q);
  const PositionPage got = index.Execute(q);
  ASSERT_EQ(got.total_elements, want.total_elements) << context;
  ASSERT_EQ(got.total_pages, want.total_pages) << context;
  ASSERT_EQ(got.page, want.page) << context;
  ASSERT_EQ(got.items.size(), want.items.size()) << context;
  for (size_t i = 0; i < want.items.size(); ++i) {
    ASSERT_EQ(tasks.at(got.items[i]).id, want.items[i]->id) << context << " item " << i;
  }
}

std::string Describe(uint32_t seed, int round) {
  return "seed " + std::to_string(seed) + ", query " + std::to_string(round);
}

class TaskIndexDifferential : public ::testing::TestWithParam<size_t> {};

TEST_P(TaskIndexDifferential, AgreesWithTheReferenceEngineOnRandomQueries) {
  const size_t n = GetParam();
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    RandomTasks random(seed);
    const std::vector<Task> tasks = random.Make(n);
    const TaskIndex index(tasks);
    for (int round = 0; round < 400; ++round) {
      ExpectSame(tasks, index, random.Query(n), Describe(seed, round));
      if (HasFatalFailure()) return;
    }
  }
}

// Changes arrive in bursts, so that some queries see a few moved tasks (side lists) and later
// ones see the pre-sorted orders rebuilt.
TEST_P(TaskIndexDifferential, AgreesAfterTasksChange) {
  const size_t n = GetParam();
  for (uint32_t seed = 11; seed <= 13; ++seed) {
    RandomTasks random(seed);
    std::vector<Task> tasks = random.Make(n);
    TaskIndex index(tasks);
    for (int round = 0; round < 300; ++round) {
      for (int64_t k = random.Pick(round % 50 == 49 ? n : 4); k > 0; --k) {
        const auto pos = static_cast<size_t>(random.Pick(n));
        random.Change(tasks[pos]);
        index.Refresh(pos, tasks[pos]);
      }
      ExpectSame(tasks, index, random.Query(n, true), Describe(seed, round));
      if (HasFatalFailure()) return;
    }
  }
}

// 1 and 2 tasks are the edge cases; 700 has bitsets (postings of 22 and more) and lists.
INSTANTIATE_TEST_SUITE_P(Sizes, TaskIndexDifferential, ::testing::Values(1, 2, 37, 700, 3000));

// --quirks collation: names by code point, so every upper-case letter before any lower-case.
TEST(TaskIndex, NamesSortCaseInsensitivelyOrByCodePoint) {
  std::vector<Task> tasks(4);
  const char* names[] = {"beta", "Alpha", "alpha", "Zeta"};
  for (size_t i = 0; i < tasks.size(); ++i) {
    tasks[i].id = static_cast<int64_t>(i + 1);
    tasks[i].name = names[i];
  }
  TaskQuery q;
  q.sort = {SortOrder{SortKey::kName, false}};
  auto names_in = [&](const TaskIndex& index) {
    std::vector<std::string> out;
    for (size_t pos : index.Execute(q).items) out.push_back(tasks[pos].name);
    return out;
  };
  EXPECT_EQ((std::vector<std::string>{"alpha", "Alpha", "beta", "Zeta"}),
            names_in(TaskIndex(tasks)))
      << "equal but for case: a tie, in id order (descending)";
  EXPECT_EQ((std::vector<std::string>{"Alpha", "Zeta", "alpha", "beta"}),
            names_in(TaskIndex(tasks, NameOrder::kCodePoint)));
  q.filter.name = "alpha";  // lower-cased by the query parser
  EXPECT_EQ(2u, TaskIndex(tasks, NameOrder::kCodePoint).Execute(q).items.size())
      << "the name filter stays case-insensitive";
}

TEST(TaskIndex, AnEmptySetAnswersEveryQueryWithNothing) {
  const std::vector<Task> tasks;
  const TaskIndex index(tasks);
  TaskQuery q;
  q.filter.name = "x";
  const PositionPage page = index.Execute(q);
  EXPECT_EQ(page.total_elements, 0);
  EXPECT_EQ(page.total_pages, 0);
  EXPECT_TRUE(page.items.empty());
}

}  // namespace
}  // namespace mock::query
