// Authentication, permissions and throttling over HTTP: 401 versus 403, HTTP Basic and AK/SK,
// and OCP's documented 429. The users are those of fixtures/users.json.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "contract_tests/support/task_client.h"
#include "mock/auth/signature.h"
#include "mock/json/json.h"
#include "tools/client/signing.h"

namespace contract {
namespace {

const std::string kAuthList = "/api/v2/tasks/instances?size=1";

using mock::ocp::ErrorKind;

HttpClient As(const std::string& user, const std::string& password) {
  return HttpClient(ServerUnderTest::Get().base_url(), user, password);
}

TEST(Authentication, NoCredentialsIs401) {
  HttpResult r = ServerUnderTest::Get().client().Send("GET", kAuthList, {}, false);
  ExpectErrorOf(r, 401, ErrorKind::kUnauthenticated);
  if (!ServerUnderTest::Get().live()) {
    EXPECT_EQ("Basic realm=\"OCP\"", r.headers["www-authenticate"]);
  }
}

TEST(Authentication, ComesBeforeRouting) {
  HttpResult r = ServerUnderTest::Get().client().Send("GET", "/api/v2/nothing", {}, false);
  EXPECT_EQ(401, r.status) << "an anonymous client learns nothing about paths";
}

class MockUsers : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) GTEST_SKIP() << "uses the mock's bundled users";
    ResetMock();
  }
};

TEST_F(MockUsers, WrongPasswordOrUnknownUserIs401) {
  ExpectErrorOf(As("admin", "wrong").Send("GET", kAuthList), 401, ErrorKind::kUnauthenticated);
  ExpectErrorOf(As("ghost", "Admin@123").Send("GET", kAuthList), 401, ErrorKind::kUnauthenticated);
}

TEST_F(MockUsers, MalformedCredentialsAre401NotA500) {
  const HttpClient& client = ServerUnderTest::Get().client();
  // "Basic ====" made the base64 decoder underflow (found by fuzz_auth).
  for (const char* header : {"Authorization: Basic ====", "Authorization: Basic =",
                             "Authorization: OCP-ACCESS-KEY-HMACSHA1 nocolon",
                             "Authorization: OCP-ACCESS-KEY-HMACSHA1 a:b"}) {
    ExpectErrorOf(client.Send("GET", kAuthList, {header}, false), 401, ErrorKind::kUnauthenticated);
  }
}

TEST_F(MockUsers, ViewerMayReadButNotChange) {
  HttpClient viewer = As("viewer", "Viewer@123");
  EXPECT_EQ(200, viewer.Send("GET", kAuthList).status);
  EXPECT_EQ(200, viewer.Send("GET", TaskPath(8000004)).status);
  ExpectErrorOf(viewer.Send("POST", TaskPath(8000004) + "/retry"), 403,
                ErrorKind::kPermissionDenied);
  ExpectErrorOf(viewer.Send("POST", SubtaskPath(8000003, 80000032) + "/cancel"), 403,
                ErrorKind::kPermissionDenied);
  EXPECT_EQ("FAILED", std::string(TaskDetail(8000004)["status"].GetString()));
}

TEST_F(MockUsers, UserWithoutPermissionsMayNotRead) {
  ExpectErrorOf(As("nobody", "Nobody@123").Send("GET", kAuthList), 403,
                ErrorKind::kPermissionDenied);
}

// Signs a GET as OCP's AK/SK rules describe, with the given Date.
std::vector<std::string> AkSkHeaders(const std::string& target, const std::string& ak,
                                     const std::string& sk, std::time_t when) {
  return contract::AkSkHeaders(ServerUnderTest::Get().base_url(), target, ak, sk, when);
}

// admin's pair is the one of OCP's documented signing example (fixtures/users.json).
constexpr const char* kAk = "cqammmxBpfGjFlto";
constexpr const char* kSk = "2fc0c299cc94c6be266f2ceece765d4d";

// OCP accepts AK/SK from 4.0.3 on; before, a correctly signed request is still a 401.
TEST_F(MockUsers, AkSkSignedRequestIsServedFrom403) {
  const HttpClient& client = ServerUnderTest::Get().client();
  HttpResult r =
      client.Send("GET", kAuthList, AkSkHeaders(kAuthList, kAk, kSk, std::time(nullptr)), false);
  if (!ServerUnderTest::Get().profile().ak_sk) {
    ExpectErrorOf(r, 401, ErrorKind::kUnauthenticated);
    EXPECT_NE(std::string::npos, r.body.find("4.0.3")) << r.body;
    return;
  }
  EXPECT_EQ(200, r.status) << r.body;
  HttpResult viewer = client.Send("GET", TaskPath(8000004),
                                  AkSkHeaders(TaskPath(8000004), "viewerAccessKey1",
                                              "viewer-secret-key-0001", std::time(nullptr)),
                                  false);
  EXPECT_EQ(200, viewer.status) << viewer.body;
}

// AK/SK works on the cluster, tenant and host pages as on the task API, with the signer's
// permissions (viewer reads them; nobody's key would not exist).
TEST_F(MockUsers, AkSkSignsTheClusterTenantAndHostPagesToo) {
  const HttpClient& client = ServerUnderTest::Get().client();
  for (const char* target : {"/api/v2/ob/clusters?size=2", "/api/v2/ob/clusters/2/tenants",
                             "/api/v2/ob/tenants", "/api/v2/ob/clusters/2/tenants/202",
                             "/api/v2/compute/hosts?keyword=10.0", "/api/v2/compute/hosts/1"}) {
    HttpResult r =
        client.Send("GET", target, AkSkHeaders(target, kAk, kSk, std::time(nullptr)), false);
    if (!ServerUnderTest::Get().profile().ak_sk) {
      ExpectErrorOf(r, 401, ErrorKind::kUnauthenticated);
      continue;
    }
    EXPECT_EQ(200, r.status) << target << ": " << r.body;
    HttpResult viewer = client.Send(
        "GET", target,
        AkSkHeaders(target, "viewerAccessKey1", "viewer-secret-key-0001", std::time(nullptr)),
        false);
    EXPECT_EQ(200, viewer.status) << target << ": " << viewer.body;
    HttpResult tampered = client.Send(
        "GET", target, AkSkHeaders(target, kAk, "wrong-secret", std::time(nullptr)), false);
    EXPECT_EQ(401, tampered.status) << target;
  }
}

// Live mode with OCP_ACCESS_KEY and OCP_SECRET_KEY: a signed list is served by a version that
// takes AK/SK. (A version without AK/SK says nothing about them: its clients use Basic.)
TEST(LiveAuthentication, AkSkSignedListIsServedWhereTheVersionTakesAkSk) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  const char* ak = std::getenv("OCP_ACCESS_KEY");
  const char* sk = std::getenv("OCP_SECRET_KEY");
  if (!server.live() || ak == nullptr || sk == nullptr) {
    GTEST_SKIP() << "live mode with OCP_ACCESS_KEY and OCP_SECRET_KEY (mock mode: MockUsers)";
  }
  if (!server.profile().ak_sk) GTEST_SKIP() << "OCP " << server.version() << " has no AK/SK";
  HttpResult r = server.client().Send("GET", kAuthList,
                                      AkSkHeaders(kAuthList, ak, sk, std::time(nullptr)), false);
  EXPECT_EQ(200, r.status) << r.body;
  server.CheckBody("task-list-response", "an AK/SK-signed GET", r.body);
}

TEST_F(MockUsers, AkSkRefusals) {
  const HttpClient& client = ServerUnderTest::Get().client();
  const std::time_t now = std::time(nullptr);
  ExpectErrorOf(
      client.Send("GET", kAuthList, AkSkHeaders(kAuthList, kAk, "wrong-secret", now), false), 401,
      ErrorKind::kUnauthenticated);
  ExpectErrorOf(
      client.Send("GET", kAuthList, AkSkHeaders(kAuthList, "unknownKey", kSk, now), false), 401,
      ErrorKind::kUnauthenticated);
  ExpectErrorOf(client.Send("GET", kAuthList,
                            AkSkHeaders(kAuthList, kAk, kSk, now - int64_t{20} * 60), false),
                401, ErrorKind::kUnauthenticated);
  // Signed for one query, sent with another.
  ExpectErrorOf(client.Send("GET", "/api/v2/tasks/instances?size=2",
                            AkSkHeaders(kAuthList, kAk, kSk, now), false),
                401, ErrorKind::kUnauthenticated);
}

std::string ReadSample(const char* name) {
  std::ifstream in(std::string(OCPMOCK_SOURCE_DIR) + "/contract_tests/samples/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Keys(const rapidjson::Value& v) {
  std::vector<std::string> keys;
  for (const auto& m : v.GetObject()) keys.emplace_back(m.name.GetString());
  return keys;
}

TEST_F(MockUsers, ThrottlingCountsDownThenAnswersOcpsDocumented429) {
  HttpClient limited = As("limited", "Limited@123");
  for (int expected_remaining : {2, 1, 0}) {
    HttpResult r = limited.Send("GET", kAuthList);
    ASSERT_EQ(200, r.status) << r.body;
    EXPECT_EQ("3", r.headers["ratelimit-limit"]);
    EXPECT_EQ(std::to_string(expected_remaining), r.headers["ratelimit-remaining"]);
    EXPECT_GT(std::stoi(r.headers["ratelimit-reset"]), 0);
  }
  HttpResult r = limited.Send("GET", kAuthList, {"x-trace-id: 0123456789abcdef"}, true);
  ExpectErrorOf(r, 429, ErrorKind::kThrottled);
  EXPECT_EQ("0", r.headers["ratelimit-remaining"]);
  EXPECT_EQ(r.headers["ratelimit-reset"], r.headers["retry-after"]);
  auto body = mock::json::ParseJson(r.body);
  auto sample = mock::json::ParseJson(ReadSample("throttled-429-4.2.2.json"));
  ASSERT_TRUE(body.ok() && sample.ok());
  EXPECT_EQ(Keys(sample.value()), Keys(body.value())) << "not the documented 429 shape";
  EXPECT_EQ(sample.value()["error"], body.value()["error"]);
  // The documented sample's traceId is empty; a real OCP traces a throttled request like any
  // other and echoes x-trace-id (docs/reference/real-server-behaviour.md), and so does the mock.
  EXPECT_STREQ("0123456789abcdef", body.value()["traceId"].GetString());
  // Users without a limit carry no RateLimit headers.
  EXPECT_EQ(
      0u, ServerUnderTest::Get().client().Send("GET", kAuthList).headers.count("ratelimit-limit"));
}

TEST_F(MockUsers, ControlEndpointsNeedNoCredentials) {
  HttpResult r = ServerUnderTest::Get().client().Send("GET", "/__mock/clock", {}, false);
  EXPECT_EQ(200, r.status);
  EXPECT_TRUE(ServerUnderTest::Get().schemas().ValidateText("envelope", r.body).empty());
  ExpectErrorOf(ServerUnderTest::Get().client().Send("POST", "/__mock/clock/advance?seconds=-1"),
                400, ErrorKind::kInvalidParameter);
  ExpectErrorOf(ServerUnderTest::Get().client().Send("GET", "/__mock/reset"), 405,
                ErrorKind::kMethodNotAllowed);
}

}  // namespace
}  // namespace contract
