#include "mock/tasks/simulator.h"

#include <gtest/gtest.h>

#include "mock/tasks/test_tasks.h"

namespace mock::tasks {
namespace {

using model::SubtaskStatus;
using model::TaskStatus;
using testing::Chain;
using S = SubtaskStatus;

std::vector<SubtaskStatus> Statuses(const model::Task& t) {
  std::vector<SubtaskStatus> out;
  for (const auto& s : t.subtasks) out.push_back(s.status);
  return out;
}

constexpr int64_t kSimT0 = 1'700'000'000'000;

TEST(SimulatorTest, RunsSubtasksInGraphOrderToSuccess) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending, S::kPending});
  Arm(t, kSimT0);
  EXPECT_EQ((std::vector<S>{S::kReady, S::kPending, S::kPending}), Statuses(t));
  Advance(t, kSimT0 + kReadyDelayMs);
  EXPECT_EQ((std::vector<S>{S::kRunning, S::kPending, S::kPending}), Statuses(t));
  EXPECT_EQ(1, t.subtasks[0].run_time);
  ASSERT_TRUE(t.start_time);
  Advance(t, kSimT0 + kReadyDelayMs + 2000);
  EXPECT_EQ((std::vector<S>{S::kSuccessful, S::kReady, S::kPending}), Statuses(t));
  EXPECT_EQ(TaskStatus::kRunning, t.status);
  Advance(t, kSimT0 + 3 * (kReadyDelayMs + 2000));
  EXPECT_EQ((std::vector<S>{S::kSuccessful, S::kSuccessful, S::kSuccessful}), Statuses(t));
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  ASSERT_TRUE(t.finish_time);
  EXPECT_EQ(kSimT0 + 3 * (kReadyDelayMs + 2000), t.finish_time->epoch_ms);
  EXPECT_FALSE(NextStepMs(t));
}

// A time the mock writes is in the zone of the task's own fixture times, whatever the machine's
// (CI machines run in UTC; OCP's samples are +08:00), so one task never mixes offsets.
TEST(SimulatorTest, TimesItWritesUseTheOffsetOfTheTasksOwnTimes) {
  for (const char* created :
       {"2026-11-20T10:00:00.000+08:00", "2026-11-20T10:00:00-03:30", "2026-11-20T02:00:00Z"}) {
    model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending});
    t.create_time = model::ParseTimestamp(created);
    Arm(t, kSimT0);
    Advance(t, kSimT0 + 10 * (kReadyDelayMs + 2000));
    ASSERT_TRUE(t.finish_time && t.start_time && t.subtasks[0].finish_time) << created;
    const std::string_view offset =
        std::string_view(created).substr(19).back() == 'Z'
            ? "+00:00"
            : std::string_view(created).substr(std::string_view(created).size() - 6);
    EXPECT_TRUE(t.finish_time->text().ends_with(offset)) << t.finish_time->text();
    EXPECT_TRUE(t.start_time->text().ends_with(offset)) << t.start_time->text();
    EXPECT_TRUE(t.subtasks[0].finish_time->text().ends_with(offset));
    EXPECT_EQ(t.finish_time->epoch_ms, model::ParseTimestamp(t.finish_time->text())->epoch_ms)
        << "the text denotes the instant";
  }
}

TEST(SimulatorTest, OneLargeJumpAppliesEveryStepAtItsOwnTime) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending});
  Arm(t, kSimT0);
  Advance(t, kSimT0 + 1'000'000);
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  EXPECT_EQ(kSimT0 + kReadyDelayMs, t.subtasks[0].start_time->epoch_ms);
  EXPECT_EQ(kSimT0 + 2 * kReadyDelayMs + 2000, t.subtasks[1].start_time->epoch_ms);
  EXPECT_LT(t.subtasks[0].finish_time->epoch_ms, t.subtasks[1].start_time->epoch_ms);
}

TEST(SimulatorTest, ScriptedFailureStopsTheTask) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending, S::kPending});
  t.subtasks[1].script.fail_on_runs = {1};
  Arm(t, kSimT0);
  Advance(t, kSimT0 + 1'000'000);
  EXPECT_EQ((std::vector<S>{S::kSuccessful, S::kFailed, S::kPending}), Statuses(t));
  EXPECT_EQ(TaskStatus::kFailed, t.status);
}

TEST(SimulatorTest, ParallelBranchesRunTogether) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending, S::kPending, S::kPending});
  // 11 -> {12, 13}
  t.subtasks[0].downstreams = {12, 13};
  t.subtasks[1].downstreams = {};
  t.subtasks[2].upstreams = {11};
  Arm(t, kSimT0);
  Advance(t, kSimT0 + kReadyDelayMs + 2000 + kReadyDelayMs);
  EXPECT_EQ((std::vector<S>{S::kSuccessful, S::kRunning, S::kRunning}), Statuses(t));
}

TEST(SimulatorTest, CancelingEndsFailed) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kCanceling, S::kPending});
  Arm(t, kSimT0);
  Advance(t, kSimT0 + kCancelDelayMs);
  EXPECT_EQ((std::vector<S>{S::kFailed, S::kPending}), Statuses(t));
  EXPECT_EQ(TaskStatus::kFailed, t.status);
  EXPECT_NE(std::string::npos, t.subtasks[0].log.find("canceled"));
}

TEST(SimulatorTest, LogsGrowAsSubtasksRun) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kPending});
  Arm(t, kSimT0);
  EXPECT_TRUE(t.subtasks[0].log.empty());
  Advance(t, kSimT0 + kReadyDelayMs);
  std::string started = t.subtasks[0].log;
  EXPECT_EQ(0u, started.rfind("############{EXECUTE}{", 0)) << started;
  Advance(t, kSimT0 + kReadyDelayMs + 2000);
  EXPECT_GT(t.subtasks[0].log.size(), started.size());
  EXPECT_NE(std::string::npos, t.subtasks[0].log.find("new state: SUCCESSFUL"));
}

TEST(SimulatorTest, FinishedTasksDoNotMove) {
  model::Task t = Chain(1, TaskStatus::kSuccessful, {S::kPending});
  Arm(t, kSimT0);
  EXPECT_FALSE(Advance(t, kSimT0 + 1'000'000));
  EXPECT_EQ(S::kPending, t.subtasks[0].status);
}

TEST(SimulatorTest, RunningTaskWithNothingLeftEndsAtArm) {
  model::Task t = Chain(1, TaskStatus::kRunning, {S::kSuccessful, S::kSuccessful});
  Arm(t, kSimT0);
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
}

}  // namespace
}  // namespace mock::tasks
