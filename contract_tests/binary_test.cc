// ocp-mock as a program: flags, the ready line, refusing bad fixtures, clean shutdown on
// SIGINT/SIGTERM, and the access log.
#include <gtest/gtest.h>
#include <signal.h>
#include <string.h>  // sigabbrev_np
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"
#include "tools/client/raw_http.h"

namespace contract {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs ocp-mock with `args` to completion (at most 20 s).
RunResult RunMock(const std::string& args) {
  const fs::path out = fs::temp_directory_path() / ("ocpmock-run-" + std::to_string(getpid()));
  std::string command =
      "timeout 20 '" + std::string(OCPMOCK_BINARY) + "' " + args + " > '" + out.string() + "' 2>&1";
  int status = std::system(command.c_str());
  std::ifstream in(out);
  std::stringstream s;
  s << in.rdbuf();
  fs::remove(out);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, s.str()};
}

HttpClient Admin(const MockProcess& mock) {
  return HttpClient(mock.base_url(), std::string(kAdminUser), std::string(kAdminPassword));
}

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() /
              ("ocpmock-bin-" + std::to_string(getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(path_ / "tasks");
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(Binary, HelpListsEveryFlag) {
  RunResult r = RunMock("--help");
  EXPECT_EQ(0, r.exit_code);
  for (const char* flag : {"--fixtures",
                           "--users",
                           "--no-auth",
                           "--time-scale",
                           "--schemas",
                           "--bind",
                           "--port",
                           "--server-name",
                           "--log-level",
                           "--max-request-bytes",
                           "--max-query-params",
                           "--keepalive-timeout",
                           "--max-connections",
                           "--max-header-bytes",
                           "--max-body-bytes",
                           "--help",
                           "--version",
                           "--ocp-version",
                           "--list-versions",
                           "--journal-size",
                           "--cors"}) {
    EXPECT_NE(std::string::npos, r.output.find(flag)) << flag;
  }
}

TEST(Binary, VersionPrintsTheVersion) {
  RunResult r = RunMock("--version");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(0u, r.output.rfind("ocp-mock ", 0)) << r.output;
}

TEST(Binary, RefusesBadFlagValues) {
  for (const char* args : {"--port 70000", "--port x", "--log-level loud", "--no-such-flag",
                           "--max-request-bytes 10"}) {
    RunResult r = RunMock(args);
    EXPECT_NE(0, r.exit_code) << args;
    EXPECT_FALSE(r.output.empty()) << args;
  }
}

TEST(Binary, RefusesAFixtureThatBreaksTheSchemaNamingFileAndLocation) {
  TempDir dir;
  std::ofstream(dir.path() / "tasks" / "broken.json")
      << R"({"format":"ocp-mock-fixtures/1","tasks":[{"task":{"id":1,"name":"t",)"
      << R"("status":"DONE","creator":{"id":1,"name":"a"},"subtasks":[]}}]})";
  RunResult r = RunMock("--port 0 --fixtures '" + dir.path().string() + "'");
  EXPECT_EQ(2, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("broken.json: /tasks/0/task/status")) << r.output;
  EXPECT_EQ(std::string::npos, r.output.find("listening on")) << "started anyway";
}

// A fixture is checked against the schemas of the version played: 4.2.0 has no STANDBY.
TEST(Binary, RefusesAFixtureTheVersionsSchemasDoNotAllow) {
  TempDir dir;
  std::ofstream(dir.path() / "tasks" / "standby.json")
      << R"({"format":"ocp-mock-fixtures/1","tasks":[{"task":{"id":1,"name":"t",)"
      << R"("status":"SUCCESSFUL","creator":{"id":1,"name":"a"},"subtasks":[],)"
      << R"("cluster":{"id":1,"name":"c","obClusterId":1,"type":"STANDBY"}}}]})";
  const std::string fixtures = " --no-auth --fixtures '" + dir.path().string() + "'";
  RunResult r = RunMock("--port 0 --ocp-version 4.2.0" + fixtures);
  EXPECT_EQ(2, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos,
            r.output.find("fixture refused (as OCP 4.2.0): " + (dir.path() / "tasks").string() +
                          "/standby.json: /tasks/0/task/cluster/type"))
      << r.output;
  MockProcess as421(OCPMOCK_BINARY,
                    {"--ocp-version", "4.2.1", "--no-auth", "--fixtures", dir.path().string()});
  EXPECT_EQ(200, HttpClient(as421.base_url(), std::nullopt, std::nullopt)
                     .Send("GET", "/api/v2/tasks/instances")
                     .status);
}

TEST(Binary, UnknownVersionListsTheKnownOnes) {
  RunResult r = RunMock("--port 0 --ocp-version 4.1.0");
  EXPECT_EQ(2, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos,
            r.output.find("no OCP version profile \"4.1.0\"; known: 3.1.1, 4.0.0, 4.0.3, 4.2.0, "
                          "4.2.1, 4.2.2"))
      << r.output;
  RunResult list = RunMock("--list-versions");
  EXPECT_EQ(0, list.exit_code);
  EXPECT_NE(std::string::npos, list.output.find("4.2.2    Prefixed error codes")) << list.output;
  EXPECT_NE(std::string::npos, list.output.find("(default)")) << list.output;
}

TEST(Binary, RefusesUnreadableJsonAndDuplicateIds) {
  TempDir bad_json;
  std::ofstream(bad_json.path() / "tasks" / "a.json") << "{\"format\": ";
  RunResult r = RunMock("--port 0 --fixtures '" + bad_json.path().string() + "'");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos,
            r.output.find("a.json: not valid JSON at line 1, column 12: invalid value"))
      << r.output;

  TempDir dup;
  const std::string task = R"({"task":{"id":7,"name":"t","status":"SUCCESSFUL",)"
                           R"("creator":{"id":1,"name":"a"},"subtasks":[]}})";
  std::ofstream(dup.path() / "tasks" / "a.json")
      << R"({"format":"ocp-mock-fixtures/1","tasks":[)" << task << "," << task << "]}";
  r = RunMock("--port 0 --fixtures '" + dup.path().string() + "'");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("duplicate task id 7")) << r.output;
}

TEST(Binary, RefusesAMissingFixtureFolder) {
  RunResult r = RunMock("--port 0 --fixtures /nonexistent/fixtures");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("--fixtures /nonexistent/fixtures: no such folder"))
      << r.output;
}

TEST(Binary, NoAuthServesWithoutCredentials) {
  MockProcess mock(OCPMOCK_BINARY, {"--no-auth"});
  HttpClient anonymous(mock.base_url(), std::nullopt, std::nullopt);
  EXPECT_EQ(200, anonymous.Send("GET", "/api/v2/tasks/instances?size=1").status);
  EXPECT_EQ(200, anonymous.Send("POST", "/api/v2/tasks/instances/8000004/retry").status);
  MockProcess secured(OCPMOCK_BINARY, {});
  HttpClient refused(secured.base_url(), std::nullopt, std::nullopt);
  EXPECT_EQ(401, refused.Send("GET", "/api/v2/tasks/instances?size=1").status);
}

TEST(Binary, RefusesABadUsersFileNamingFileAndLocation) {
  TempDir dir;
  std::ofstream(dir.path() / "users.json")
      << R"({"format":"ocp-mock-users/1","users":[{"id":1,"name":"a","password":"p",)"
      << R"("permissions":["TASK_ADMIN"]}]})";
  RunResult r = RunMock("--port 0 --users '" + (dir.path() / "users.json").string() + "'");
  EXPECT_EQ(2, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("users.json: /users/0/permissions/0")) << r.output;
  RunResult missing = RunMock("--port 0 --users /nonexistent/users.json");
  EXPECT_EQ(2, missing.exit_code);
  EXPECT_NE(std::string::npos, missing.output.find("--no-auth")) << missing.output;
}

// Idle connections, and ones that stall mid-request, are closed after --keepalive-timeout.
TEST(Binary, StalledConnectionsAreClosedAfterTheKeepAliveTimeout) {
  MockProcess mock(OCPMOCK_BINARY, {"--keepalive-timeout", "1", "--no-auth"});
  RawConnection silent(mock.base_url());
  RawConnection half(mock.base_url());
  half.SendOnly("GET /api/v2/tasks/inst");
  RawConnection served(mock.base_url());
  EXPECT_EQ(200, served
                     .Exchange("GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\nHost: t\r\n"
                               "Connection: keep-alive\r\n\r\n")
                     .status);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(silent.WaitClosed(10'000)) << "a connection that sent nothing stays open";
  EXPECT_TRUE(half.WaitClosed(10'000)) << "a half-sent request keeps its connection open";
  EXPECT_TRUE(served.WaitClosed(10'000)) << "an idle keep-alive connection stays open";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Binary, ConnectionsPastTheLimitGetA503) {
  MockProcess mock(OCPMOCK_BINARY, {"--max-connections", "2", "--no-auth"});
  const std::string request =
      "GET /api/v2/tasks/instances?size=1 HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\n";
  {
    RawConnection first(mock.base_url());
    RawConnection second(mock.base_url());
    EXPECT_EQ(200, first.Exchange(request).status);
    EXPECT_EQ(200, second.Exchange(request).status);
    RawConnection third(mock.base_url());
    RawResponse refused = third.Exchange(request);
    EXPECT_EQ(503, refused.status);
    EXPECT_TRUE(
        ServerUnderTest::SchemaSetForTools().ValidateText("error-envelope", refused.body).empty())
        << refused.body;
  }
  // The server learns of the closes asynchronously: a fresh connection is served soon after.
  int status = 0;
  for (int attempt = 0; attempt < 200 && status != 200; ++attempt) {
    status = RawConnection(mock.base_url()).Exchange(request).status;
  }
  EXPECT_EQ(200, status);
}

TEST(Binary, ReportsAPortInUse) {
  MockProcess first(OCPMOCK_BINARY, {});
  std::string port = first.base_url().substr(first.base_url().rfind(':') + 1);
  RunResult r = RunMock("--port " + port);
  EXPECT_EQ(1, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("cannot listen on 127.0.0.1:" + port)) << r.output;
}

TEST(Binary, ReadyLineNamesTheBoundAddress) {
  MockProcess mock(OCPMOCK_BINARY, {"--server-name", "ci-box"});
  EXPECT_EQ(0u, mock.base_url().rfind("http://127.0.0.1:", 0)) << mock.base_url();
  HttpResult r = Admin(mock).Send("GET", "/api/v2/tasks/instances?size=1");
  EXPECT_EQ(200, r.status);
  EXPECT_NE(std::string::npos, r.body.find("\"server\":\"ci-box\"")) << r.body;
}

// IPv6: the ready line prints a URL a client can use as it is, with the address in brackets.
TEST(Binary, ServesOnIpv6Loopback) {
  for (const char* bind : {"::1", "[::1]"}) {
    MockProcess mock(OCPMOCK_BINARY, {"--bind", bind, "--no-auth"});
    EXPECT_EQ(0u, mock.base_url().rfind("http://[::1]:", 0)) << mock.base_url();
    HttpResult r =
        HttpClient(mock.base_url(), std::nullopt, std::nullopt).Send("GET", "/api/v2/time");
    EXPECT_EQ(200, r.status) << bind << ": " << r.transport_error;
  }
}

// A signal to send, which GoogleTest prints (test lists, names, failures) by its name.
struct Signal {
  int number;
};

void PrintTo(const Signal& s, std::ostream* os) { *os << "SIG" << sigabbrev_np(s.number); }

// SIGTERM and SIGINT stop it cleanly (exit 0) within a second, even with a client connected.
class Shutdown : public testing::TestWithParam<Signal> {};

TEST_P(Shutdown, ExitsCleanlyWithinASecond) {
  MockProcess mock(OCPMOCK_BINARY, {});
  Admin(mock).Send("GET", "/api/v2/tasks/instances");
  const auto start = std::chrono::steady_clock::now();
  int status = mock.Stop(GetParam().number);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(WIFEXITED(status)) << "killed by a signal instead of exiting";
  EXPECT_EQ(0, WEXITSTATUS(status));
  EXPECT_LT(took, std::chrono::seconds(1));
}

INSTANTIATE_TEST_SUITE_P(Signals, Shutdown, testing::Values(Signal{SIGTERM}, Signal{SIGINT}),
                         [](const testing::TestParamInfo<Signal>& p) {
                           return testing::PrintToString(p.param);
                         });

TEST(Binary, LogsOneAccessLineAtInfoPerRequest) {
  TempDir dir;
  const fs::path log = dir.path() / "stderr.log";
  {
    MockProcess mock(OCPMOCK_BINARY, {}, MockProcess::Options{"info", log.string()});
    HttpClient client = Admin(mock);
    client.Send("GET", "/api/v2/tasks/instances?status=FAILED");
    client.Send("GET", "/nope");
    client.Send("DELETE", "/api/v2/tasks/instances");
    EXPECT_EQ(0, WEXITSTATUS(mock.Stop()));
  }
  std::ifstream in(log);
  std::string line;
  std::vector<std::string> access;
  while (std::getline(in, line)) {
    if (line.find("\"GET ") != std::string::npos || line.find("\"DELETE ") != std::string::npos) {
      access.push_back(line);
    }
    EXPECT_EQ(std::string::npos, line.find(kAdminPassword)) << "a credential was logged";
    EXPECT_EQ(std::string::npos, line.find("YWRtaW46QWRtaW5AMTIz")) << "credentials logged";
  }
  ASSERT_EQ(3u, access.size());
  EXPECT_NE(std::string::npos, access[0].find("\"GET /api/v2/tasks/instances?status=FAILED\" 200"));
  EXPECT_NE(std::string::npos, access[1].find("\"GET /nope\" 404"));
  EXPECT_NE(std::string::npos, access[2].find("\"DELETE /api/v2/tasks/instances\" 405"));
}

}  // namespace
}  // namespace contract

namespace contract {
namespace {

// A folder of tasks without users.json (what tools/gen-fixtures --out writes, and most
// hand-written ones) is served with the bundled users, and the log says so; counts read as
// English ("1 task").
TEST(Binary, AFixtureFolderWithoutUsersUsesTheBundledOnes) {
  TempDir dir;
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks/00-documented-samples.json",
                dir.path() / "tasks/only.json");
  std::ofstream(dir.path() / "tasks/notes.json.bak") << "{}";
  std::ofstream(dir.path() / "tasks/.gitkeep") << "";
  const fs::path log = dir.path() / "log";
  MockProcess mock(OCPMOCK_BINARY, {"--fixtures", dir.path().string()},
                   MockProcess::Options{"info", log.string()});
  HttpResult r = Admin(mock).Send("GET", "/api/v2/tasks/instances?size=1");
  EXPECT_EQ(200, r.status) << r.body;
  mock.Stop();
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(std::string::npos,
            text.str().find(dir.path().string() + " has no users.json: using the bundled users ("))
      << text.str();
  EXPECT_NE(std::string::npos, text.str().find("; 4 users")) << text.str();
  EXPECT_NE(std::string::npos, text.str().find("WARN  not loaded, not a .json file: " +
                                               (dir.path() / "tasks/notes.json.bak").string()))
      << text.str();
  EXPECT_EQ(std::string::npos, text.str().find(".gitkeep")) << "hidden files are not named";
  TempDir one;
  std::ofstream(one.path() / "tasks/one.json")
      << R"({"format": "ocp-mock-fixtures/1", "tasks": [{"task": {"id": 1, "name": "One",
      "status": "RUNNING", "creator": {"id": 100, "name": "admin"},
      "startTime": "2026-12-01T10:00:00.000+08:00", "subtasks": [{"id": 11, "name": "Check",
      "description": "Check", "operation": "EXECUTE", "status": "RUNNING"}]}}]})";
  RunResult once = RunMock("--fixtures '" + one.path().string() + "' --list-versions");
  EXPECT_EQ(0, once.exit_code) << once.output;
  MockProcess single(OCPMOCK_BINARY, {"--fixtures", one.path().string(), "--no-auth"},
                     MockProcess::Options{"info", (one.path() / "log").string()});
  single.Stop();
  std::ifstream in1(one.path() / "log");
  std::stringstream text1;
  text1 << in1.rdbuf();
  EXPECT_NE(std::string::npos, text1.str().find("loaded 1 task from")) << text1.str();
}

// Every documented sample of a started task has an `executor`, and polling clients copy every
// field: a task whose fixture names none gets the address the mock serves on, and so do its
// started subtasks; a task added at runtime too.
TEST(Binary, AStartedTaskAlwaysHasAnExecutor) {
  TempDir one;
  std::ofstream(one.path() / "tasks/one.json")
      << R"({"format": "ocp-mock-fixtures/1", "tasks": [{"task": {"id": 1, "name": "One",
      "status": "RUNNING", "creator": {"id": 100, "name": "admin"},
      "startTime": "2026-12-01T10:00:00.000+08:00", "subtasks": [{"id": 11, "name": "Check",
      "description": "Check", "operation": "EXECUTE", "status": "RUNNING"}, {"id": 12,
      "name": "Then", "description": "Then", "operation": "EXECUTE", "status": "PENDING",
      "upstreams": [11]}]}}]})";
  MockProcess mock(OCPMOCK_BINARY, {"--fixtures", one.path().string(), "--time-scale", "0"});
  HttpResult r = Admin(mock).Send("GET", "/api/v2/tasks/instances/1");
  ASSERT_EQ(200, r.status) << r.body;
  auto doc = mock::json::ParseJson(r.body).value();
  EXPECT_STREQ("127.0.0.1", doc["data"]["executor"].GetString()) << r.body;
  EXPECT_STREQ("127.0.0.1", doc["data"]["subtasks"][0]["executor"].GetString()) << r.body;
  EXPECT_FALSE(doc["data"]["subtasks"][1].HasMember("executor")) << "not started yet";
}

}  // namespace
}  // namespace contract
