// Live mode never changes a live OCP unless asked to: with OCP_ALLOW_MUTATIONS=1 and
// OCP_TASK_ID=N, it retries task N (if N is FAILED the retry must succeed; otherwise it must be
// refused with OCP's task-state error). Without both, this is skipped. It runs only on its own
// (--gtest_filter=LiveMutations.*): changing a task in the middle of the read-only checks would
// contradict what they learned from the server at the start.
#include <gtest/gtest.h>

#include <cstdlib>

#include "contract_tests/support/task_client.h"

namespace contract {
namespace {

TEST(LiveMutations, RetryTheNamedTask) {
  const char* allow = std::getenv("OCP_ALLOW_MUTATIONS");
  const char* task = std::getenv("OCP_TASK_ID");
  if (!ServerUnderTest::Get().live()) GTEST_SKIP() << "mock mode: see task_operations_test.cc";
  if (allow == nullptr || std::string(allow) != "1" || task == nullptr) {
    GTEST_SKIP() << "set OCP_ALLOW_MUTATIONS=1 and OCP_TASK_ID to retry a live task";
  }
  if (testing::GTEST_FLAG(filter) != "LiveMutations.*") {
    GTEST_SKIP() << "run it on its own, with --gtest_filter=LiveMutations.*";
  }
  const int64_t id = std::stoll(task);
  rapidjson::Document before = TaskDetail(id);
  ASSERT_TRUE(before.IsObject());
  const bool failed = std::string(before["status"].GetString()) == "FAILED";
  Fetched f = Post(TaskPath(id) + "/retry");
  if (failed) {
    EXPECT_EQ(200, f.http.status) << f.http.body;
    EXPECT_STREQ("RUNNING", f.json["data"]["status"].GetString());
  } else {
    EXPECT_EQ(400, f.http.status) << f.http.body;
  }
}

}  // namespace
}  // namespace contract
