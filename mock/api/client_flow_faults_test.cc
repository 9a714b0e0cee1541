// Fault rules apply to the client flows' writes as to the task API: a rule matching the call
// answers in its place, the call changes nothing, the journal names the rule, and a rule that
// has run out lets the next call through (docs/testing-clients.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/api/test_client_bodies.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;
using testing::Body;
using ::testing::HasSubstr;
using testing::kBodies;

// What a refused call must leave as it was: the tasks, the entities waiting on tasks (hosts,
// tenants, clusters being made), and the list the call adds to (its data: the envelope's timestamp
// and trace id differ per answer).
std::string StateOf(const BundledApi& h, const Body& b) {
  std::string state =
      std::to_string(h.store.size()) + " " + std::to_string(h.entities.PendingTaskIds().size());
  if (*b.listed != '\0') {
    const std::string listed = h.Send("GET", b.listed).body;
    state += " " + listed.substr(0, listed.find(",\"duration\""));
  }
  return state;
}

class ClientFlowFaults : public ::testing::TestWithParam<Body> {};

TEST_P(ClientFlowFaults, ARuleAnswersInPlaceOfTheCallAndChangesNothing) {
  const Body& b = GetParam();
  BundledApi h;
  ASSERT_EQ(200, testing::MakeCredentialOne(h));
  const std::string rule = std::string(R"({"match": {"method": ")") + b.method + R"(", "path": ")" +
                           b.path +
                           R"("}, "action": {"type": "status", "status": 503}, "times": 1})";
  ASSERT_EQ(200, h.Send("POST", "/__mock/faults", rule).status);
  const std::string before = StateOf(h, b);
  const std::string body = std::string("{") + b.fields + "}";
  http::Response refused = h.Send(b.method, b.path, body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(503, refused.status) << refused.body;
  EXPECT_THAT(refused.body, HasSubstr(R"("successful":false)"));
  EXPECT_EQ(before, StateOf(h, b));
  auto journal = json::ParseJson(h.Send("GET", "/__mock/requests?method=POST&size=1").body);
  ASSERT_TRUE(journal.ok());
  const rapidjson::Value& last = journal.value()["data"]["contents"][0];
  EXPECT_STREQ(b.path, last["path"].GetString());
  ASSERT_TRUE(last.HasMember("fault")) << "the journal names the rule that fired";
  EXPECT_EQ(1, last["fault"]["rule"].GetInt());
  http::Response through = h.Send(b.method, b.path, body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(200, through.status) << "times: 1 " << through.body;
}

INSTANTIATE_TEST_SUITE_P(EveryBody, ClientFlowFaults, ::testing::ValuesIn(kBodies),
                         [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace mock::api
