// The client's tests against ocp-mock, one per control-plane capability a client's CI uses:
// the request journal (it retried exactly once), faults (it rides out a 503 burst and a dropped
// connection), and tasks set up at runtime (it waits for a task the test created).
#include <gtest/gtest.h>

#include "mock_server.h"
#include "task_client.h"

namespace example {
namespace {

class TaskClientTest : public testing::Test {
 protected:
  // One server for the suite; each test starts from the fixtures' state.
  static void SetUpTestSuite() { mock_ = new MockServer({"--time-scale", "0"}); }
  static void TearDownTestSuite() { delete mock_; }
  void SetUp() override { ASSERT_EQ(200, client_.Send("POST", "/__mock/reset").status); }

  // A /__mock/ call's `data.<field>` number, e.g. the journal's count.
  long long Count(const std::string& filters) {
    HttpAnswer a = client_.Send("GET", "/__mock/requests/count?" + filters);
    const size_t at = a.body.find("\"count\":");
    return at == std::string::npos ? -1 : std::stoll(a.body.substr(at + 8));
  }

  static MockServer* mock_;
  TaskClient client_{mock_->url(), "admin", "Admin@123"};
};
MockServer* TaskClientTest::mock_ = nullptr;

// Verification with the journal: the client retried task 8000004 exactly once.
TEST_F(TaskClientTest, RetriesAFailedTaskExactlyOnce) {
  ASSERT_EQ("FAILED", client_.Status(8000004).value_or("?"));
  ASSERT_TRUE(client_.Retry(8000004));
  EXPECT_EQ(1, Count("method=POST&path=/api/v2/tasks/instances/8000004/retry"));
  EXPECT_EQ(0, Count("method=POST&path=/api/v2/tasks/instances/*/rollback"));
}

// Faults: three 503s, then a dropped connection, and the client still gets its answer.
TEST_F(TaskClientTest, RidesOutA503BurstAndAReset) {
  ASSERT_EQ(200, client_
                     .Send("POST", "/__mock/faults",
                           R"({"match": {"path": "/api/v2/tasks/instances/8000004"},
                               "action": {"type": "status", "status": 503}, "times": 3})")
                     .status);
  ASSERT_EQ(200, client_
                     .Send("POST", "/__mock/faults",
                           R"({"match": {"path": "/api/v2/tasks/instances/8000004"},
                               "action": {"type": "reset"}, "times": 1})")
                     .status);
  EXPECT_EQ("FAILED", client_.Status(8000004, 5).value_or("gave up"));
  EXPECT_EQ(5, Count("path=/api/v2/tasks/instances/8000004")) << "3 503s, 1 reset, 1 answer";
  EXPECT_EQ(3, Count("path=/api/v2/tasks/instances/8000004&status=503"));
}

// A scenario set up at runtime: a RUNNING task the client waits on, the test moving the clock.
TEST_F(TaskClientTest, WaitsForATaskTheTestCreated) {
  HttpAnswer put = client_.Send("PUT", "/__mock/tasks/9100001", R"({"task": {
      "id": 9100001, "name": "Prepare host", "status": "RUNNING",
      "creator": {"id": 100, "name": "admin"},
      "subtasks": [
        {"id": 91000011, "name": "Check host", "description": "Check host",
         "operation": "EXECUTE", "status": "PENDING", "downstreams": [91000012]},
        {"id": 91000012, "name": "Install agent", "description": "Install agent",
         "operation": "EXECUTE", "status": "PENDING", "upstreams": [91000011]}]}})");
  ASSERT_EQ(200, put.status) << put.body;
  int polls = 0;
  auto advance = [&] {
    ++polls;
    client_.Send("POST", "/__mock/clock/advance?seconds=30");
  };
  EXPECT_EQ("SUCCESSFUL", client_.WaitDone(9100001, advance).value_or("timed out"));
  EXPECT_GE(polls, 1) << "it was running when the client started waiting";
}

}  // namespace
}  // namespace example
