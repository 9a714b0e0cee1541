// POST /__mock/reset: everything back as the mock started, or the parts named.
#include "mock/control/control_handlers.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

constexpr const char* kLimited = "Basic bGltaXRlZDpwdw==";  // limited:pw

// The test API with one user, limited to 2 requests an hour; requests are sent as that user.
struct ControlHarness : testing::TestApi {
  ControlHarness()
      : TestApi({}, std::vector<auth::User>{{1,
                                             "limited",
                                             "pw",
                                             {},
                                             {auth::Permission::kTaskManager},
                                             auth::RateLimit{2, 3600}}}) {}
  http::Response Send(const std::string& method, const std::string& target) {
    return TestApi::Send(method, target, {{"Authorization", kLimited}});
  }
  std::string TaskStatus() {
    auto doc = json::ParseJson(Send("GET", "/api/v2/tasks/instances/7").body);
    return doc.ok() && doc.value().HasMember("data") ? doc.value()["data"]["status"].GetString()
                                                     : "(refused)";
  }
};

TEST(ResetTest, PutsEverythingBackByDefault) {
  ControlHarness h;
  const int64_t started = h.clock.NowMs();
  h.clock.Advance(int64_t{48} * 3600 * 1000);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/7/retry").status);
  EXPECT_EQ(200, h.Send("GET", "/api/v2/tasks/instances").status);
  EXPECT_EQ(429, h.Send("GET", "/api/v2/tasks/instances").status) << "the limit of 2 is spent";
  ASSERT_EQ(200, h.TestApi::Send("POST", "/__mock/faults", {},
                                 R"({"match": {"path": "/nowhere"}, "action": {"type": "reset"}})")
                     .status);
  http::Response r = h.Send("POST", "/__mock/reset");
  ASSERT_EQ(200, r.status) << r.body;
  // Every part, the families' among them; each new family adds its own, so the list is not
  // spelled out whole.
  const auto reset = json::ParseJson(r.body);
  ASSERT_TRUE(reset.ok());
  std::vector<std::string> parts;
  for (const auto& p : reset.value()["data"]["reset"].GetArray()) parts.emplace_back(p.GetString());
  EXPECT_TRUE(std::is_sorted(parts.begin(), parts.end()));
  for (const char* part : {"arbitrationServices", "clock", "faults", "hostTypes", "journal",
                           "rateLimits", "softwarePackages", "tasks", "workloadReports"}) {
    EXPECT_NE(parts.end(), std::find(parts.begin(), parts.end(), part)) << part;
  }
  EXPECT_TRUE(h.api.faults().List().empty()) << "no --faults file: no rule after a reset";
  EXPECT_LT(h.clock.NowMs() - started, int64_t{3600} * 1000) << "the advance is forgotten";
  EXPECT_EQ(0u, h.api.journal().Count({}));
  EXPECT_EQ("FAILED", h.TaskStatus()) << "served: the window starts afresh, the task is back";
}

TEST(ResetTest, ResetsOnlyThePartsNamed) {
  ControlHarness h;
  h.clock.Advance(60'000);
  const int64_t advanced = h.clock.NowMs();
  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/7/retry").status);
  http::Response r = h.Send("POST", "/__mock/reset?only=journal,rateLimits");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("reset":["journal","rateLimits"])"));
  EXPECT_GE(h.clock.NowMs(), advanced);
  EXPECT_EQ("RUNNING", h.TaskStatus()) << "the retried task is left as it is";
  EXPECT_EQ(1u, h.api.journal().Count({})) << "only the GET just made";
  h.Send("POST", "/__mock/reset?only=tasks&only=clock");
  EXPECT_LT(h.clock.NowMs(), advanced);
  EXPECT_EQ("FAILED", h.TaskStatus());
}

TEST(ResetTest, BadPartsAreRefusedAndNothingIsReset) {
  ControlHarness h;
  h.clock.Advance(60'000);
  const int64_t advanced = h.clock.NowMs();
  h.Send("GET", "/api/v2/tasks/instances");
  for (const char* target : {"/__mock/reset?only=clock,everything", "/__mock/reset?all=1"}) {
    http::Response r = h.Send("POST", target);
    EXPECT_EQ(400, r.status) << target;
    EXPECT_THAT(r.body, ::testing::AnyOf(HasSubstr("everything"), HasSubstr("all"))) << r.body;
  }
  EXPECT_GE(h.clock.NowMs(), advanced);
  EXPECT_EQ(1u, h.api.journal().Count({}));
}

}  // namespace
}  // namespace mock::api

namespace mock::api {
namespace {

// Beyond loopback, /__mock/ could be used by anyone who reaches the port: there it needs a
// TASK_MANAGER user's credentials (ApiOptions::control_needs_credentials).
TEST(ControlAccessTest, BeyondLoopbackTheControlPlaneNeedsATaskManager) {
  const std::vector<auth::User> users{
      {1, "manager", "pw", {}, {auth::Permission::kTaskManager}, std::nullopt},
      {2, "viewer", "pw", {}, {auth::Permission::kTaskViewer}, std::nullopt}};
  const http::Headers manager{{"Authorization", "Basic bWFuYWdlcjpwdw=="}};  // manager:pw
  const http::Headers viewer{{"Authorization", "Basic dmlld2VyOnB3"}};       // viewer:pw
  ApiOptions exposed;
  exposed.control_needs_credentials = true;
  testing::TestApi open({}, users);
  testing::TestApi guarded(exposed, users);
  EXPECT_EQ(200, open.Send("GET", "/__mock/health").status) << "loopback: no credentials";
  EXPECT_EQ(401, guarded.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(401, guarded.Send("GET", "/__mock/requests").status);
  EXPECT_EQ(401, guarded.Send("GET", "/__mock/faults").status);
  EXPECT_EQ(401, guarded.Send("GET", "/__mock/clock").status);
  EXPECT_EQ(403, guarded.Send("POST", "/__mock/reset", viewer).status);
  EXPECT_EQ(200, guarded.Send("POST", "/__mock/reset", manager).status);
  EXPECT_EQ(200, guarded.Send("GET", "/api/v2/tasks/instances", viewer).status)
      << "OCP's API is as before";
}

// A container's or CI's health check has no credentials: /__mock/health answers it on any
// address, and tells it only whether the mock is ready, the version, the task count and uptime.
TEST(ControlAccessTest, HealthNeedsNoCredentialsOnAnyAddress) {
  const std::vector<auth::User> users{
      {2, "viewer", "pw", {}, {auth::Permission::kTaskViewer}, std::nullopt}};
  ApiOptions exposed;
  exposed.control_needs_credentials = true;
  testing::TestApi guarded(exposed, users);
  for (const char* method : {"GET", "HEAD"}) {
    http::Response r = guarded.Send(method, "/__mock/health");
    EXPECT_EQ(200, r.status) << method << " " << r.body;
    EXPECT_EQ(nullptr, http::FindHeader(r.headers, "WWW-Authenticate")) << method;
  }
  http::Response wrong =
      guarded.Send("GET", "/__mock/health", {{"Authorization", "Basic dmlld2VyOm5v"}});
  EXPECT_EQ(200, wrong.status) << "credentials are not even read";
  auto body = json::ParseJson(guarded.Send("GET", "/__mock/health").body);
  ASSERT_TRUE(body.ok() && body.value().HasMember("data") && body.value()["data"].IsObject());
  std::vector<std::string> keys;
  for (const auto& m : body.value()["data"].GetObject()) keys.emplace_back(m.name.GetString());
  EXPECT_EQ((std::vector<std::string>{"ocpVersion", "quirks", "ready", "tasks", "uptimeSeconds"}),
            keys);
  EXPECT_TRUE(body.value()["data"]["quirks"].IsArray() && body.value()["data"]["quirks"].Empty())
      << "no --quirks: none played";
  EXPECT_TRUE(body.value()["data"]["ready"].GetBool());
  EXPECT_EQ(401, guarded.Send("POST", "/__mock/health").status) << "only the probe is open";
  EXPECT_EQ(401, guarded.Send("GET", "/__mock/healthz").status);
}

}  // namespace
}  // namespace mock::api
