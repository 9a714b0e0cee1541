#include "mock/tasks/task_store.h"

#include <gtest/gtest.h>

#include <thread>

#include "mock/tasks/operations.h"
#include "mock/tasks/test_tasks.h"

namespace mock::tasks {
namespace {

using model::TaskStatus;
using testing::Chain;
using S = model::SubtaskStatus;

TEST(TaskStoreTest, ProgressFollowsTheClock) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending})}, clock);
  EXPECT_EQ(TaskStatus::kRunning, store.Get(1).value().status);
  clock.Advance(60'000);
  EXPECT_EQ(TaskStatus::kSuccessful, store.Get(1).value().status);
  int running = 0;
  store.Read([&](const std::vector<model::Task>& tasks) {
    for (const auto& t : tasks) running += t.status == TaskStatus::kRunning;
  });
  EXPECT_EQ(0, running);
}

TEST(TaskStoreTest, UnknownIdIsNotFound) {
  MockClock clock(0);
  TaskStore store({}, clock);
  EXPECT_EQ(ErrorKind::kTaskNotFound, store.Get(7).error().kind);
  EXPECT_EQ(ErrorKind::kTaskNotFound,
            store.Change(7, [](model::Task&, int64_t) { return Result<bool>(true); }).error().kind);
}

TEST(TaskStoreTest, ARefusedChangeLeavesTheTaskAsItWas) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  auto r = store.Change(1, [](model::Task& t, int64_t) -> Result<bool> {
    t.name = "half-done";
    return Error{ErrorKind::kTaskStateInvalid, "1", ""};
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ("task 1", store.Get(1).value().name);
}

TEST(TaskStoreTest, ResetRestoresTheFixtures) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  ASSERT_TRUE(store.Change(1, RetryTask).ok());
  clock.Advance(60'000);
  EXPECT_EQ(TaskStatus::kSuccessful, store.Get(1).value().status);
  store.Reset();
  EXPECT_EQ(TaskStatus::kFailed, store.Get(1).value().status);
}

// The list index follows the simulator, the operations and Reset.
TEST(TaskStoreTest, QueriesSeeProgressOperationsAndReset) {
  MockClock clock(0);
  TaskStore store(
      {Chain(1, TaskStatus::kRunning, {S::kPending}), Chain(2, TaskStatus::kFailed, {S::kFailed})},
      clock);
  auto ids_with = [&](TaskStatus status) {
    query::TaskQuery q;
    q.filter.statuses = {status};
    std::vector<int64_t> ids;
    store.Query(q, [&](const query::TaskPage& page) {
      for (const model::Task* t : page.items) ids.push_back(t->id);
    });
    return ids;
  };
  EXPECT_EQ(std::vector<int64_t>{1}, ids_with(TaskStatus::kRunning));
  clock.Advance(60'000);
  EXPECT_EQ(std::vector<int64_t>{}, ids_with(TaskStatus::kRunning));
  EXPECT_EQ(std::vector<int64_t>{1}, ids_with(TaskStatus::kSuccessful));
  ASSERT_TRUE(store.Change(2, RetryTask).ok());
  EXPECT_EQ(std::vector<int64_t>{2}, ids_with(TaskStatus::kRunning));
  store.Reset();
  EXPECT_EQ(std::vector<int64_t>{1}, ids_with(TaskStatus::kRunning));
  EXPECT_EQ(std::vector<int64_t>{2}, ids_with(TaskStatus::kFailed));
  clock.Advance(60'000);
  EXPECT_EQ(std::vector<int64_t>{1}, ids_with(TaskStatus::kSuccessful));
}

// Many threads race to retry, cancel and read one task; exactly one retry may win per failure,
// and the task always ends in a state the rules allow.
TEST(TaskStoreTest, ConcurrentOperationsApplyOneAtATime) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kSuccessful, S::kFailed, S::kPending})},
                  clock);
  std::atomic<int> retried{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 200; ++k) {
        if (store.Change(1, RetryTask).ok()) ++retried;
        store.Change(
            1, [](model::Task& t, int64_t now) { return CancelSubtask(t, t.subtasks[1], now); });
        clock.Advance(500);
        store.Read([](const std::vector<model::Task>& tasks) {
          const model::Task& t = tasks[0];
          // A finished task has nothing under way; a running one has something to do.
          bool active = false;
          for (const auto& s : t.subtasks) {
            active = active || s.status == S::kReady || s.status == S::kRunning ||
                     s.status == S::kCanceling;
          }
          EXPECT_EQ(t.status == TaskStatus::kRunning,
                    active || t.subtasks[0].status == S::kPending);
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_GE(retried.load(), 1);
  model::Task end = store.Get(1).value();
  EXPECT_LE(end.subtasks[1].run_time, retried.load() + 1);
}

}  // namespace
}  // namespace mock::tasks
