// Steering the alarms: POST /__mock/alarms raises one (its body checked, 400 naming the field,
// nothing changed), POST /__mock/alarms/{id}/resolve resolves it, durationSeconds resolves it on
// the mock clock, the world's alarms resolve when their condition clears (a tenant unlocked, a
// failed task retried), and POST /__mock/reset forgets them all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/families/alarms/test_alarms_api.h"
#include "mock/model/timestamp.h"

namespace mock::families {
namespace {

using testing::AlarmsApi;
using ::testing::HasSubstr;
using testing::kAlarmList;

constexpr char kRaise[] =
    R"({"scope": "Host", "level": 2, "target": "svr_ip=10.0.0.3", "summary": "disk full",
        "labels": {"host_ip": "10.0.0.3"}})";

std::string SteerPath(int64_t id) { return std::string(kAlarmList) + "/" + std::to_string(id); }

std::string HeldAlarms(const AlarmsApi& h) {
  const std::string body = h.Send("GET", "/__mock/alarms").body;
  return body.substr(0, body.find(",\"duration\""));
}

// The status of the world's alarm whose labels hold `key` = `value`, newest first; "" if none.
std::string WorldAlarmStatus(const AlarmsApi& h, const char* key, const std::string& value) {
  const rapidjson::Document all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
  for (const auto& a : all["data"]["contents"].GetArray()) {
    const auto it = a["labels"].FindMember(key);
    if (it != a["labels"].MemberEnd() && value == it->value.GetString()) {
      return a["status"].GetString();
    }
  }
  return "";
}

TEST(AlarmsControlTest, ARaisedAlarmIsServedActiveWithItsDefaults) {
  AlarmsApi h;
  const rapidjson::Document raised = h.Json("POST", "/__mock/alarms", kRaise);
  EXPECT_EQ("", json::Describe(h.schemas().Validate("alarm-response", raised)));
  const rapidjson::Value& a = raised["data"];
  EXPECT_STREQ("Active", a["status"].GetString());
  EXPECT_STREQ("OceanBase", a["appType"].GetString()) << "4.2.x's";
  EXPECT_STREQ("mock_raised_alarm", a["alarmType"].GetString());
  EXPECT_STREQ("disk full", a["description"].GetString());
  EXPECT_STREQ("2", a["labels"]["alarm_level"].GetString());
  EXPECT_STREQ("disk full", a["name"].GetString());
  EXPECT_STREQ("10.0.0.3", a["labels"]["host_ip"].GetString());
  const rapidjson::Document served = h.Json("GET", SteerPath(a["id"].GetInt64()));
  EXPECT_EQ(a, served["data"]);
  const auto listed = h.Json("GET", std::string(kAlarmList) + "?keyword=disk%20full");
  ASSERT_EQ(1u, listed["data"]["contents"].Size());
  EXPECT_EQ(a, listed["data"]["contents"][0]);
}

TEST(AlarmsControlTest, ResolvingMakesItInactiveAtTheMockClocksNow) {
  AlarmsApi h;
  const int64_t id = h.Json("POST", "/__mock/alarms", kRaise)["data"]["id"].GetInt64();
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=90").status);
  const rapidjson::Document resolved =
      h.Json("POST", "/__mock/alarms/" + std::to_string(id) + "/resolve");
  EXPECT_STREQ("Inactive", resolved["data"]["status"].GetString());
  EXPECT_TRUE(resolved["data"].HasMember("resolvedAt"));
  const auto inactive = h.Json("GET", std::string(kAlarmList) + "?status=Inactive");
  ASSERT_EQ(1u, inactive["data"]["contents"].Size());
  EXPECT_EQ(id, inactive["data"]["contents"][0]["id"].GetInt64());
}

TEST(AlarmsControlTest, ResolvingTwiceOrAnUnknownAlarmIsRefusedAndChangesNothing) {
  AlarmsApi h;
  const int64_t id = h.Json("POST", "/__mock/alarms", kRaise)["data"]["id"].GetInt64();
  const std::string resolve = "/__mock/alarms/" + std::to_string(id) + "/resolve";
  ASSERT_EQ(200, h.Send("POST", resolve).status);
  const std::string before = HeldAlarms(h);
  const http::Response twice = h.Send("POST", resolve);
  EXPECT_EQ(400, twice.status);
  EXPECT_THAT(twice.body, HasSubstr("resolved already"));
  EXPECT_EQ(404, h.Send("POST", "/__mock/alarms/7/resolve").status);
  EXPECT_EQ(before, HeldAlarms(h));
}

TEST(AlarmsControlTest, ADurationResolvesTheAlarmWhenTheClockPassesIt) {
  AlarmsApi h;
  const int64_t id =
      h.Json("POST", "/__mock/alarms",
             R"({"scope": "Cluster", "level": 3, "target": "ob_cluster=c1", "summary": "cpu",
                 "durationSeconds": 600})")["data"]["id"]
          .GetInt64();
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=599").status);
  EXPECT_STREQ("Active", h.Json("GET", SteerPath(id))["data"]["status"].GetString());
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=1").status);
  const rapidjson::Document after = h.Json("GET", SteerPath(id));
  EXPECT_STREQ("Inactive", after["data"]["status"].GetString());
  EXPECT_EQ(after["data"]["resolvedAt"], after["data"]["updatedAt"]);
}

struct BadRaise {
  std::string body;
  std::string names;
};

void PrintTo(const BadRaise& b, std::ostream* os) { *os << b.names; }

class AlarmsBadRaiseTest : public ::testing::TestWithParam<BadRaise> {};

TEST_P(AlarmsBadRaiseTest, IsA400NamingTheFieldAndRaisesNothing) {
  AlarmsApi h;
  const std::string before = HeldAlarms(h);
  const http::Response r = h.Send("POST", "/__mock/alarms", GetParam().body);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(GetParam().names));
  EXPECT_EQ(before, HeldAlarms(h));
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, AlarmsBadRaiseTest,
    ::testing::Values(
        BadRaise{R"({"scope": "Host", "target": "t", "summary": "s"})", "level"},
        BadRaise{R"({"scope": "Host", "level": 9, "target": "t", "summary": "s"})", "level"},
        BadRaise{R"({"scope": "ObTenant", "level": 1, "target": "t", "summary": "s"})", "scope"},
        BadRaise{R"({"scope": "Host", "appType": "OB", "level": 1, "target": "t", "summary": "s"})",
                 "appType"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s",
                     "status": "Inactive"})",
                 "status"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s", "lvl": 1})",
                 "lvl"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s",
                     "labels": {"alarm_level": "x"}})",
                 "labels.alarm_level"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s",
                     "durationSeconds": 0})",
                 "durationSeconds"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s",
                     "labels": {"bad key": "x"}})",
                 "labels"},
        BadRaise{R"({"scope": "Host", "level": 1, "target": "t", "summary": "s",
                     "labels": {"k": 1}})",
                 "labels.k"},
        BadRaise{"{", "JSON parse error"}, BadRaise{"", "Required request body is missing"}),
    [](const auto& param_info) {
      std::string name = "case" + std::to_string(param_info.index) + "_";
      for (char ch : param_info.param.names) name += std::isalnum(ch) != 0 ? ch : '_';
      return name;
    });

TEST(AlarmsControlTest, UnlockingTheTenantResolvesItsAlarm) {
  AlarmsApi h;
  EXPECT_EQ("Active", WorldAlarmStatus(h, "tenant_id", "171"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=30").status);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/ob/clusters/1/tenants/171/unlock").status);
  EXPECT_EQ("Inactive", WorldAlarmStatus(h, "tenant_id", "171"));
  ASSERT_EQ(200, h.Send("POST", "/api/v2/ob/clusters/1/tenants/171/lock").status);
  EXPECT_EQ("Active", WorldAlarmStatus(h, "tenant_id", "171")) << "a new alarm opens";
}

TEST(AlarmsControlTest, ATaskFailingAsTheClockAdvancesOpensAnAlarmThenAndItsRetryResolvesIt) {
  AlarmsApi h;
  // Task 8000001's second subtask fails on its first run, 14 s of mock time in
  // (fixtures/tasks/20-scenarios.json).
  EXPECT_EQ("", WorldAlarmStatus(h, "task_id", "8000001"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=60").status);
  const int64_t seen = h.clock.NowMs();
  EXPECT_EQ("Active", WorldAlarmStatus(h, "task_id", "8000001"));
  const auto opened = h.Json("GET", std::string(kAlarmList) + "?size=2000&scope=Cluster");
  const rapidjson::Value* found = nullptr;
  for (const auto& each : opened["data"]["contents"].GetArray()) {
    const auto id = each["labels"].FindMember("task_id");
    if (id != each["labels"].MemberEnd() && std::string(id->value.GetString()) == "8000001") {
      found = &each;
    }
  }
  ASSERT_NE(nullptr, found);
  const rapidjson::Value& a = *found;
  EXPECT_STREQ("ob_cluster_operation_info", a["alarmType"].GetString());
  EXPECT_STREQ("Cluster", a["scope"].GetString());
  EXPECT_STREQ("ob_cluster=obcluster-prod-hz", a["target"].GetString());
  EXPECT_EQ(model::ParseTimestamp(a["activeAt"].GetString())->epoch_ms, seen);
  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/8000001/retry").status);
  EXPECT_EQ("Inactive", WorldAlarmStatus(h, "task_id", "8000001"));
}

TEST(AlarmsControlTest, RetryingTheFailedTaskResolvesItsAlarm) {
  AlarmsApi h;
  EXPECT_EQ("Active", WorldAlarmStatus(h, "task_id", "7000002"));
  ASSERT_EQ(200, h.Send("POST", "/api/v2/tasks/instances/7000002/retry").status);
  EXPECT_EQ("Inactive", WorldAlarmStatus(h, "task_id", "7000002"));
}

TEST(AlarmsControlTest, ResetForgetsEveryAlarmAndTheIdsStartAgain) {
  AlarmsApi h;
  const int64_t id = h.Json("POST", "/__mock/alarms", kRaise)["data"]["id"].GetInt64();
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=alarms").status);
  EXPECT_EQ(404, h.Send("GET", SteerPath(id)).status) << "not held, not re-raised";
  const rapidjson::Document held = h.Json("GET", "/__mock/alarms");
  ASSERT_GT(held["data"].Size(), 0u) << "the world's alarms open again at the next read";
  EXPECT_EQ(1000001, held["data"][0]["id"].GetInt64());
  EXPECT_EQ(std::string::npos, HeldAlarms(h).find("disk full"));
}

}  // namespace
}  // namespace mock::families
