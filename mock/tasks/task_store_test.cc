#include "mock/tasks/task_store.h"

#include <gtest/gtest.h>

#include <optional>
#include <thread>

#include "mock/ocp/error_kinds.h"
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
  EXPECT_EQ(TaskStatus::kRunning, store.Get(1).value()->status);
  clock.Advance(60'000);
  EXPECT_EQ(TaskStatus::kSuccessful, store.Get(1).value()->status);
  int running = 0;
  for (const auto& t : store.All()) running += t->status == TaskStatus::kRunning;
  EXPECT_EQ(0, running);
}

TEST(TaskStoreTest, UnknownIdIsNotFound) {
  MockClock clock(0);
  TaskStore store({}, clock);
  EXPECT_EQ(ocp::ErrorKind::kTaskNotFound, ocp::KindOf(store.Get(7).status()));
  EXPECT_EQ(ocp::ErrorKind::kTaskNotFound,
            ocp::KindOf(store.Change(7, [](model::Task&, int64_t) { return Status(); }).status()));
}

TEST(TaskStoreTest, ARefusedChangeLeavesTheTaskAsItWas) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  auto r = store.Change(1, [](model::Task& t, int64_t) -> Status {
    t.name = "half-done";
    return ocp::OcpError(ocp::ErrorKind::kTaskStateInvalid, "", {"1"});
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ("task 1", store.Get(1).value()->name);
}

TEST(TaskStoreTest, ResetRestoresTheFixtures) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  ASSERT_TRUE(store.Change(1, RetryTask).ok());
  clock.Advance(60'000);
  EXPECT_EQ(TaskStatus::kSuccessful, store.Get(1).value()->status);
  store.Reset();
  EXPECT_EQ(TaskStatus::kFailed, store.Get(1).value()->status);
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
    for (const TaskSnapshot& t : store.Query(q).items) ids.push_back(t->id);
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
        // Refused whenever the subtask is not running: the race is the point, not the outcome.
        (void)store.Change(
            1, [](model::Task& t, int64_t now) { return CancelSubtask(t, t.subtasks[1], now); });
        clock.Advance(500);
        const TaskSnapshot snapshot = store.All()[0];  // kept: a change may replace the task
        const model::Task& t = *snapshot;
        // A finished task has nothing under way; a running one has something to do.
        bool active = false;
        for (const auto& s : t.subtasks) {
          active = active || s.status == S::kReady || s.status == S::kRunning ||
                   s.status == S::kCanceling;
        }
        EXPECT_EQ(t.status == TaskStatus::kRunning, active || t.subtasks[0].status == S::kPending);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_GE(retried.load(), 1);
  model::Task end = *store.Get(1).value();
  EXPECT_LE(end.subtasks[1].run_time, retried.load() + 1);
}

std::vector<int64_t> Ids(TaskStore& store, std::optional<TaskStatus> status = std::nullopt) {
  query::TaskQuery q;
  if (status) q.filter.statuses = {*status};
  std::vector<int64_t> ids;
  for (const TaskSnapshot& t : store.Query(q).items) ids.push_back(t->id);
  return ids;
}

// Tasks put and removed at runtime: lists, details and the simulator see them; Reset restores
// the fixtures, with changes made before and after them undone too.
TEST(TaskStoreTest, PutAndRemoveAtRuntimeAndResetUndoesBoth) {
  MockClock clock(0);
  TaskStore store(
      {Chain(1, TaskStatus::kFailed, {S::kFailed}), Chain(2, TaskStatus::kFailed, {S::kFailed})},
      clock);
  ASSERT_TRUE(store.Change(2, RetryTask).ok());  // before: recorded against position 1
  auto put = store.Put({Chain(3, TaskStatus::kRunning, {S::kPending}),
                        Chain(1, TaskStatus::kSuccessful, {S::kSuccessful})},
                       nullptr);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(1u, put.value()) << "one new id, one replaced";
  EXPECT_EQ((std::vector<int64_t>{3, 2, 1}), Ids(store));
  EXPECT_EQ((std::vector<int64_t>{1}), Ids(store, TaskStatus::kSuccessful));
  ASSERT_TRUE(store.Remove(2).ok());
  EXPECT_EQ(ocp::ErrorKind::kTaskNotFound, ocp::KindOf(store.Remove(2)));
  clock.Advance(60'000);
  EXPECT_EQ(TaskStatus::kSuccessful, store.Get(3).value()->status) << "the simulator runs it";
  ASSERT_TRUE(store
                  .Change(1,
                          [](model::Task& t, int64_t) {
                            t.status = TaskStatus::kFailed;
                            return Status();
                          })
                  .ok());
  store.Reset();
  EXPECT_EQ((std::vector<int64_t>{2, 1}), Ids(store));
  EXPECT_EQ(TaskStatus::kFailed, store.Get(2).value()->status) << "the retry is undone";
  EXPECT_EQ(TaskStatus::kFailed, store.Get(1).value()->status);
  EXPECT_EQ(2u, store.size());
}

// A reload: the new fixtures serve as if the store had started with them, and a reset goes back
// to them, not to the old ones.
TEST(TaskStoreTest, ReplaceFixturesForgetsEverythingBefore) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  ASSERT_TRUE(store.Put({Chain(2, TaskStatus::kFailed, {S::kFailed})}, nullptr).ok());
  const uint64_t old_revision = store.Get(1).value()->revision;
  store.ReplaceFixtures({Chain(1, TaskStatus::kSuccessful, {S::kSuccessful}),
                         Chain(3, TaskStatus::kFailed, {S::kFailed})});
  EXPECT_EQ((std::vector<int64_t>{3, 1}), Ids(store));
  EXPECT_NE(old_revision, store.Get(1).value()->revision) << "cached renderings must not match";
  ASSERT_TRUE(store.Change(3, RetryTask).ok());
  store.Reset();
  EXPECT_EQ((std::vector<int64_t>{3, 1}), Ids(store));
  EXPECT_EQ(TaskStatus::kFailed, store.Get(3).value()->status);
}

TEST(TaskStoreTest, ARefusedPutChangesNothing) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kFailed, {S::kFailed})}, clock);
  auto refused = store.Put(
      {Chain(2, TaskStatus::kFailed, {S::kFailed})},
      [](const std::vector<TaskSnapshot>& current, const std::vector<model::Task>& incoming) {
        EXPECT_EQ(1u, current.size());
        EXPECT_EQ(1u, incoming.size());
        return InvalidArgument("no");
      });
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ((std::vector<int64_t>{1}), Ids(store));
}

TEST(TaskStoreTest, RuntimeTasksAreBounded) {
  MockClock clock(0);
  TaskStore store({}, clock);
  std::vector<model::Task> many;
  for (size_t i = 0; i <= TaskStore::kMaxAddedTasks; ++i) {
    many.push_back(Chain(static_cast<int64_t>(i) + 1, TaskStatus::kFailed, {S::kFailed}));
  }
  auto refused = store.Put(many, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string::npos, refused.status().message().find("at most 10000"));
  EXPECT_EQ(0u, store.size());
}

// Under ThreadSanitizer in --full: puts, removals and resets race with queries and changes.
TEST(TaskStoreTest, RuntimePutsRaceSafelyWithReaders) {
  MockClock clock(0);
  TaskStore store({Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending})}, clock);
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    for (int i = 0; i < 100; ++i) {
      (void)store.Put({Chain(100 + i % 7, TaskStatus::kRunning, {S::kPending})}, nullptr);
      if (i % 3 == 0) (void)store.Remove(100 + i % 5);
      if (i % 20 == 0) store.Reset();
    }
  });
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        EXPECT_FALSE(Ids(store).empty());
        (void)store.Get(1);
        (void)store.Change(1, RetryTask);
        clock.Advance(100);
        EXPECT_GE(store.size(), 1u);
      }
    });
  }
  for (auto& t : threads) t.join();
  store.Reset();
  EXPECT_EQ((std::vector<int64_t>{1}), Ids(store));
}

}  // namespace
}  // namespace mock::tasks
