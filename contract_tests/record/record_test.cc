// ocp-record against ocp-mock processes standing in for live servers: recording and then
// serving the recording gives the source's answers; credentials never reach the files; a failed
// recording leaves the previous set whole.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "contract_tests/support/one_body_server.h"
#include "mock/json/json.h"
#include "tools/client/command.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"
#include "tools/record/anonymiser.h"

namespace record {
namespace {

namespace fs = std::filesystem;

const std::string kUsers = std::string(OCPMOCK_SOURCE_DIR) + "/fixtures/users.json";
constexpr const char* kAk = "cqammmxBpfGjFlto";
constexpr const char* kSk = "2fc0c299cc94c6be266f2ceece765d4d";

contract::CommandResult Recorder(const std::string& args) {
  return contract::RunCommand(std::string("'") + OCPRECORD_BINARY + "' " + args);
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under `dir`, concatenated.
std::string Everything(const fs::path& dir) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) all += ReadAll(e.path());
  }
  return all;
}

class Recording : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("ocpmock-record-" + std::to_string(getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// `data` of GET target, as JSON text ("" when not 200).
std::string Data(const contract::HttpClient& c, const std::string& target) {
  contract::HttpResult r = c.Send("GET", target);
  auto doc = mock::json::ParseJson(r.body);
  if (r.status != 200 || !doc.ok() || !doc.value().HasMember("data")) return "";
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc.value()["data"].Accept(w);
  return buf.GetString();
}

TEST_F(Recording, ServingTheRecordingGivesTheSourcesAnswers) {
  contract::MockProcess source(OCPMOCK_BINARY, {"--ocp-version", "4.2.1", "--time-scale", "0"});
  contract::CommandResult r =
      Recorder("--base-url " + source.base_url() +
               " --user admin --password Admin@123 --ocp-version 4.2.1 --max-logs 100000"
               " --page-size 70 --out '" +
               dir_.string() + "'");
  ASSERT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("recorded 247 tasks (247 with details")) << r.out;
  contract::MockProcess replay(OCPMOCK_BINARY, {"--fixtures", dir_.string(), "--users", kUsers,
                                                "--ocp-version", "4.2.1", "--time-scale", "0"});
  contract::HttpClient a(source.base_url(), "admin", "Admin@123");
  contract::HttpClient b(replay.base_url(), "admin", "Admin@123");
  // Lists: every filter and sort but hostId (hosts are not in OCP's task JSON).
  for (const std::string q :
       {"", "?page=2&size=7", "?status=FAILED,RUNNING&size=2000", "?type=SCHEDULED&size=2000",
        "?sort=createTime,asc&size=50", "?sort=name,desc&size=50", "?clusterId=2&size=2000",
        "?clusterId=1&tenantName=sys&size=2000", "?name=tenant&size=2000",
        "?cluterName=prod&size=2000"}) {
    const std::string target = "/api/v2/tasks/instances" + q;
    const std::string want = Data(a, target);
    ASSERT_FALSE(want.empty()) << target;
    EXPECT_EQ(want, Data(b, target)) << target;
  }
  // Every detail, and every subtask log.
  auto all = mock::json::ParseJson(Data(a, "/api/v2/tasks/instances?size=2000")).value();
  size_t logs = 0;
  for (const auto& t : all["contents"].GetArray()) {
    const std::string path = "/api/v2/tasks/instances/" + std::to_string(t["id"].GetInt64());
    EXPECT_EQ(Data(a, path), Data(b, path)) << path;
    for (const auto& s : t["subtasks"].GetArray()) {
      const std::string log = path + "/subtasks/" + std::to_string(s["id"].GetInt64()) + "/log";
      EXPECT_EQ(Data(a, log), Data(b, log)) << log;
      ++logs;
    }
  }
  EXPECT_GT(logs, 500u);
  // The clusters, tenants and hosts, recorded beside the tasks, serve the same.
  EXPECT_NE(std::string::npos, r.out.find("recorded 5 clusters, 13 tenants and 18 hosts")) << r.out;
  for (const std::string target :
       {"/api/v2/ob/clusters?size=100", "/api/v2/ob/tenants?size=100&sort=name,desc",
        "/api/v2/ob/clusters/2/tenants/202", "/api/v2/compute/hosts?size=100",
        "/api/v2/compute/hosts/7"}) {
    const std::string want = Data(a, target);
    ASSERT_FALSE(want.empty()) << target;
    EXPECT_EQ(want, Data(b, target)) << target;
  }
}

TEST_F(Recording, NeverWritesCredentialsAndCanAnonymise) {
  contract::MockProcess source(OCPMOCK_BINARY, {"--time-scale", "0"});
  // Signed with AK/SK this time; the password is given too.
  contract::CommandResult r =
      Recorder("--base-url " + source.base_url() + " --user admin --password Admin@123" +
               " --access-key " + kAk + " --secret-key " + kSk +
               " --anonymise --max-tasks 120 --max-details 100 --out '" + dir_.string() + "'");
  ASSERT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("note: 20 tasks have only the list's view")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("note: entities not recorded (with --anonymise"))
      << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "entities" / "recorded.json")) << "they would carry the names";
  const std::string all = Everything(dir_);
  for (const char* secret : {"Admin@123", kAk, kSk}) {
    EXPECT_EQ(std::string::npos, all.find(secret)) << secret;
  }
  EXPECT_EQ(std::string::npos, r.out.find("Admin@123"));
  // The bundled data's names and addresses are gone, in logs too.
  for (const char* name : {"obcluster-prod-hz", "metadb", "ob20daily.xiaojun.chengxj", "ocp_meta",
                           "10.21.0.10", source.base_url().c_str()}) {
    EXPECT_EQ(std::string::npos, all.find(name)) << name;
  }
  EXPECT_NE(std::string::npos, all.find("\"name\":\"cluster-")) << "clusters renamed by id";
  EXPECT_NE(std::string::npos, all.find("192.0.2.")) << "addresses stay addresses";
  // And ocp-mock loads it.
  contract::MockProcess replay(OCPMOCK_BINARY, {"--fixtures", dir_.string(), "--users", kUsers});
  contract::HttpClient c(replay.base_url(), "admin", "Admin@123");
  EXPECT_NE(std::string::npos,
            c.Send("GET", "/api/v2/tasks/instances?size=1").body.find("\"totalElements\":120"));
}

TEST_F(Recording, AFailedRecordingLeavesThePreviousSetWhole) {
  contract::MockProcess source(OCPMOCK_BINARY, {"--time-scale", "0"});
  ASSERT_EQ(
      0, Recorder("--base-url " + source.base_url() +
                  " --user admin --password Admin@123 --max-tasks 30 --out '" + dir_.string() + "'")
             .rc);
  const std::string before = ReadAll(dir_ / "tasks" / "recorded.json");
  const std::string entities_before = ReadAll(dir_ / "entities" / "recorded.json");
  ASSERT_FALSE(entities_before.empty());
  // Wrong password: could not check (exit 3), before any request of the recording.
  contract::CommandResult refused =
      Recorder("--base-url " + source.base_url() + " --user admin --password wrong --out '" +
               dir_.string() + "'");
  EXPECT_EQ(3, refused.rc);
  EXPECT_NE(std::string::npos, refused.out.find("HTTP 401")) << refused.out;
  // Data this version's schemas refuse (4.2.2's STANDBY clusters, recorded as 4.2.0) would not
  // load: nothing is written.
  contract::CommandResult wrong = Recorder(
      "--base-url " + source.base_url() +
      " --user admin --password Admin@123 --ocp-version 4.2.0 --out '" + dir_.string() + "'");
  EXPECT_EQ(2, wrong.rc);
  EXPECT_NE(std::string::npos, wrong.out.find("would not load in ocp-mock, nothing written"))
      << wrong.out;
  // The violations it collected are printed with the refusal (the "+ 1" that stood here made
  // this check unable to fail).
  EXPECT_NE(std::string::npos,
            wrong.out.find("violates OCP 4.2.0's schemas: GET /api/v2/tasks/instances"))
      << wrong.out;
  EXPECT_EQ(before, ReadAll(dir_ / "tasks" / "recorded.json"));
  EXPECT_EQ(entities_before, ReadAll(dir_ / "entities" / "recorded.json"));
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(2u, files) << "the tasks and the entities, no temporary file left";
}

// A response that breaks the version's schemas is reported (exit 1); what still loads is kept.
TEST_F(Recording, ReportsResponsesThatBreakTheSchemas) {
  const fs::path schemas = dir_ / "schemas";
  fs::create_directories(dir_);
  fs::copy(fs::path(OCPMOCK_SOURCE_DIR) / "schemas", schemas, fs::copy_options::recursive);
  // A stricter detail schema: every detail must have a field OCP never sends.
  std::string detail = ReadAll(schemas / "task-detail-response.schema.json");
  detail.replace(detail.find("\"required\": [\"data\"]"), 20, "\"required\": [\"data\", \"x\"]");
  std::ofstream(schemas / "task-detail-response.schema.json") << detail;
  contract::MockProcess source(OCPMOCK_BINARY, {"--time-scale", "0"});
  contract::CommandResult r =
      Recorder("--base-url " + source.base_url() +
               " --user admin --password Admin@123 --max-tasks 5 --schemas '" + schemas.string() +
               "' --out '" + (dir_ / "out").string() + "'");
  EXPECT_EQ(1, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("violates OCP 4.2.2's schemas: GET /api/v2/tasks/"))
      << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "tasks" / "recorded.json"));
}

// Fields OCP's docs do not list (a real OCP's, played by --quirks extra-fields) are read as
// ocp-compat reads them: one observation per field path, not a violation per answer; a complete
// recording exits 0.
TEST_F(Recording, ExtraFieldsAreObservationsOncePerPath) {
  contract::MockProcess source(OCPMOCK_BINARY, {"--time-scale", "0", "--quirks", "extra-fields"});
  contract::CommandResult r =
      Recorder("--base-url " + source.base_url() +
               " --user admin --password Admin@123 --max-tasks 40 --page-size 20 --out '" +
               dir_.string() + "'");
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("violates")) << r.out;
  for (const char* path :
       {"task-list-response /data/contents/*/creatorId is not documented (e.g. ",
        "task-list-response /data/contents/*/subtasks/*/taskId is not documented (e.g. ",
        "task-detail-response /data/creatorId is not documented (e.g. "}) {
    const std::string line =
        std::string("observation: not in OCP 4.2.2's docs, set aside: ") + path;
    const size_t at = r.out.find(line);
    EXPECT_NE(std::string::npos, at) << line << "\n" << r.out;
    EXPECT_EQ(at, r.out.rfind(line)) << "once per path: " << line << "\n" << r.out;
  }
  EXPECT_NE(std::string::npos, r.out.find("/data/contents/*/creatorId is not documented (e.g. "))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("), in 2 answers\n")) << "two pages of 20:\n" << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "tasks" / "recorded.json"));
}

// Answers of any shape, however far from OCP's: a clear refusal, nothing written, never a crash.
TEST_F(Recording, SurvivesAServerThatAnswersAnythingWithOneBody) {
  fs::create_directories(dir_);
  for (const char* body : {R"({"data":{"contents":[{"id":1}],"page":5}})", "[1,2]", "not json",
                           R"({"data":{"contents":[{"id":1,"subtasks":7}]}})", ""}) {
    auto odd = contract::ServeOneBody(body, dir_.string());
    contract::CommandResult r = Recorder("--base-url " + odd->base_url() + " --user a --out '" +
                                         (dir_ / "out").string() + "'");
    EXPECT_EQ(2, r.rc) << body << "\n" << r.out;
    EXPECT_FALSE(fs::exists(dir_ / "out" / "tasks" / "recorded.json")) << body;
  }
}

// A server that cannot be recorded at all gets ocp-compat's verdict, in one line, and exit 3:
// a refused password, no credentials, no answer. Nothing is written.
TEST_F(Recording, CouldNotCheckIsAVerdictOfItsOwn) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2"});
  const std::string out = " --out '" + dir_.string() + "'";
  const std::pair<contract::CommandResult, std::string> cases[] = {
      {Recorder("--base-url " + server.base_url() + " --user admin --password wrong" + out),
       "ocp-record: could not check: authentication refused (HTTP 401): GET " + server.base_url() +
           "/api/v2/tasks/instances?size=1 and GET "},
      {Recorder("--base-url " + server.base_url() + out),
       "ocp-record: could not check: no credentials: "},
      {Recorder("--base-url http://127.0.0.1:9 --user a --password b" + out),
       "ocp-record: could not check: unreachable: GET http://127.0.0.1:9/api/v2/tasks/"},
  };
  for (const auto& [r, line] : cases) {
    EXPECT_EQ(3, r.rc) << r.out;
    EXPECT_EQ(0u, r.out.find(line)) << "the first line names the cause:\n" << r.out;
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << "one line:\n" << r.out;
    EXPECT_FALSE(fs::exists(dir_)) << "nothing written";
  }
}

TEST(Anonymiser, KeepsOneNamePerThingAndReplacesThemInText) {
  Anonymiser a;
  EXPECT_EQ("cluster-3", a.Cluster(3, "prod-hz"));
  EXPECT_EQ("cluster-4", a.Cluster(4, "prod-hz-standby"));
  EXPECT_EQ("tenant-7", a.Tenant(7, "sys"));
  EXPECT_EQ("192.0.2.1", a.Host("10.1.2.3"));
  EXPECT_EQ("192.0.2.1", a.Host("10.1.2.3"));
  EXPECT_EQ("host-2", a.Host("node-a"));
  EXPECT_EQ("cluster-4 and cluster-3: tenant-7 on 192.0.2.1 (192.0.2.3), host-2; system ok.",
            a.Text("prod-hz-standby and prod-hz: sys on 10.1.2.3 (10.9.9.9), node-a; system ok."));
}

}  // namespace
}  // namespace record
