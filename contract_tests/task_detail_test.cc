// Read-only task operations: details and subtask logs agree with the list, and unknown ids are
// 404s. These run against a live OCP too.
#include <gtest/gtest.h>

#include <set>

#include "contract_tests/support/oracle.h"

namespace contract {
namespace {

const std::string kTasks = "/api/v2/tasks/instances/";

TEST(TaskDetail, AgreesWithTheListForEveryTask) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  size_t checked = 0;
  for (const KnownTask& known : server.tasks()) {
    if (checked++ == 300) break;  // enough for a live server with many tasks
    Fetched f = server.Fetch(kTasks + std::to_string(known.id));
    ASSERT_EQ(200, f.http.status) << known.id;
    const auto& data = f.json["data"];
    EXPECT_EQ(known.id, data["id"].GetInt64());
    EXPECT_EQ(known.name, data["name"].GetString());
    EXPECT_EQ(known.status, data["status"].GetString()) << known.id;
    if (known.type) {
      EXPECT_EQ(*known.type, data["type"].GetString()) << known.id;
    }
    std::set<int64_t> ids;
    for (const auto& s : data["subtasks"].GetArray()) ids.insert(s["id"].GetInt64());
    EXPECT_EQ(ids.size(), data["subtasks"].Size()) << "duplicate subtask ids in " << known.id;
  }
  EXPECT_GT(checked, 0u);
}

TEST(TaskDetail, SubtaskGraphIsConsistent) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  for (size_t i = 0; i < server.tasks().size() && i < 100; ++i) {
    Fetched f = server.Fetch(kTasks + std::to_string(server.tasks()[i].id));
    ASSERT_EQ(200, f.http.status);
    std::set<std::pair<int64_t, int64_t>> up, down;
    for (const auto& s : f.json["data"]["subtasks"].GetArray()) {
      for (const auto& u : s["upstreams"].GetArray()) up.insert({u.GetInt64(), s["id"].GetInt64()});
      for (const auto& d : s["downstreams"].GetArray()) {
        down.insert({s["id"].GetInt64(), d.GetInt64()});
      }
    }
    EXPECT_EQ(up, down) << "upstreams and downstreams disagree in task " << server.tasks()[i].id;
  }
}

TEST(TaskDetail, EverySubtaskHasALog) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  size_t logs = 0;
  for (size_t i = 0; i < server.tasks().size() && i < 20; ++i) {
    const std::string task = kTasks + std::to_string(server.tasks()[i].id);
    Fetched detail = server.Fetch(task);
    ASSERT_EQ(200, detail.http.status);
    for (const auto& s : detail.json["data"]["subtasks"].GetArray()) {
      Fetched log = server.Fetch(task + "/subtasks/" + std::to_string(s["id"].GetInt64()) + "/log");
      EXPECT_EQ(200, log.http.status);
      std::string status = s["status"].GetString();
      if (status != "PENDING" && status != "READY" && !server.live()) {
        EXPECT_FALSE(std::string(log.json["data"]["log"].GetString()).empty())
            << "subtask " << s["id"].GetInt64() << " ran but has no log";
      }
      ++logs;
    }
  }
  EXPECT_GT(logs, 0u);
}

struct NotFoundCase {
  std::string name;
  std::string target;
  long status;
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the request and the
// status it must get.
void PrintTo(const NotFoundCase& c, std::ostream* os) {
  *os << "GET " << c.target << " -> " << c.status;
}

class TaskNotFound : public testing::TestWithParam<NotFoundCase> {};

TEST_P(TaskNotFound, AnswersWithTheTaskErrorCode) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  std::string target = GetParam().target;
  if (target.find("{known}") != std::string::npos) {
    ASSERT_FALSE(server.tasks().empty());
    target.replace(target.find("{known}"), 7, std::to_string(server.tasks().front().id));
  }
  Fetched f = server.Fetch(target);
  EXPECT_EQ(GetParam().status, f.http.status) << target;
  ASSERT_TRUE(f.json.IsObject());
  // 4001 up to OCP 4.2.1, TSK10001 in 4.2.2 (3.1.1 words the message differently).
  if (GetParam().status == 404) ExpectErrorOf(f.http, 404, mock::ocp::ErrorKind::kTaskNotFound);
}

INSTANTIATE_TEST_SUITE_P(
    Ids, TaskNotFound,
    testing::Values(NotFoundCase{"UnknownTask", kTasks + "987654321987", 404},
                    NotFoundCase{"NegativeTask", kTasks + "-5", 404},
                    NotFoundCase{"UnknownTaskLog", kTasks + "987654321987/subtasks/1/log", 404},
                    NotFoundCase{"UnknownSubtaskLog", kTasks + "{known}/subtasks/987654321987/log",
                                 404},
                    NotFoundCase{"TaskIdNotANumber", kTasks + "abc", 400},
                    NotFoundCase{"TaskIdPast64Bits", kTasks + "99999999999999999999", 400},
                    NotFoundCase{"SubtaskIdNotANumber", kTasks + "{known}/subtasks/x1/log", 400}),
    [](const testing::TestParamInfo<NotFoundCase>& p) { return p.param.name; });

}  // namespace
}  // namespace contract
