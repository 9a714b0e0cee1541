// Fault rules end to end, through a real ocp-mock process: a delay that does not stall other
// connections, a reset, a truncation, a drip, a 503 burst, and rules loaded from --faults.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "tools/client/command.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kMockOnly = "ocp-mock's own control plane: checked in mock mode only";

long Millis(Clock::time_point since) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count());
}

class FaultsTest : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) GTEST_SKIP() << kMockOnly;
    mock_ = std::make_unique<MockProcess>(OCPMOCK_BINARY,
                                          std::vector<std::string>{"--no-auth", "--seed", "7"});
    client_ = std::make_unique<HttpClient>(mock_->base_url(), std::nullopt, std::nullopt);
  }
  void AddRule(const std::string& rule) {
    HttpResult r = client_->SendJson("POST", "/__mock/faults", rule);
    ASSERT_EQ(200, r.status) << r.body;
  }
  // Waits (polling the journal, at most 10 s) until the server has received `n` requests on
  // `path`: the journal records a request when it is handled, before a fault defers its answer.
  void AwaitReceived(const std::string& path, int n) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
      HttpResult r = client_->Send("GET", "/__mock/requests/count?path=" + path);
      if (r.body.find("\"count\":" + std::to_string(n)) != std::string::npos) return;
      std::this_thread::yield();
    }
    FAIL() << "the server never received request " << n << " on " << path;
  }
  std::unique_ptr<MockProcess> mock_;
  std::unique_ptr<HttpClient> client_;
};

// Pistache serves every connection from one thread: a delayed answer must not stall it. One
// client waits on a 5 s delay while another is answered, before the first.
TEST_F(FaultsTest, ADelayNeverStallsOtherConnections) {
  AddRule(R"({"match": {"path": "/api/v2/tasks/instances/8000004"},
              "action": {"type": "delay", "delayMs": 5000}})");
  const auto started = Clock::now();
  std::future<HttpResult> slow = std::async(std::launch::async, [this] {
    return client_->Send("GET", "/api/v2/tasks/instances/8000004");
  });
  AwaitReceived("/api/v2/tasks/instances/8000004", 1);
  const auto fast_started = Clock::now();
  HttpResult fast = client_->Send("GET", "/api/v2/tasks/instances?size=1");
  const long fast_ms = Millis(fast_started);
  EXPECT_EQ(200, fast.status);
  EXPECT_EQ(std::future_status::timeout, slow.wait_for(std::chrono::seconds(0)))
      << "the delayed answer came before the other client's";
  HttpResult delayed = slow.get();
  const long slow_ms = Millis(started);
  EXPECT_EQ(200, delayed.status) << delayed.transport_error;
  EXPECT_TRUE(mock::json::ParseJson(delayed.body).ok()) << "the delayed answer is the whole one";
  EXPECT_GE(slow_ms, 4900);
  RecordProperty("fast_ms", static_cast<int>(fast_ms));
  RecordProperty("delayed_ms", static_cast<int>(slow_ms));
}

TEST_F(FaultsTest, AResetClosesTheConnectionWithoutAnAnswer) {
  AddRule(R"({"action": {"type": "reset"}, "times": 1})");
  HttpResult dropped = client_->Send("GET", "/api/v2/tasks/instances");
  EXPECT_EQ(0, dropped.status);
  EXPECT_FALSE(dropped.transport_error.empty());
  EXPECT_EQ(200, client_->Send("GET", "/api/v2/tasks/instances").status) << "times: 1";
}

TEST_F(FaultsTest, ATruncationSendsHalfTheBodyAndCloses) {
  AddRule(R"({"action": {"type": "truncate"}, "times": 1})");
  HttpResult cut = client_->Send("GET", "/api/v2/tasks/instances");
  EXPECT_EQ(0, cut.status) << "libcurl reports the missing bytes";
  EXPECT_NE(std::string::npos, cut.transport_error.find("partial")) << cut.transport_error;
  HttpResult whole = client_->Send("GET", "/api/v2/tasks/instances");
  EXPECT_EQ(200, whole.status);
}

TEST_F(FaultsTest, ADripSendsTheWholeBodySlowly) {
  AddRule(R"({"action": {"type": "drip", "dripMs": 600}, "times": 1})");
  const auto started = Clock::now();
  HttpResult dripped = client_->Send("GET", "/api/v2/tasks/instances?size=5");
  EXPECT_EQ(200, dripped.status) << dripped.transport_error;
  EXPECT_GE(Millis(started), 500);
  auto doc = mock::json::ParseJson(dripped.body);
  ASSERT_TRUE(doc.ok()) << dripped.body;
  EXPECT_EQ(5u, doc.value()["data"]["contents"].Size()) << "every piece arrived";
}

TEST_F(FaultsTest, A503BurstThenService) {
  AddRule(R"({"action": {"type": "status", "status": 503}, "times": 3})");
  for (int i = 0; i < 3; ++i) {
    HttpResult r = client_->Send("GET", "/api/v2/tasks/instances");
    EXPECT_EQ(503, r.status);
    EXPECT_NE(std::string::npos, r.body.find("\"successful\":false")) << r.body;
  }
  EXPECT_EQ(200, client_->Send("GET", "/api/v2/tasks/instances").status);
  HttpResult listed = client_->Send("GET", "/__mock/faults");
  EXPECT_NE(std::string::npos, listed.body.find("\"fired\":3")) << listed.body;
}

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(FaultFileTest, RulesLoadedAtStartAreBackAfterAReset) {
  if (ServerUnderTest::Get().live()) GTEST_SKIP() << kMockOnly;
  const std::string file = WriteFile("faults.json", R"({"format": "ocp-mock-faults/1",
    "faults": [{"match": {"method": "GET"}, "action": {"type": "status", "status": 500},
                "times": 1}]})");
  MockProcess mock(OCPMOCK_BINARY, {"--no-auth", "--faults", file});
  HttpClient client(mock.base_url(), std::nullopt, std::nullopt);
  EXPECT_EQ(500, client.Send("GET", "/api/v2/tasks/instances").status);
  EXPECT_EQ(200, client.Send("GET", "/api/v2/tasks/instances").status);
  EXPECT_EQ(200, client.Send("POST", "/__mock/reset?only=faults").status);
  EXPECT_EQ(500, client.Send("GET", "/api/v2/tasks/instances").status) << "the file's rule is back";
}

TEST(FaultFileTest, ABadFileIsRefusedWithItsPlace) {
  if (ServerUnderTest::Get().live()) GTEST_SKIP() << kMockOnly;
  const std::string file =
      WriteFile("bad-faults.json", R"({"faults": [{"action": {"type": "status", "status": 503}},
                                        {"action": {"type": "drip"}}]})");
  CommandResult r = RunCommand(std::string("'") + OCPMOCK_BINARY +
                               "' --no-auth --port 0 --faults '" + file + "'");
  EXPECT_EQ(2, r.rc);
  EXPECT_NE(std::string::npos,
            r.out.find(file + ": /faults/1/action: missing required field \"dripMs\""))
      << r.out;
}

}  // namespace
}  // namespace contract
