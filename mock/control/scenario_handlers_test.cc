// Tasks set up at runtime: what PUT, POST and DELETE /__mock/tasks change, that lists, details
// and the simulator see it at once, that a reset undoes it, and that every bad body is a 400
// which changes nothing.
#include "mock/control/scenario_handlers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

// A fixture entry for task `id` in `status`, with one subtask in `subtask_status`, on cluster
// `cluster` (whose name is `cluster_name`) and its tenant 11.
std::string Entry(int64_t id, const std::string& status, const std::string& subtask_status,
                  int64_t cluster = 1, const std::string& cluster_name = "c1") {
  return R"({"task": {"id": )" + std::to_string(id) + R"(, "name": "Prepare host", "status": ")" +
         status + R"(", "creator": {"id": 100, "name": "admin"},
      "cluster": {"id": )" +
         std::to_string(cluster) + R"(, "name": ")" + cluster_name +
         R"(", "obClusterId": 1, "type": "PRIMARY"},
      "tenant": {"id": 11, "name": "t1", "obTenantId": 1001, "mode": "MYSQL"},
      "startTime": "2026-12-01T10:00:00.000+08:00",
      "subtasks": [{"id": )" +
         std::to_string(id * 10 + 1) +
         R"(, "name": "Check", "description": "Check", "operation": "EXECUTE", "status": ")" +
         subtask_status + R"("}]}})";
}

struct Harness : testing::TestApi {
  http::Response Put(int64_t id, const std::string& body) {
    return Send("PUT", "/__mock/tasks/" + std::to_string(id), {}, body);
  }
  int64_t Total() {
    auto doc = json::ParseJson(Send("GET", "/api/v2/tasks/instances").body);
    return doc.value()["data"]["page"]["totalElements"].GetInt64();
  }
};

TEST(ScenarioApiTest, APutTaskShowsAtOnceAndAResetUndoesIt) {
  Harness h;
  ASSERT_EQ(1, h.Total());
  http::Response r = h.Put(900, Entry(900, "FAILED", "FAILED"));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("added":1,"replaced":0,"tasks":2)"));
  EXPECT_EQ(2, h.Total());
  EXPECT_EQ(200, h.Send("GET", "/api/v2/tasks/instances/900").status);
  EXPECT_THAT(h.Send("GET", "/api/v2/tasks/instances?status=FAILED&clusterId=1").body,
              HasSubstr(R"("id":900)"))
      << "the index knows it";
  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/900/retry").status)
      << "operations apply to it";
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=tasks").status);
  EXPECT_EQ(1, h.Total());
  EXPECT_EQ(404, h.Send("GET", "/api/v2/tasks/instances/900").status);
}

TEST(ScenarioApiTest, APutReplacesAndTheSimulatorRunsIt) {
  Harness h;
  ASSERT_EQ(200, h.Put(7, Entry(7, "RUNNING", "RUNNING")).status);
  EXPECT_EQ(1, h.Total()) << "replaced, not added";
  auto detail = json::ParseJson(h.Send("GET", "/api/v2/tasks/instances/7").body);
  EXPECT_STREQ("RUNNING", detail.value()["data"]["status"].GetString());
  h.clock.Advance(int64_t{3600} * 1000);
  detail = json::ParseJson(h.Send("GET", "/api/v2/tasks/instances/7").body);
  EXPECT_STRNE("RUNNING", detail.value()["data"]["status"].GetString())
      << "the simulator moved the task on";
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  detail = json::ParseJson(h.Send("GET", "/api/v2/tasks/instances/7").body);
  EXPECT_STREQ("FAILED", detail.value()["data"]["status"].GetString()) << "the fixture's again";
}

TEST(ScenarioApiTest, PostAddsAWholeFileAndDeleteRemoves) {
  Harness h;
  const std::string file = R"({"format": "ocp-mock-fixtures/1", "tasks": [)" +
                           Entry(901, "SUCCESSFUL", "SUCCESSFUL") + "," +
                           Entry(902, "FAILED", "FAILED") + "]}";
  http::Response r = h.Send("POST", "/__mock/tasks", {}, file);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_EQ(3, h.Total());
  EXPECT_EQ(200, h.Send("DELETE", "/__mock/tasks/7").status);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/tasks/instances/7").status);
  EXPECT_EQ(2, h.Total());
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/tasks/7").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(1, h.Total());
  EXPECT_EQ(200, h.Send("GET", "/api/v2/tasks/instances/7").status) << "removed, then reset";
}

// Each bad body: a 400 naming the place and the reason, as at start-up; nothing changes.
TEST(ScenarioApiTest, BadBodiesAreRefusedAndChangeNothing) {
  Harness h;
  ASSERT_EQ(200, h.Put(900, Entry(900, "FAILED", "FAILED", 5, "c5")).status);
  const std::vector<std::tuple<int64_t, std::string, std::string>> cases = {
      {901, Entry(901, "SUCCESSFUL", "RUNNING"), "request body: /task"},
      {901, Entry(901, "SUCCESSFUL", "RUNNING"), "RUNNING"},
      {901, Entry(901, "FAILED", "SUCCESSFUL"), "FAILED"},
      {901, Entry(901, "DONE", "SUCCESSFUL"), "request body: /task/status"},
      {902, Entry(901, "FAILED", "FAILED"), "/task/id: 901 differs from the path's 902"},
      {901, Entry(901, "FAILED", "FAILED", 5, "other name"), "cluster 5 is described differently"},
      {901, R"({"task": {"id": 901}, "colour": "red"})", "request body: "},
      {901, R"({"task": )", "not valid JSON"},
      {901, R"({"task": {}}]} , {"x": [)", "not valid JSON"},
      {901, "", "not valid JSON"},
  };
  for (const auto& [id, body, says] : cases) {
    http::Response r = h.Put(id, body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(says)) << body;
  }
  EXPECT_EQ(400, h.Send("POST", "/__mock/tasks", {}, R"({"tasks": []})").status) << "no format";
  EXPECT_EQ(2, h.Total()) << "nothing was added";
}

}  // namespace
}  // namespace mock::api
