// The guard against forged browser requests (browser_guard.h) through Api::Handle: a browser's
// state-changing request needs X-OCP-Mock-UI: 1 on /__mock/ and /api/ alike, is refused before
// anything changes, and every request a browser did not send (curl, client libraries) passes.
#include "mock/api/browser_guard.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

constexpr const char* kGuardAdmin = "Basic YWRtaW46QWRtaW5AMTIz";  // admin:Admin@123

// The test API (task 7 FAILED) with one user who may do anything.
struct GuardHarness : testing::TestApi {
  explicit GuardHarness(ApiOptions options = {})
      : TestApi(std::move(options),
                std::vector<auth::User>{
                    {100, "admin", "Admin@123", {}, {auth::Permission::kTaskManager}, {}}}) {}

  std::string TaskStatus() const {
    http::Response r = Send("GET", "/api/v2/tasks/instances/7", {{"Authorization", kGuardAdmin}});
    auto doc = json::ParseJson(r.body);
    if (!doc.ok() || !doc.value().HasMember("data")) return "unreadable: " + r.body;
    return doc.value()["data"]["status"].GetString();
  }
};

struct GuardCase {
  const char* label;
  const char* method;
  const char* target;
  http::Headers headers;  // besides Authorization on /api/
  int status;
};

void PrintTo(const GuardCase& c, std::ostream* os) { *os << c.label; }

class BrowserGuardTest : public ::testing::TestWithParam<GuardCase> {};

TEST_P(BrowserGuardTest, Answers) {
  const GuardCase& c = GetParam();
  GuardHarness h;
  http::Headers headers = c.headers;
  if (std::string_view(c.target).starts_with("/api/")) {
    headers.emplace_back("Authorization", kGuardAdmin);
  }
  http::Response r = h.Send(c.method, c.target, headers);
  EXPECT_EQ(c.status, r.status) << r.body;
  if (c.status != 403) return;
  auto doc = json::ParseJson(r.body);
  ASSERT_TRUE(doc.ok()) << r.body;
  EXPECT_STREQ("IAM11000", doc.value()["error"]["code"].GetString()) << "4.2.2's permissionDenied";
  EXPECT_THAT(std::string(doc.value()["error"]["message"].GetString()),
              HasSubstr("X-OCP-Mock-UI: 1"));
}

const http::Headers kGuardEvil = {{"Origin", "https://evil.example"}};
const http::Headers kGuardSigned = {{"Origin", "https://evil.example"}, {"X-OCP-Mock-UI", "1"}};

INSTANTIATE_TEST_SUITE_P(
    Requests, BrowserGuardTest,
    ::testing::Values(
        GuardCase{"ControlPostWithOrigin", "POST", "/__mock/reset", kGuardEvil, 403},
        GuardCase{"ControlPostWithOriginAndHeader", "POST", "/__mock/reset", kGuardSigned, 200},
        GuardCase{"ControlPostWithHeaderZero",
                  "POST",
                  "/__mock/reset",
                  {{"Origin", "http://127.0.0.1:8080"}, {"X-OCP-Mock-UI", "0"}},
                  403},
        GuardCase{"ControlPostCrossSite",
                  "POST",
                  "/__mock/reset",
                  {{"Sec-Fetch-Site", "cross-site"}},
                  403},
        GuardCase{
            "ControlPostSameSite", "POST", "/__mock/reset", {{"Sec-Fetch-Site", "same-site"}}, 403},
        GuardCase{"ControlPostSameOriginWithoutOrigin",
                  "POST",
                  "/__mock/reset",
                  {{"Sec-Fetch-Site", "same-origin"}},
                  200},
        GuardCase{
            "ControlPostUserInitiated", "POST", "/__mock/reset", {{"Sec-Fetch-Site", "none"}}, 200},
        GuardCase{"ControlPostLikeCurl", "POST", "/__mock/reset", {}, 200},
        GuardCase{"ControlDeleteWithOrigin", "DELETE", "/__mock/faults", kGuardEvil, 403},
        GuardCase{"ControlReadWithOrigin", "GET", "/__mock/clock", kGuardEvil, 200},
        GuardCase{"PageWithOrigin", "GET", "/__mock/ui", kGuardEvil, 200},
        GuardCase{"ApiPostWithOrigin", "POST", "/api/v2/tasks/instances/7/retry", kGuardEvil, 403},
        GuardCase{"ApiPostWithHeader", "POST", "/api/v2/tasks/instances/7/retry", kGuardSigned,
                  200},
        GuardCase{"ApiPostLikeCurl", "POST", "/api/v2/tasks/instances/7/retry", {}, 200},
        GuardCase{"ApiReadWithOrigin", "GET", "/api/v2/tasks/instances", kGuardEvil, 200},
        GuardCase{"UnknownPathWithOrigin", "POST", "/api/v2/nothing", kGuardEvil, 403}),
    [](const auto& param_info) { return std::string(param_info.param.label); });

TEST(BrowserGuardRefusalTest, ChangesNothing) {
  GuardHarness h;
  const int64_t before = h.clock.NowMs();
  EXPECT_EQ(403, h.Send("POST", "/__mock/clock/advance?seconds=60", kGuardEvil).status);
  EXPECT_EQ(before, h.clock.NowMs());
  http::Headers retry = kGuardEvil;
  retry.emplace_back("Authorization", kGuardAdmin);
  EXPECT_EQ(403, h.Send("POST", "/api/v2/tasks/instances/7/retry", retry).status);
  EXPECT_EQ("FAILED", h.TaskStatus());
  retry.emplace_back("X-OCP-Mock-UI", "1");
  EXPECT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/7/retry", retry).status);
  EXPECT_EQ("RUNNING", h.TaskStatus()) << "the page's own retry goes through";
}

// A forged request is refused whoever's credentials it carries, or none: 403 before 401.
TEST(BrowserGuardRefusalTest, ComesBeforeTheCredentials) {
  GuardHarness h;
  http::Response r = h.Send("POST", "/api/v2/tasks/instances/7/retry", kGuardEvil);
  EXPECT_EQ(403, r.status) << r.body;
  EXPECT_EQ(nullptr, http::FindHeader(r.headers, "WWW-Authenticate"));
}

TEST(BrowserGuardRefusalTest, IsJournaledOutsideTheControlPlane) {
  GuardHarness h;
  ASSERT_EQ(403, h.Send("POST", "/api/v2/tasks/instances/7/retry", kGuardEvil).status);
  EXPECT_EQ(1u, h.api.journal().Count({.method = "POST", .status = 403}));
}

// --cors-origin allows one origin's pages to call the mock: those are the operator's, exempt.
TEST(BrowserGuardCorsTest, TheAllowedOriginIsExempt) {
  GuardHarness one(ApiOptions{.cors_origin = "https://tool.example"});
  EXPECT_EQ(200, one.Send("POST", "/__mock/reset", {{"Origin", "https://tool.example"}}).status);
  EXPECT_EQ(403, one.Send("POST", "/__mock/reset", kGuardEvil).status);
  GuardHarness any(ApiOptions{.cors_origin = "*"});
  EXPECT_EQ(200, any.Send("POST", "/__mock/reset", kGuardEvil).status);
}

}  // namespace
}  // namespace mock::api
