// The mutating task operations against the mock: every allowed and every refused transition,
// the effect visible in the detail and the list afterwards, and a polling client that retries
// a failed task. Each test starts and ends with the fixtures' state (POST /__mock/reset) and
// moves time through the mock clock, never by sleeping. Against a live OCP these are skipped;
// see live_mutation_test.cc.
#include <gtest/gtest.h>

#include "contract_tests/support/task_client.h"

namespace contract {
namespace {

// Tasks of fixtures/tasks/20-scenarios.json.
constexpr int64_t kFailsOnce = 8000001;   // RUNNING; subtask 80000012 fails on run 1
constexpr int64_t kNoRollback = 8000002;  // FAILED, prohibitRollback
constexpr int64_t kLongRun = 8000003;     // RUNNING; subtask 80000032 runs for an hour
constexpr int64_t kFailed = 8000004;      // FAILED; subtask 80000042 failed

class TaskOperations : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) GTEST_SKIP() << "live mode sends GET requests only";
    ResetMock();
  }
  void TearDown() override {
    if (!ServerUnderTest::Get().live()) ResetMock();
  }

  static std::string Status(int64_t task) { return TaskDetail(task)["status"].GetString(); }

  static std::string ListedStatus(int64_t task) {
    Fetched f = Get("/api/v2/tasks/instances?size=2000&name=" +
                    Encode(TaskDetail(task)["name"].GetString()));
    for (const auto& t : f.json["data"]["contents"].GetArray()) {
      if (t["id"].GetInt64() == task) return t["status"].GetString();
    }
    return "not listed";
  }

  // The version's code and message for `kind` (3.1.1 answers a refused rollback or skip with
  // its state code 4007, 4.2.2 with TSK10009 / TSK10010...).
  static void ExpectRefused(const std::string& target, long status, mock::ocp::ErrorKind kind) {
    SCOPED_TRACE(target);
    ExpectErrorOf(Post(target).http, status, kind);
  }
};

TEST_F(TaskOperations, RetryAFailedTask) {
  Fetched f = Post(TaskPath(kFailed) + "/retry");
  ASSERT_EQ(200, f.http.status) << f.http.body;
  const auto& data = f.json["data"];
  EXPECT_STREQ("RUNNING", data["status"].GetString());
  EXPECT_STREQ("RETRY", data["operation"].GetString());
  const rapidjson::Value* failed = SubtaskOf(data, 80000042);
  ASSERT_NE(nullptr, failed);
  EXPECT_STREQ("READY", (*failed)["status"].GetString());
  EXPECT_STREQ("RETRY", (*failed)["operation"].GetString());
  EXPECT_EQ("RUNNING", ListedStatus(kFailed)) << "the list does not show the change";
  // Retrying it again while it runs is refused, and changes nothing.
  ExpectRefused(TaskPath(kFailed) + "/retry", 400, mock::ocp::ErrorKind::kTaskStateInvalid);
  EXPECT_EQ("RUNNING", Status(kFailed));
}

TEST_F(TaskOperations, RetryRefusedUnlessFailed) {
  ExpectRefused(TaskPath(kFailsOnce) + "/retry", 400,
                mock::ocp::ErrorKind::kTaskStateInvalid);  // RUNNING
  ASSERT_EQ(200, Get(TaskPath(6202983)).http.status);
  ExpectRefused(TaskPath(6202983) + "/retry", 400,
                mock::ocp::ErrorKind::kTaskStateInvalid);  // SUCCESSFUL
  EXPECT_EQ("RUNNING", Status(kFailsOnce));
}

TEST_F(TaskOperations, RollbackAFailedTaskToTheEnd) {
  Fetched f = Post(TaskPath(kFailed) + "/rollback");
  ASSERT_EQ(200, f.http.status) << f.http.body;
  EXPECT_STREQ("ROLLBACK", f.json["data"]["operation"].GetString());
  EXPECT_STREQ("RUNNING", f.json["data"]["status"].GetString());
  AdvanceClock(600);
  rapidjson::Document done = TaskDetail(kFailed);
  EXPECT_STREQ("SUCCESSFUL", done["status"].GetString());
  EXPECT_STREQ("ROLLBACK", (*SubtaskOf(done, 80000042))["operation"].GetString());
  EXPECT_STREQ("ROLLBACK", (*SubtaskOf(done, 80000041))["operation"].GetString());
  EXPECT_STREQ("PENDING", (*SubtaskOf(done, 80000043))["status"].GetString()) << "never ran";
}

TEST_F(TaskOperations, RollbackRefusals) {
  ExpectRefused(TaskPath(kNoRollback) + "/rollback", 400,
                mock::ocp::ErrorKind::kTaskCannotRollback);
  ExpectRefused(TaskPath(kLongRun) + "/rollback", 400, mock::ocp::ErrorKind::kTaskStateInvalid);
  EXPECT_EQ("FAILED", Status(kNoRollback));
}

TEST_F(TaskOperations, RetryAFailedSubtaskReturnsTheSubtask) {
  Fetched f = Post(SubtaskPath(kFailed, 80000042) + "/retry");
  ASSERT_EQ(200, f.http.status) << f.http.body;
  EXPECT_EQ(80000042, f.json["data"]["id"].GetInt64());
  EXPECT_STREQ("READY", f.json["data"]["status"].GetString());
  EXPECT_STREQ("RETRY", f.json["data"]["operation"].GetString());
  EXPECT_EQ("RUNNING", Status(kFailed));
  ExpectRefused(SubtaskPath(kFailed, 80000041) + "/retry", 400,
                mock::ocp::ErrorKind::kTaskStateInvalid);  // SUCCESSFUL
}

TEST_F(TaskOperations, SkipAFailedSubtaskMarksItSuccessful) {
  Fetched f = Post(SubtaskPath(kFailed, 80000042) + "/skip");
  ASSERT_EQ(200, f.http.status) << f.http.body;
  EXPECT_FALSE(f.json.HasMember("data"));
  AdvanceClock(600);
  rapidjson::Document done = TaskDetail(kFailed);
  EXPECT_STREQ("SKIP", (*SubtaskOf(done, 80000042))["operation"].GetString());
  EXPECT_STREQ("SUCCESSFUL", (*SubtaskOf(done, 80000042))["status"].GetString());
  EXPECT_STREQ("SUCCESSFUL", done["status"].GetString());
  ExpectRefused(SubtaskPath(kFailed, 80000041) + "/skip", 400,
                mock::ocp::ErrorKind::kSubtaskCannotSkip);
}

TEST_F(TaskOperations, CancelARunningSubtask) {
  Fetched f = Post(SubtaskPath(kLongRun, 80000032) + "/cancel");
  ASSERT_EQ(200, f.http.status) << f.http.body;
  EXPECT_FALSE(f.json.HasMember("data"));
  EXPECT_STREQ("CANCELING", (*SubtaskOf(TaskDetail(kLongRun), 80000032))["status"].GetString());
  ExpectRefused(SubtaskPath(kLongRun, 80000032) + "/cancel", 400,
                mock::ocp::ErrorKind::kTaskStateInvalid);
  AdvanceClock(5);
  rapidjson::Document done = TaskDetail(kLongRun);
  EXPECT_STREQ("FAILED", (*SubtaskOf(done, 80000032))["status"].GetString());
  EXPECT_STREQ("FAILED", done["status"].GetString());
  ExpectRefused(SubtaskPath(kLongRun, 80000033) + "/cancel", 400,
                mock::ocp::ErrorKind::kTaskStateInvalid);  // PENDING
}

TEST_F(TaskOperations, UnknownTaskOrSubtaskIs404) {
  for (const std::string& target :
       {TaskPath(987654321) + "/retry", TaskPath(987654321) + "/rollback",
        SubtaskPath(kFailed, 987654321) + "/retry", SubtaskPath(kFailed, 987654321) + "/skip",
        SubtaskPath(987654321, 80000042) + "/cancel"}) {
    ExpectRefused(target, 404, mock::ocp::ErrorKind::kTaskNotFound);
  }
}

TEST_F(TaskOperations, ResetRestoresTheFixtures) {
  ASSERT_EQ(200, Post(TaskPath(kFailed) + "/retry").http.status);
  AdvanceClock(600);
  EXPECT_EQ("SUCCESSFUL", Status(kFailed));
  ResetMock();
  EXPECT_EQ("FAILED", Status(kFailed));
}

TEST_F(TaskOperations, LogsGrowAsSubtasksRun) {
  AdvanceClock(2);  // the first subtask of kFailsOnce starts after 1 s
  const std::string log = SubtaskPath(kFailsOnce, 80000011) + "/log";
  std::string started = Get(log).json["data"]["log"].GetString();
  EXPECT_NE(std::string::npos, started.find("############{EXECUTE}{")) << started;
  AdvanceClock(10);
  std::string finished = Get(log).json["data"]["log"].GetString();
  EXPECT_GT(finished.size(), started.size());
  EXPECT_NE(std::string::npos, finished.find("new state: SUCCESSFUL")) << finished;
}

// The acceptance scenario: a client that polls a task every few seconds until it is SUCCESSFUL
// or FAILED, reading data.status and subtasks, and retries it when it fails. Task kFailsOnce
// fails on its first run and finishes on the second.
TEST_F(TaskOperations, PollingClientRetriesAFailedTaskToSuccess) {
  auto poll_until_done = [](int64_t task, int* polls) {
    for (; *polls < 200; ++*polls) {
      rapidjson::Document t = TaskDetail(task);
      std::string status = t["status"].GetString();
      for (const auto& s : t["subtasks"].GetArray()) EXPECT_TRUE(s.HasMember("status"));
      if (status == "SUCCESSFUL" || status == "FAILED") return status;
      AdvanceClock(3);  // "every few seconds", on the mock's clock
    }
    return std::string("still running");
  };
  int polls = 0;
  ASSERT_EQ("FAILED", poll_until_done(kFailsOnce, &polls)) << "the first run must fail";
  EXPECT_STREQ("FAILED", (*SubtaskOf(TaskDetail(kFailsOnce), 80000012))["status"].GetString());
  ASSERT_EQ(200, Post(TaskPath(kFailsOnce) + "/retry").http.status);
  ASSERT_EQ("SUCCESSFUL", poll_until_done(kFailsOnce, &polls));
  rapidjson::Document done = TaskDetail(kFailsOnce);
  EXPECT_EQ(2, (*SubtaskOf(done, 80000012))["runTime"].GetInt()) << "finished on the second run";
  EXPECT_EQ(1, (*SubtaskOf(done, 80000011))["runTime"].GetInt()) << "succeeded once, not rerun";
  EXPECT_TRUE(done.HasMember("finishTime"));
  EXPECT_LT(polls, 30);
}

}  // namespace
}  // namespace contract
