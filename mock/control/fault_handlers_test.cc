// Fault rules through the API: a status rule answers in OCP's envelope instead of serving the
// request, transport rules reach the adapter as a Delivery, the journal says which rule fired,
// and every bad rule is a 400 that adds nothing.
#include "mock/control/fault_handlers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

struct FaultHarness : testing::TestApi {
  http::Response AddRule(const std::string& body) {
    return Send("POST", "/__mock/faults", {}, body);
  }
  http::Response List() { return Send("GET", "/api/v2/tasks/instances"); }
};

TEST(FaultApiTest, AStatusRuleAnswersWithTheCataloguesErrorAndServesNothing) {
  FaultHarness h;
  http::Response added = h.AddRule(
      R"({"match": {"method": "POST", "path": "/api/v2/tasks/instances/*/retry"},
          "action": {"type": "status", "status": 503}, "times": 1})");
  ASSERT_EQ(200, added.status) << added.body;
  EXPECT_THAT(added.body, HasSubstr(R"("id":1)"));
  EXPECT_THAT(added.body, HasSubstr(R"("remaining":1)"));
  http::Response r = h.Send("POST", "/api/v2/tasks/instances/7/retry");
  EXPECT_EQ(503, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10003")")) << "4.2.2's unavailable";
  EXPECT_THAT(r.body, HasSubstr(R"("message":"Service Unavailable: the mock's fault rule 1 )"
                                R"(answered this request with 503 in place of the server.")"))
      << "not the catalogue's \"Invalid request. Cause:fault rule 1\"";
  EXPECT_EQ(model::TaskStatus::kFailed, h.store.Get(7).value()->status)
      << "the retry was not served";
  EXPECT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/7/retry").status) << "times: 1";
  auto journal = json::ParseJson(h.Send("GET", "/__mock/requests").body);
  const auto& faulted = journal.value()["data"]["contents"][1];
  EXPECT_EQ(503, faulted["status"].GetInt());
  EXPECT_STREQ("status", faulted["fault"]["action"].GetString());
  EXPECT_EQ(1, faulted["fault"]["rule"].GetInt());
  EXPECT_FALSE(journal.value()["data"]["contents"][0].HasMember("fault"));
}

TEST(FaultApiTest, GivenCodeAndMessageAreAnsweredAsGiven) {
  FaultHarness h;
  ASSERT_EQ(200, h.AddRule(R"({"action": {"type": "status", "status": 502, "code": 1234,
                                "message": "bad gateway"}})")
                     .status);
  http::Response r = h.List();
  EXPECT_EQ(502, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("error":{"code":1234,"message":"bad gateway"})"));
}

TEST(FaultApiTest, A429CarriesRetryAfterAndTheRateLimitHeaders) {
  FaultHarness h;
  ASSERT_EQ(200, h.AddRule(R"({"action": {"type": "status", "status": 429,
                                "retryAfterSeconds": 7}})")
                     .status);
  http::Response r = h.List();
  EXPECT_EQ(429, r.status);
  EXPECT_EQ("7", *http::FindHeader(r.headers, "Retry-After"));
  EXPECT_EQ("0", *http::FindHeader(r.headers, "RateLimit-Remaining"));
  EXPECT_EQ("7", *http::FindHeader(r.headers, "RateLimit-Reset"));
}

TEST(FaultApiTest, TransportRulesReachTheAdapterAsADelivery) {
  FaultHarness h;
  ASSERT_EQ(200, h.AddRule(R"({"match": {"query": {"name": "slow"}},
                               "action": {"type": "delay", "delayMs": 250}})")
                     .status);
  ASSERT_EQ(200, h.AddRule(R"({"match": {"query": {"name": "drop"}},
                               "action": {"type": "reset"}})")
                     .status);
  ASSERT_EQ(200, h.AddRule(R"({"match": {"query": {"name": "drip"}},
                               "action": {"type": "drip", "dripMs": 900, "delayMs": 5}})")
                     .status);
  http::Response slow = h.Send("GET", "/api/v2/tasks/instances?slow=1");
  EXPECT_EQ(200, slow.status) << "a delayed answer is the real one";
  EXPECT_EQ(250, slow.delivery.delay_ms);
  EXPECT_EQ(http::Delivery::Mode::kWhole, slow.delivery.mode);
  EXPECT_EQ(http::Delivery::Mode::kReset,
            h.Send("GET", "/api/v2/tasks/instances?drop").delivery.mode);
  http::Response drip = h.Send("GET", "/api/v2/tasks/instances?drip");
  EXPECT_EQ(http::Delivery::Mode::kDrip, drip.delivery.mode);
  EXPECT_EQ(900, drip.delivery.drip_ms);
  EXPECT_EQ(5, drip.delivery.delay_ms);
  EXPECT_TRUE(h.List().delivery.immediate()) << "no rule matches";
  EXPECT_TRUE(h.Send("GET", "/__mock/clock?slow").delivery.immediate()) << "never /__mock/";
}

TEST(FaultApiTest, RulesNeverHideA401) {
  testing::TestApi h({},
                     std::vector<auth::User>{
                         {1, "admin", "pw", {}, {auth::Permission::kTaskManager}, std::nullopt}});
  ASSERT_EQ(200,
            h.Send("POST", "/__mock/faults", {},
                   R"({"match": {"user": "admin"}, "action": {"type": "status", "status": 500}})")
                .status);
  EXPECT_EQ(401, h.Send("GET", "/api/v2/tasks/instances").status);
  EXPECT_EQ(
      500,
      h.Send("GET", "/api/v2/tasks/instances", {{"Authorization", "Basic YWRtaW46cHc="}}).status);
}

TEST(FaultApiTest, ListsAndRemovesRules) {
  FaultHarness h;
  ASSERT_EQ(200, h.AddRule(R"({"action": {"type": "reset"}, "seed": 9})").status);
  ASSERT_EQ(200, h.AddRule(R"({"action": {"type": "truncate"}, "probability": 0.25})").status);
  auto listed = json::ParseJson(h.Send("GET", "/__mock/faults").body);
  const auto& rules = listed.value()["data"]["contents"];
  ASSERT_EQ(2u, rules.Size());
  EXPECT_EQ(9u, rules[0]["seed"].GetUint64());
  EXPECT_DOUBLE_EQ(0.25, rules[1]["probability"].GetDouble());
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/faults/5").status);
  EXPECT_EQ(200, h.Send("DELETE", "/__mock/faults/1").status);
  EXPECT_THAT(h.Send("DELETE", "/__mock/faults").body, HasSubstr(R"("cleared":1)"));
  EXPECT_TRUE(h.api.faults().List().empty());
}

// Each bad rule: a 400 whose message says what was wrong and where; no rule is added.
TEST(FaultApiTest, BadRulesAreRefusedAndAddNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"action": {"type": "status", "status": 503}, "probability": 2})", "/probability"},
      {R"({"action": {"type": "explode"}})", "/action/type"},
      {R"({"action": {"type": "reset"}, "colour": "red"})", "colour"},
      {R"({"action": {"type": "delay"}})", "/action"},
      {R"({"action": {"type": "delay", "delayMs": "soon"}})", "/action/delayMs"},
      {R"({"action": {"type": "delay", "delayMs": {"min": 900, "max": 100}}})",
       "min 900 exceeds max 100"},
      {R"({"match": {"path": "/api/[v2"}, "action": {"type": "reset"}})", "never closed"},
      {R"({"match": {"path": "api"}, "action": {"type": "reset"}})", "/match/path"},
      {R"({"action": {"type": "status", "status": 502}})", "give its code and message"},
      {R"({"action": {"type": "status", "status": 200}})", "/action/status"},
      {R"({"action": )", "not valid JSON"},
      {"", "not valid JSON"},
  };
  FaultHarness h;
  for (const auto& [body, says] : cases) {
    http::Response r = h.AddRule(body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(says)) << body;
    EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10003")")) << body;
  }
  EXPECT_TRUE(h.api.faults().List().empty());
}

}  // namespace
}  // namespace mock::api
