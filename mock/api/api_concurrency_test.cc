// Lists and changes together: replies own their task snapshots and render after the store's
// lock is released, so a list in flight never blocks a change and never sees half of one.
// Built into mock_api_concurrency_tests, which tools/test --full also runs under ThreadSanitizer.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "mock/api/api.h"
#include "mock/api/test_api.h"
#include "mock/families/tasks/task_handlers.h"
#include "mock/json/json.h"
#include "mock/tasks/test_tasks.h"

namespace mock::api {
namespace {

using model::TaskStatus;
using S = model::SubtaskStatus;

std::vector<model::Task> FailedTasks(int count) {
  std::vector<model::Task> tasks;
  for (int i = 1; i <= count; ++i) {
    tasks.push_back(tasks::testing::Chain(i, TaskStatus::kFailed, {S::kSuccessful, S::kFailed}));
  }
  return tasks;
}

std::string Render(const Reply& reply) {
  rapidjson::StringBuffer buffer;
  json::JsonWriter w(buffer);
  reply.write_data(w);
  return buffer.GetString();
}

TEST(ApiConcurrencyTest, AReplyWritesTheSnapshotItTookWithoutHoldingTheStore) {
  tasks::MockClock clock(0);
  tasks::TaskStore store(FailedTasks(3), clock);
  TaskHandlers handlers(store);
  auto list = handlers.List({{"status", "FAILED"}});
  ASSERT_TRUE(list.ok());
  // The store is free while the reply is unwritten: this would deadlock otherwise.
  ASSERT_TRUE(handlers.RetryTask(2).ok());
  const std::string before = Render(list.value());
  EXPECT_NE(std::string::npos, before.find("\"totalElements\":3")) << before;
  EXPECT_EQ(std::string::npos, before.find("RUNNING")) << "the snapshot predates the retry";
  auto again = handlers.List({{"status", "FAILED"}});
  EXPECT_NE(std::string::npos, Render(again.value()).find("\"totalElements\":2"));
}

// Threads list whole pages (rendering each) while others retry, cancel, advance the clock and
// reset. Every list must be valid JSON whose page is as long as its totals say.
TEST(ApiConcurrencyTest, ListsAndChangesRaceSafely) {
  tasks::MockClock clock(0);
  tasks::TaskStore store(FailedTasks(40), clock);
  Api api(ApiOptions{}, store, clock, nullptr);
  std::atomic<bool> stop{false};
  std::atomic<int> lists{0};
  auto get = [&](const std::string& method, const std::string& target) {
    return api.Handle(http::MakeRequest(method, target).value());
  };
  std::vector<std::thread> listers;
  for (int i = 0; i < 3; ++i) {
    listers.emplace_back([&] {
      while (!stop.load()) {
        http::Response r = get("GET", "/api/v2/tasks/instances?size=2000&sort=status,asc");
        ASSERT_EQ(200, r.status) << r.body;
        auto doc = json::ParseJson(r.body);
        ASSERT_TRUE(doc.ok()) << r.body;
        const auto& data = doc.value()["data"];
        EXPECT_EQ(data["page"]["totalElements"].GetInt64(),
                  static_cast<int64_t>(data["contents"].Size()));
        ++lists;
      }
    });
  }
  std::thread changer([&] {
    for (int k = 0; k < 400; ++k) {
      const std::string id = std::to_string(1 + k % 40);
      get("POST", "/api/v2/tasks/instances/" + id + "/retry");
      get("POST", "/api/v2/tasks/instances/" + id + "/subtasks/" + id + "2/cancel");
      get("POST", "/__mock/clock/advance?seconds=1");
      if (k % 100 == 99) get("POST", "/__mock/reset");
    }
    stop.store(true);
  });
  changer.join();
  for (auto& t : listers) t.join();
  EXPECT_GT(lists.load(), 0);
}

// GET /__mock/openapi.json builds each document on its first request and keeps it, under a lock
// (api/openapi_endpoint.h): threads asking for several versions and variants at once, first
// requests included, each get the one document, the same bytes as every other thread.
TEST(ApiConcurrencyTest, OpenApiDocumentsAreBuiltAndKeptRaceSafely) {
  testing::TestApi api;
  const std::vector<std::string> targets = {
      "/__mock/openapi.json", "/__mock/openapi.json?version=4.0.0",
      "/__mock/openapi.json?strict=true", "/__mock/openapi.json?plane=control"};
  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < targets.size(); ++i) {
        const std::string& target = targets[(i + t) % targets.size()];
        const http::Response r = api.Send("GET", target);
        seen[t].push_back(r.status == 200 ? target + " " + std::to_string(r.body.size())
                                          : target + " failed " + std::to_string(r.status));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::vector<std::string> first = seen[0];
  std::sort(first.begin(), first.end());
  for (auto& s : seen) {
    std::sort(s.begin(), s.end());
    EXPECT_EQ(first, s);
    for (const std::string& line : s) EXPECT_EQ(std::string::npos, line.find("failed")) << line;
  }
}

}  // namespace
}  // namespace mock::api
