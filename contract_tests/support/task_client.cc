#include "contract_tests/support/task_client.h"

#include <gtest/gtest.h>

namespace contract {

std::string TaskPath(int64_t task_id) {
  return "/api/v2/tasks/instances/" + std::to_string(task_id);
}

std::string SubtaskPath(int64_t task_id, int64_t subtask_id) {
  return TaskPath(task_id) + "/subtasks/" + std::to_string(subtask_id);
}

Fetched Get(const std::string& target) { return ServerUnderTest::Get().Fetch(target, "GET"); }
Fetched Post(const std::string& target) { return ServerUnderTest::Get().Fetch(target, "POST"); }

rapidjson::Document TaskDetail(int64_t task_id) {
  Fetched f = Get(TaskPath(task_id));
  EXPECT_EQ(200, f.http.status) << f.http.body;
  rapidjson::Document data;
  if (f.http.status == 200) data.CopyFrom(f.json["data"], data.GetAllocator());
  return data;
}

const rapidjson::Value* SubtaskOf(const rapidjson::Value& task, int64_t subtask_id) {
  if (!task.IsObject() || !task.HasMember("subtasks")) return nullptr;
  for (const auto& s : task["subtasks"].GetArray()) {
    if (s["id"].GetInt64() == subtask_id) return &s;
  }
  return nullptr;
}

void AdvanceClock(double seconds) {
  char query[64];
  std::snprintf(query, sizeof query, "?seconds=%.3f", seconds);
  EXPECT_EQ(200, Post(std::string("/__mock/clock/advance") + query).http.status);
}

void ResetMock() { EXPECT_EQ(200, Post("/__mock/reset").http.status); }

std::string ErrorCode(const Fetched& f) {
  if (!f.json.IsObject() || !f.json.HasMember("error")) return "";
  const auto& code = f.json["error"]["code"];
  return code.IsString() ? code.GetString() : std::to_string(code.GetInt64());
}

}  // namespace contract
