// Reloading fixtures and users while serving (POST /__mock/fixtures/reload, SIGHUP), through a
// real ocp-mock process on a fixture folder of the test's own.
#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include "contract_tests/support/server_under_test.h"

#include "mock/json/json.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

namespace fs = std::filesystem;

class ReloadTest : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) {
      GTEST_SKIP() << "ocp-mock's own control plane: checked in mock mode only";
    }
    dir_ = fs::path(testing::TempDir()) / ("reload-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "tasks");
    const fs::path source(OCPMOCK_SOURCE_DIR);
    fs::copy_file(source / "fixtures/tasks/00-documented-samples.json",
                  dir_ / "tasks/00-documented-samples.json");
    fs::copy_file(source / "fixtures/users.json", dir_ / "users.json");
    mock_ = std::make_unique<MockProcess>(OCPMOCK_BINARY,
                                          std::vector<std::string>{"--fixtures", dir_.string()},
                                          MockProcess::Options{"info", (dir_ / "log").string()});
    admin_ = std::make_unique<HttpClient>(mock_->base_url(), "admin", "Admin@123");
    control_ = std::make_unique<HttpClient>(mock_->base_url(), std::nullopt, std::nullopt);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  long Total() {
    HttpResult r = admin_->Send("GET", "/api/v2/tasks/instances");
    const size_t at = r.body.find("\"totalElements\":");
    return at == std::string::npos ? -1 : std::stol(r.body.substr(at + 16));
  }
  void Write(const fs::path& file, const std::string& text) { std::ofstream(dir_ / file) << text; }
  // Waits (at most 10 s) until the server has `want` tasks; SIGHUP is handled asynchronously.
  bool AwaitTotal(long want) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Total() == want) return true;
    }
    return false;
  }
  std::string Log() {
    std::ifstream in(dir_ / "log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
  std::unique_ptr<MockProcess> mock_;
  std::unique_ptr<HttpClient> admin_;
  std::unique_ptr<HttpClient> control_;
};

// Entity files are read again with the tasks; a broken one changes nothing, tasks included.
TEST_F(ReloadTest, ReloadReadsTheEntityFilesToo) {
  auto stopped = [this] {
    auto doc =
        mock::json::ParseJson(admin_->Send("GET", "/api/v2/ob/clusters?status=STOPPED").body);
    return doc.ok() ? doc.value()["data"]["page"]["totalElements"].GetInt64() : -1;
  };
  ASSERT_EQ(0, stopped());
  // The first cluster the tasks name, described by an entity file as STOPPED.
  auto listed = mock::json::ParseJson(admin_->Send("GET", "/api/v2/ob/clusters?size=1").body);
  ASSERT_TRUE(listed.ok());
  rapidjson::Document cluster;
  cluster.CopyFrom(listed.value()["data"]["contents"][0], cluster.GetAllocator());
  cluster.RemoveMember("tenantCount");  // counted live, not described
  cluster["status"].SetString("STOPPED");
  fs::create_directories(dir_ / "entities");
  rapidjson::StringBuffer text;
  rapidjson::Writer<rapidjson::StringBuffer> writer(text);
  cluster.Accept(writer);
  Write("entities/a.json", R"({"format": "ocp-mock-entities/1", "clusters": [)" +
                               std::string(text.GetString()) + "]}");
  HttpResult r = control_->Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("\"clusters\":")) << r.body;
  EXPECT_EQ(1, stopped());
  Write("entities/b.json", R"({"format": "ocp-mock-entities/1", "clusters": [{"id": 1}]})");
  r = control_->Send("POST", "/__mock/fixtures/reload");
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("b.json")) << r.body;
  EXPECT_EQ(1, stopped()) << "the old entities still serve";
}

TEST_F(ReloadTest, ReloadReadsNewFilesAndABrokenOneChangesNothing) {
  ASSERT_EQ(2, Total());
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks/20-scenarios.json",
                dir_ / "tasks/20-scenarios.json");
  HttpResult r = control_->Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  const long reloaded = Total();
  EXPECT_GT(reloaded, 2);
  EXPECT_NE(std::string::npos, r.body.find("\"tasks\":" + std::to_string(reloaded))) << r.body;

  Write("tasks/30-broken.json", R"({"format": "ocp-mock-fixtures/1", "tasks": [{"task": {
      "id": 1, "name": "x", "status": "DONE", "creator": {"id": 1, "name": "a"},
      "subtasks": []}}]})");
  r = control_->Send("POST", "/__mock/fixtures/reload");
  EXPECT_EQ(400, r.status);
  EXPECT_NE(std::string::npos, r.body.find("30-broken.json: /tasks/0/task/status")) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("nothing was reloaded")) << r.body;
  EXPECT_EQ(reloaded, Total()) << "the old data still serves";
}

TEST_F(ReloadTest, UsersAreReloadedTooAndABrokenUsersFileKeepsTheOldOnes) {
  Write("users.json", R"({"format": "ocp-mock-users/1", "users": [{"id": 1, "name": "newcomer",
      "password": "pw", "permissions": ["TASK_VIEWER"]}]})");
  ASSERT_EQ(200, control_->Send("POST", "/__mock/fixtures/reload").status);
  EXPECT_EQ(401, admin_->Send("GET", "/api/v2/tasks/instances").status) << "admin is gone";
  HttpClient newcomer(mock_->base_url(), "newcomer", "pw");
  EXPECT_EQ(200, newcomer.Send("GET", "/api/v2/tasks/instances").status);
  Write("users.json", R"({"users": [{"id": "one"}]})");
  HttpResult r = control_->Send("POST", "/__mock/fixtures/reload");
  EXPECT_EQ(400, r.status);
  EXPECT_NE(std::string::npos, r.body.find("users.json")) << r.body;
  EXPECT_EQ(200, newcomer.Send("GET", "/api/v2/tasks/instances").status);
}

TEST_F(ReloadTest, SighupReloadsAndLogsAFailure) {
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks/20-scenarios.json",
                dir_ / "tasks/20-scenarios.json");
  ASSERT_EQ(0, kill(mock_->pid(), SIGHUP));
  ASSERT_TRUE(AwaitTotal(2 + 4)) << Log();
  Write("tasks/30-broken.json", "{");
  ASSERT_EQ(0, kill(mock_->pid(), SIGHUP));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (Log().find("SIGHUP: fixture refused") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // polling the log file
  }
  EXPECT_NE(std::string::npos, Log().find("30-broken.json")) << Log();
  EXPECT_EQ(6, Total()) << "still serving what the last good reload read";
}

}  // namespace
}  // namespace contract
