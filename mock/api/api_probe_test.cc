// The endpoints clients use to find OCP, HEAD and OPTIONS, and CORS: through Api::Handle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"
#include "mock/model/timestamp.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

constexpr const char* kAdmin = "Basic YWRtaW46QWRtaW5AMTIz";  // admin:Admin@123

// The test API with one user who may do anything.
struct ProbeHarness : testing::TestApi {
  explicit ProbeHarness(ApiOptions options = {})
      : TestApi(std::move(options),
                std::vector<auth::User>{
                    {100, "admin", "Admin@123", {}, {auth::Permission::kTaskManager}, {}}}) {}
};

TEST(ProbesTest, TimeNeedsNoCredentialsAndIsTheMockClockAsText) {
  ProbeHarness h;
  http::Response r = h.Send("GET", "/api/v2/time");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_EQ("text/plain", r.content_type);
  auto t = model::ParseTimestamp(r.body);
  ASSERT_TRUE(t.has_value()) << r.body;
  EXPECT_NEAR(static_cast<double>(h.clock.NowMs()), static_cast<double>(t->epoch_ms), 1.0);
  EXPECT_EQ(1u, h.api.journal().Count({.path_glob = "/api/v2/time"})) << "an OCP request";
}

TEST(ProbesTest, InfoIsABareObjectWhoseBuildVersionStartsWithTheVersion) {
  ProbeHarness h(ApiOptions{.ocp_version = "4.2.1"});
  EXPECT_EQ(401, h.Send("GET", "/api/v2/info").status);
  http::Response r = h.Send("GET", "/api/v2/info", {{"Authorization", kAdmin}});
  ASSERT_EQ(200, r.status) << r.body;
  auto v = testdata::BundledSchemas().ValidateText("info", r.body);
  EXPECT_TRUE(v.empty()) << json::Describe(v) << "\n" << r.body;
  auto doc = json::ParseJson(r.body);
  ASSERT_TRUE(doc.ok());
  const std::string build = doc.value()["buildVersion"].GetString();
  EXPECT_EQ("4.2.1", build.substr(0, build.find('_')));  // obdeploy's split("_")[0]
  EXPECT_FALSE(doc.value().HasMember("status")) << "not in the envelope";
}

TEST(ProbesTest, ApiStatusOnlyWhereTheVersionHasIt) {
  ProbeHarness with(ApiOptions{.ocp_version = "4.2.1", .api_status = true});
  http::Response ok =
      with.Send("GET", "/api/status?includeUnavailableComponent=TRUE", {{"Authorization", kAdmin}});
  EXPECT_EQ(200, ok.status);
  EXPECT_EQ("okay", ok.body);
  http::Response bad = with.Send("GET", "/api/status?includeUnavailableComponent=maybe",
                                 {{"Authorization", kAdmin}});
  EXPECT_EQ(400, bad.status);
  EXPECT_THAT(bad.body, HasSubstr("includeUnavailableComponent"));
  ProbeHarness without(ApiOptions{.ocp_version = "4.0.3", .api_status = false});
  EXPECT_EQ(404, without.Send("GET", "/api/status", {{"Authorization", kAdmin}}).status);
}

TEST(ProbesTest, HealthSaysVersionAndTasks) {
  ProbeHarness h;
  auto doc = json::ParseJson(h.Send("GET", "/__mock/health").body);
  ASSERT_TRUE(doc.ok());
  EXPECT_STREQ("4.2.2", doc.value()["data"]["ocpVersion"].GetString());
  EXPECT_TRUE(doc.value()["data"]["ready"].GetBool());
  EXPECT_EQ(1, doc.value()["data"]["tasks"].GetInt());
}

TEST(HttpMethodsTest, HeadIsGetWithoutTheBody) {
  ProbeHarness h;
  http::Response get = h.Send("GET", "/api/v2/tasks/instances", {{"Authorization", kAdmin}});
  http::Response head = h.Send("HEAD", "/api/v2/tasks/instances", {{"Authorization", kAdmin}});
  EXPECT_EQ(200, head.status);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(get.content_type, head.content_type);
  EXPECT_EQ(405,
            h.Send("HEAD", "/api/v2/tasks/instances/7/retry", {{"Authorization", kAdmin}}).status);
  EXPECT_EQ(401, h.Send("HEAD", "/api/v2/tasks/instances").status);
}

TEST(HttpMethodsTest, OptionsListsTheMethodsWithoutCredentials) {
  ProbeHarness h;
  http::Response list = h.Send("OPTIONS", "/api/v2/tasks/instances");
  EXPECT_EQ(200, list.status);
  EXPECT_EQ("GET, HEAD, OPTIONS", *http::FindHeader(list.headers, "Allow"));
  EXPECT_TRUE(list.body.empty());
  http::Response retry = h.Send("OPTIONS", "/api/v2/tasks/instances/7/retry");
  EXPECT_EQ("POST, OPTIONS", *http::FindHeader(retry.headers, "Allow"));
  EXPECT_EQ(404, h.Send("OPTIONS", "/api/v2/nothing").status);
  EXPECT_EQ(nullptr, http::FindHeader(list.headers, "Access-Control-Allow-Origin"))
      << "no CORS unless asked for";
}

TEST(HttpMethodsTest, CorsHeadersWhenAnOriginIsGiven) {
  ProbeHarness h(ApiOptions{.cors_origin = "https://tool.example"});
  http::Response pre = h.Send("OPTIONS", "/api/v2/tasks/instances",
                              {{"Origin", "https://tool.example"},
                               {"Access-Control-Request-Method", "GET"},
                               {"Access-Control-Request-Headers", "authorization, x-trace-id"}});
  EXPECT_EQ(200, pre.status);
  EXPECT_EQ("https://tool.example", *http::FindHeader(pre.headers, "Access-Control-Allow-Origin"));
  EXPECT_EQ("GET, HEAD, OPTIONS", *http::FindHeader(pre.headers, "Access-Control-Allow-Methods"));
  EXPECT_EQ("authorization, x-trace-id",
            *http::FindHeader(pre.headers, "Access-Control-Allow-Headers"));
  http::Response get = h.Send("GET", "/api/v2/tasks/instances", {{"Authorization", kAdmin}});
  EXPECT_EQ("https://tool.example", *http::FindHeader(get.headers, "Access-Control-Allow-Origin"));
  EXPECT_EQ(nullptr, http::FindHeader(get.headers, "Access-Control-Max-Age"));
}

}  // namespace
}  // namespace mock::api
