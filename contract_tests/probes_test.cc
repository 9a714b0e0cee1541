// The endpoints clients call to find OCP (docs/reference/ocp-resources-api.md section 5).
// Where each rule comes from is said at each check: OCP's docs (`doc`), or ocp-mock's own
// choice where they are silent (`mock`, checked in mock mode only, never against a live OCP).
#include <gtest/gtest.h>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "mock/model/timestamp.h"

namespace contract {
namespace {

// OCP 4.2.0's docs have neither the time nor the info page (section 5.1, 5.2; its profile says
// "infoAndTime": false): a live 4.2.0 server is not judged by them.
bool Documented(const ServerUnderTest& server) { return server.profile().info_and_time; }

// doc 5.2: "You can call this API without authentication"; "The server time is returned in the
// text format" (whether a real server quotes it as a JSON string is unverified: both pass).
TEST(Probes, TimeNeedsNoCredentialsAndIsATime) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live() && !Documented(server)) GTEST_SKIP() << "not in OCP " << server.version();
  HttpResult r = server.client().Send("GET", "/api/v2/time", {}, false);
  ASSERT_EQ(200, r.status) << r.body;
  std::string text = r.body;
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  EXPECT_TRUE(mock::model::ParseTimestamp(text).has_value()) << "not a time: " << r.body;
}

// doc 5.1: a bare object (no envelope) with buildVersion; clients split it on '_' (obdeploy).
// mock: every documented key, nothing else (schemas/info.schema.json), and the version played
// before the '_'.
TEST(Probes, InfoIsABareObjectWithTheBuildVersion) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (server.live() && !Documented(server)) GTEST_SKIP() << "not in OCP " << server.version();
  HttpResult r = server.client().Send("GET", "/api/v2/info");
  ASSERT_EQ(200, r.status) << r.body;
  auto doc = mock::json::ParseJson(r.body);
  ASSERT_TRUE(doc.ok() && doc.value().IsObject()) << r.body;
  ASSERT_TRUE(doc.value().HasMember("buildVersion") && doc.value()["buildVersion"].IsString())
      << r.body;
  if (server.live()) return;
  auto v = server.schemas().ValidateText("info", r.body);
  EXPECT_TRUE(v.empty()) << mock::json::Describe(v);
  const std::string build = doc.value()["buildVersion"].GetString();
  EXPECT_EQ(server.version(), build.substr(0, build.find('_')));
}

// doc 5.3: GET /api/status, from OCP 4.2.1, answers text: "okay", or "bad" and the modules.
// mock: before 4.2.1 it is a path like any unknown one (404).
TEST(Probes, ApiStatusFromOcp421) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  HttpResult r = server.client().Send("GET", "/api/status");
  if (!server.profile().api_status) {
    if (server.live()) GTEST_SKIP() << "not in OCP " << server.version();
    EXPECT_EQ(404, r.status) << r.body;
    return;
  }
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_TRUE(r.body.rfind("okay", 0) == 0 || r.body.rfind("bad", 0) == 0) << r.body;
}

}  // namespace
}  // namespace contract
