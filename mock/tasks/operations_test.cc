#include "mock/tasks/operations.h"

#include <gtest/gtest.h>

#include "mock/ocp/error_kinds.h"

#include "mock/tasks/simulator.h"
#include "mock/tasks/test_tasks.h"

namespace mock::tasks {
namespace {

using model::Operation;
using model::TaskStatus;
using testing::Chain;
using S = model::SubtaskStatus;

constexpr int64_t kT0 = 1'700'000'000'000;
constexpr int64_t kLater = kT0 + 10'000'000;

model::Task Failed() {
  model::Task t = Chain(1, TaskStatus::kFailed, {S::kSuccessful, S::kFailed, S::kPending});
  t.subtasks[0].run_time = 1;
  t.subtasks[1].run_time = 1;
  return t;
}

TEST(OperationsTest, RetryTaskRunsFailedSubtasksAgainToSuccess) {
  model::Task t = Failed();
  ASSERT_TRUE(RetryTask(t, kT0).ok());
  EXPECT_EQ(TaskStatus::kRunning, t.status);
  EXPECT_EQ(Operation::kRetry, t.operation);
  EXPECT_EQ(S::kReady, t.subtasks[1].status);
  EXPECT_EQ(Operation::kRetry, t.subtasks[1].operation);
  EXPECT_EQ(S::kSuccessful, t.subtasks[0].status);
  Advance(t, kLater);
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  EXPECT_EQ(2, t.subtasks[1].run_time);
  EXPECT_EQ(1, t.subtasks[2].run_time);
}

TEST(OperationsTest, RetryFailsAgainWhenTheScriptSaysSo) {
  model::Task t = Failed();
  t.subtasks[1].script.fail_on_runs = {1, 2};
  ASSERT_TRUE(RetryTask(t, kT0).ok());
  Advance(t, kLater);
  EXPECT_EQ(TaskStatus::kFailed, t.status);
  ASSERT_TRUE(RetryTask(t, kLater).ok());
  Advance(t, kLater * 2);
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  EXPECT_EQ(3, t.subtasks[1].run_time);
}

TEST(OperationsTest, RetryTaskRefusedUnlessFailed) {
  for (TaskStatus status : {TaskStatus::kRunning, TaskStatus::kSuccessful}) {
    model::Task t = Failed();
    t.status = status;
    auto r = RetryTask(t, kT0);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(ocp::ErrorKind::kTaskStateInvalid, ocp::KindOf(r));
    EXPECT_EQ("1", r.args().at(0));
    EXPECT_EQ((std::vector<std::string>{std::string(model::ToString(status)), "FAILED"}),
              std::vector<std::string>(r.args().begin() + 1, r.args().end()));
  }
}

TEST(OperationsTest, RollbackUndoesWhatRanInReverseOrder) {
  model::Task t = Failed();
  ASSERT_TRUE(RollbackTask(t, kT0).ok());
  EXPECT_EQ(Operation::kRollback, t.operation);
  EXPECT_EQ(TaskStatus::kRunning, t.status);
  // The failed subtask rolls back first; its upstream waits for it; the never-run one stays.
  EXPECT_EQ(S::kReady, t.subtasks[1].status);
  EXPECT_EQ(S::kPending, t.subtasks[0].status);
  EXPECT_EQ(Operation::kRollback, t.subtasks[0].operation);
  EXPECT_EQ(Operation::kExecute, t.subtasks[2].operation);
  Advance(t, kT0 + kReadyDelayMs + 2000);
  EXPECT_EQ(S::kSuccessful, t.subtasks[1].status);
  EXPECT_EQ(S::kReady, t.subtasks[0].status);
  Advance(t, kLater);
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  EXPECT_EQ(S::kPending, t.subtasks[2].status);
  EXPECT_EQ(1, t.subtasks[1].run_time) << "a rollback run is not an execution";
}

TEST(OperationsTest, RollbackRefusedUnlessFailedOrWhenProhibited) {
  model::Task running = Failed();
  running.status = TaskStatus::kRunning;
  EXPECT_EQ(ocp::ErrorKind::kTaskStateInvalid, ocp::KindOf(RollbackTask(running, kT0)));
  model::Task prohibited = Failed();
  prohibited.prohibit_rollback = true;
  EXPECT_EQ(ocp::ErrorKind::kTaskCannotRollback, ocp::KindOf(RollbackTask(prohibited, kT0)));
}

TEST(OperationsTest, NoRetryOfATaskWhoseRollbackFailed) {
  model::Task t = Failed();
  t.operation = Operation::kRollback;
  EXPECT_EQ(ocp::ErrorKind::kTaskStateInvalid, ocp::KindOf(RetryTask(t, kT0)));
}

TEST(OperationsTest, RetrySubtaskOnlyWhenFailed) {
  model::Task t = Failed();
  ASSERT_TRUE(RetrySubtask(t, t.subtasks[1], kT0).ok());
  EXPECT_EQ(S::kReady, t.subtasks[1].status);
  EXPECT_EQ(Operation::kRetry, t.subtasks[1].operation);
  EXPECT_EQ(TaskStatus::kRunning, t.status);
  auto refused = RetrySubtask(t, t.subtasks[0], kT0);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(ocp::ErrorKind::kTaskStateInvalid, ocp::KindOf(refused));
  model::Task rolling = Failed();
  rolling.subtasks[1].operation = Operation::kRollback;
  EXPECT_FALSE(RetrySubtask(rolling, rolling.subtasks[1], kT0).ok());
}

TEST(OperationsTest, SkipMarksAFailedSubtaskSuccessfulWithoutRunning) {
  model::Task t = Failed();
  ASSERT_TRUE(SkipSubtask(t, t.subtasks[1], kT0).ok());
  EXPECT_EQ(Operation::kSkip, t.subtasks[1].operation);
  Advance(t, kLater);
  EXPECT_EQ(S::kSuccessful, t.subtasks[1].status);
  EXPECT_EQ(1, t.subtasks[1].run_time) << "skipping is not running";
  EXPECT_EQ(TaskStatus::kSuccessful, t.status);
  auto refused = SkipSubtask(t, t.subtasks[0], kT0);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(ocp::ErrorKind::kSubtaskCannotSkip, ocp::KindOf(refused));
  EXPECT_EQ("11", refused.args().at(0));
}

TEST(OperationsTest, CancelOnlyARunningSubtask) {
  model::Task t = Chain(2, TaskStatus::kRunning, {S::kRunning, S::kPending});
  Arm(t, kT0);
  ASSERT_TRUE(CancelSubtask(t, t.subtasks[0], kT0).ok());
  EXPECT_EQ(S::kCanceling, t.subtasks[0].status);
  EXPECT_EQ(Operation::kCancel, t.subtasks[0].operation);
  EXPECT_EQ(ocp::ErrorKind::kTaskStateInvalid, ocp::KindOf(CancelSubtask(t, t.subtasks[1], kT0)));
  Advance(t, kLater);
  EXPECT_EQ(S::kFailed, t.subtasks[0].status);
  EXPECT_EQ(TaskStatus::kFailed, t.status);
}

}  // namespace
}  // namespace mock::tasks
