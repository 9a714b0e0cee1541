// The soak against live servers: its checker accepts every answer of its mix from ocp-mock and
// catches a server that breaks (a fault rule firing unasked, a server that is not OCP), and
// ocp-soak itself runs briefly, passing, and writes its plot.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "contract_tests/support/one_body_server.h"
#include "tools/client/command.h"
#include "tools/client/contract_rules.h"
#include "tools/client/mock_process.h"
#include "tools/load/soak/checker.h"
#include "tools/load/soak/traffic.h"

namespace soak {
namespace {

namespace fs = std::filesystem;

const mock::json::SchemaSet& LiveSchemas() {
  return contract::NewestSchemaSet(OCPMOCK_SOURCE_DIR "/schemas");
}

contract::HttpClient AdminClient(const std::string& base_url) {
  return contract::HttpClient(base_url, std::string(contract::kAdminUser),
                              std::string(contract::kAdminPassword));
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// ocp-mock with the soak's fault rules, as ocp-soak starts it.
class SoakAgainstMock : public testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(faults_) << kFaultRules;
    mock_ = std::make_unique<contract::MockProcess>(
        OCPMOCK_BINARY, std::vector<std::string>{"--fixtures", OCPMOCK_SOURCE_DIR "/fixtures",
                                                 "--faults", faults_.string()});
  }
  void TearDown() override { fs::remove(faults_); }

  std::string JudgeSent(const contract::HttpClient& client, const SoakRequest& r) {
    const contract::HttpResult answer = r.body.empty()
                                            ? client.Send(r.method, r.target)
                                            : client.SendJson(r.method, r.target, r.body);
    return JudgeAnswer(r, answer, LiveSchemas());
  }

  fs::path faults_ =
      fs::temp_directory_path() / ("soak-test-faults-" + std::to_string(getpid()) + ".json");
  std::unique_ptr<contract::MockProcess> mock_;
};

TEST_F(SoakAgainstMock, EveryAnswerOfTheMixIsAccepted) {
  const contract::HttpClient client = AdminClient(mock_->base_url());
  const World world = Discover(client);
  std::mt19937_64 rng(7);
  int faults = 0;
  int mutations = 0;
  for (int i = 0; i < 400; ++i) {
    const SoakRequest r = NextRequest(rng, world);
    faults += r.fault.empty() ? 0 : 1;
    mutations += r.mutation ? 1 : 0;
    EXPECT_EQ("", JudgeSent(client, r)) << r.method << " " << r.target;
  }
  EXPECT_GT(faults, 10);
  EXPECT_GT(mutations, 40);
}

TEST_F(SoakAgainstMock, AFaultThatFiresUnaskedIsCaught) {
  const contract::HttpClient client = AdminClient(mock_->base_url());
  SoakRequest clusters;
  clusters.target = "/api/v2/ob/clusters";
  ASSERT_EQ("", JudgeSent(client, clusters));
  for (const char* action : {R"({"type": "truncate"})", R"({"type": "status", "status": 500})"}) {
    ASSERT_EQ(200, client
                       .SendJson("POST", "/__mock/faults",
                                 R"({"match": {"path": "/api/v2/ob/clusters"}, "action": )" +
                                     std::string(action) + R"(, "times": 1})")
                       .status);
    EXPECT_NE("", JudgeSent(client, clusters)) << action;
  }
  // A request marked for a fault that a rule no longer answers is caught too.
  ASSERT_EQ(200, client.Send("DELETE", "/__mock/faults").status);
  SoakRequest marked;
  marked.target = "/api/v2/ob/clusters?soakFault=status";
  marked.fault = "status";
  EXPECT_NE("", JudgeSent(client, marked));
}

TEST(SoakAgainstABrokenServer, EveryAnswerOfAServerThatIsNotOcpIsCaught) {
  const fs::path dir = fs::temp_directory_path() / ("soak-test-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const auto server = contract::ServeOneBody(R"({"data": {"contents": []}})", dir.string());
  const contract::HttpClient client = AdminClient(server->base_url());
  EXPECT_THROW(Discover(client), std::runtime_error);
  for (const char* target : {"/api/v2/tasks/instances", "/api/v2/ob/clusters/1", "/api/v2/time",
                             "/api/v2/ob/clusters/999999"}) {
    SoakRequest r;
    r.target = target;
    EXPECT_NE("", JudgeAnswer(r, client.Send("GET", target), LiveSchemas())) << target;
  }
  fs::remove_all(dir);
}

TEST(OcpSoak, AShortRunPassesAndWritesItsPlot) {
  const fs::path dir = fs::temp_directory_path() / ("soak-run-" + std::to_string(getpid()));
  const contract::CommandResult r = contract::RunCommand(
      std::string("'") + OCPSOAK_BINARY + "' --seconds 4 --clients 2 --out '" + dir.string() + "'");
  ASSERT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find(" 0 errors")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("ocp-soak: passed")) << r.out;
  const std::string csv = Slurp(dir / "soak.csv");
  EXPECT_EQ(0u, csv.find("seconds,requests,errors,rss_kb\n")) << csv;
  EXPECT_GE(std::count(csv.begin(), csv.end(), '\n'), 6) << csv;
  EXPECT_NE(std::string::npos, Slurp(dir / "soak.svg").find("<polyline")) << "no plot";
  EXPECT_NE(std::string::npos, Slurp(dir / "soak-report.txt").find("converged"));
  fs::remove_all(dir);
  EXPECT_EQ(2, contract::RunCommand(std::string("'") + OCPSOAK_BINARY + "' --bogus").rc);
}

}  // namespace
}  // namespace soak
