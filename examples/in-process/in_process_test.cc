// The task client of examples/cpp-client, tested against ocp-mock running inside the test
// process: no binary to find, no port to pick, no ready line to read.
#include <gtest/gtest.h>
#include <ocpmock/server.h>

#include "../cpp-client/task_client.h"

namespace {

TEST(InProcess, WaitsForATaskThroughA503AndTheClockMoving) {
  ocpmock::Server mock;  // bundled fixtures, a free port, the clock frozen
  mock.PutTask(990001, R"({"task": {"id": 990001, "name": "Create tenant", "status": "RUNNING",
      "creator": {"id": 100, "name": "admin"}, "startTime": "2026-12-01T10:00:00.000+08:00",
      "subtasks": [{"id": 9900011, "name": "Create tenant", "description": "Create tenant",
      "operation": "EXECUTE", "status": "RUNNING", "timeout": 30}]}})");
  mock.AddFault(R"({"match": {"method": "GET", "path": "/api/v2/tasks/instances/990001"},
      "action": {"type": "status", "status": 503}, "times": 1})");
  example::TaskClient client(mock.url(), "admin", "Admin@123");
  auto status = client.WaitDone(990001, [&] { mock.AdvanceClock(60); });
  ASSERT_TRUE(status.has_value());
  EXPECT_NE("RUNNING", *status);
  EXPECT_GE(mock.CountRequests("path=/api/v2/tasks/instances/990001&status=503"), 1u);
  EXPECT_GE(mock.CountRequests("path=/api/v2/tasks/instances/990001&status=200"), 1u);
}

TEST(InProcess, RefusedCallsThrowWithTheEndpointsMessage) {
  ocpmock::Server mock;
  try {
    mock.AddFault(R"({"match": {"method": "GET"}, "action": {"type": "status", "status": 2}})");
    FAIL() << "a status of 2 was accepted";
  } catch (const ocpmock::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/action/status"), std::string::npos) << e.what();
  }
  ocpmock::Options missing;  // C++17: no designated initializers in a client project
  missing.fixtures_dir = "/nonexistent";
  EXPECT_THROW(ocpmock::Server{missing}, ocpmock::Error);
}

TEST(InProcess, ServesFixtureJsonGivenInMemoryAndResets) {
  ocpmock::Options options;
  options.fixture_json = R"({"format": "ocp-mock-fixtures/1", "tasks": [{"task": {"id": 7,
      "name": "Only", "status": "FAILED", "creator": {"id": 100, "name": "admin"},
      "startTime": "2026-12-01T10:00:00.000+08:00", "finishTime": "2026-12-01T10:01:00.000+08:00",
      "subtasks": [{"id": 71, "name": "Check", "description": "Check", "operation": "EXECUTE",
      "status": "FAILED"}]}}]})";
  ocpmock::Server mock(options);
  example::TaskClient client(mock.url(), "admin", "Admin@123");
  EXPECT_EQ("FAILED", client.Status(7).value_or(""));
  EXPECT_TRUE(client.Retry(7));
  EXPECT_EQ("RUNNING", client.Status(7).value_or(""));
  EXPECT_EQ(1u, mock.CountRequests("method=POST"));
  mock.Reset();
  EXPECT_EQ("FAILED", client.Status(7).value_or(""));
  EXPECT_EQ(1u, mock.CountRequests()) << "the journal starts again after a reset";
}

}  // namespace
