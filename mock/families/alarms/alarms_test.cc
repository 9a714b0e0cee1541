// The alert event list and detail through the whole API: the world's alarms (an OFFLINE host, a
// locked tenant, FAILED tasks) in the documented form, newest first; every documented filter
// served, paging and sorting consistent across pages; every refusal naming its parameter in the
// version's code; the permission.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "mock/families/alarms/test_alarms_api.h"
#include "mock/model/timestamp.h"

namespace mock::families {
namespace {

using testing::AlarmsApi;
using ::testing::HasSubstr;
using testing::kAlarmList;

// The ids of one answer's page, in order.
std::vector<int64_t> AlarmIdsOf(const rapidjson::Document& answer) {
  std::vector<int64_t> ids;
  for (const auto& a : answer["data"]["contents"].GetArray()) ids.push_back(a["id"].GetInt64());
  return ids;
}

// `ms` as a query value: ISO-8601 with its offset, `+` escaped.
std::string AlarmTimeParam(int64_t ms) {
  // A named timestamp: text() views into it, and a temporary's view would be read after it ends.
  const model::Timestamp t = model::MakeTimestamp(ms);
  std::string out;
  for (char c : t.text()) out += c == '+' ? std::string("%2B") : std::string(1, c);
  return out;
}

// The alarm of `type` whose target contains `target`, from the whole list; null if none.
const rapidjson::Value* AlarmNamed(const rapidjson::Document& all, const std::string& type,
                                   const std::string& target) {
  for (const auto& a : all["data"]["contents"].GetArray()) {
    if (type == a["alarmType"].GetString() &&
        std::string(a["target"].GetString()).find(target) != std::string::npos) {
      return &a;
    }
  }
  return nullptr;
}

TEST(AlarmsTest, TheWorldsConditionsShowAsAlarmsInTheDocumentedForm) {
  AlarmsApi h;
  const rapidjson::Document all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
  EXPECT_EQ("", json::Describe(h.schemas().Validate("alarm-list-response", all)));
  const rapidjson::Value* host = AlarmNamed(all, "host_unavailable", "svr_ip=10.0.0.6");
  ASSERT_NE(nullptr, host) << "host 6 is OFFLINE";
  EXPECT_EQ(1, (*host)["level"].GetInt());
  EXPECT_STREQ("Host", (*host)["scope"].GetString());
  EXPECT_STREQ("OCP", (*host)["appType"].GetString());
  EXPECT_STREQ("Active", (*host)["status"].GetString());
  EXPECT_STREQ("1", (*host)["labels"]["alarm_level"].GetString()) << "4.2.x: a digit";
  EXPECT_FALSE(host->HasMember("resolvedAt"));
  const rapidjson::Value* tenant = AlarmNamed(all, "ob_tenant_operation_info", "tenant_name=trade");
  ASSERT_NE(nullptr, tenant) << "tenant 171 is locked";
  EXPECT_EQ(5, (*tenant)["level"].GetInt());
  EXPECT_STREQ("Tenant", (*tenant)["scope"].GetString());
  EXPECT_STREQ("OceanBase", (*tenant)["appType"].GetString());
  const rapidjson::Value* task = AlarmNamed(all, "ob_tenant_operation_info", "");
  ASSERT_NE(nullptr, task);
  bool task_7000002 = false;
  for (const auto& a : all["data"]["contents"].GetArray()) {
    const auto id = a["labels"].FindMember("task_id");
    if (id != a["labels"].MemberEnd() && std::string(id->value.GetString()) == "7000002") {
      task_7000002 = true;
      EXPECT_THAT(a["summary"].GetString(), HasSubstr("Create tenant FAILED"));
    }
  }
  EXPECT_TRUE(task_7000002) << "task 7000002 is FAILED";
  EXPECT_EQ(AlarmNamed(all, "host_unavailable", "svr_ip=10.0.0.1"), nullptr) << "host 1 is ONLINE";
}

TEST(AlarmsTest, VersionsBefore420UseTheEnglishPagesVocabulary) {
  for (const char* version : {"3.1.1", "4.0.0", "4.0.3"}) {
    AlarmsApi h(version);
    const rapidjson::Document all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
    EXPECT_EQ("", json::Describe(h.schemas().Validate("alarm-list-response", all)));
    const rapidjson::Value* tenant =
        AlarmNamed(all, "ob_tenant_operation_info", "tenant_name=trade");
    ASSERT_NE(nullptr, tenant) << version;
    EXPECT_STREQ("ObTenant", (*tenant)["scope"].GetString()) << version;
    EXPECT_STREQ("OB", (*tenant)["appType"].GetString()) << version;
    EXPECT_STREQ("Reminder", (*tenant)["labels"]["alarm_level"].GetString()) << version;
    EXPECT_FALSE(tenant->HasMember("statusUpdatedAt")) << version;
    EXPECT_EQ(400, h.Send("GET", std::string(kAlarmList) + "?scope=Tenant").status) << version;
    EXPECT_EQ(200, h.Send("GET", std::string(kAlarmList) + "?scope=ObTenant").status) << version;
  }
}

TEST(AlarmsTest, TheListIsNewestFirstAndItsPagesJoinToTheWholeList) {
  AlarmsApi h;
  const rapidjson::Document all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
  const std::vector<int64_t> ids = AlarmIdsOf(all);
  ASSERT_GT(ids.size(), 10u);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
  std::vector<int64_t> joined;
  for (int page = 1; page <= 20; ++page) {
    const rapidjson::Document p =
        h.Json("GET", std::string(kAlarmList) + "?size=7&page=" + std::to_string(page));
    EXPECT_EQ(static_cast<int64_t>(ids.size()), p["data"]["page"]["totalElements"].GetInt64());
    for (int64_t id : AlarmIdsOf(p)) joined.push_back(id);
  }
  EXPECT_EQ(ids, joined);
}

TEST(AlarmsTest, SortingByLevelThenIdIsStableAcrossPages) {
  AlarmsApi h;
  const rapidjson::Document all =
      h.Json("GET", std::string(kAlarmList) + "?size=2000&sort=level,asc");
  int last = 0;
  for (const auto& a : all["data"]["contents"].GetArray()) {
    EXPECT_LE(last, a["level"].GetInt());
    last = a["level"].GetInt();
  }
  std::vector<int64_t> joined;
  for (int page = 1; page <= 10; ++page) {
    const rapidjson::Document p = h.Json(
        "GET", std::string(kAlarmList) + "?size=10&sort=level,asc&page=" + std::to_string(page));
    for (int64_t id : AlarmIdsOf(p)) joined.push_back(id);
  }
  EXPECT_EQ(AlarmIdsOf(all), joined);
}

struct AlarmFilterCase {
  std::string query;
  std::string field;  // every alarm answered has this field ...
  std::string value;  // ... equal to this (level: its decimal)
};

void PrintTo(const AlarmFilterCase& c, std::ostream* os) { *os << c.query; }

class AlarmFilterTest : public ::testing::TestWithParam<AlarmFilterCase> {};

TEST_P(AlarmFilterTest, SelectsOnlyTheMatchingAlarmsAndSomeOfThem) {
  const AlarmFilterCase& c = GetParam();
  AlarmsApi h;
  const rapidjson::Document all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
  const rapidjson::Document some = h.Json("GET", std::string(kAlarmList) + "?size=2000&" + c.query);
  const auto& items = some["data"]["contents"];
  ASSERT_GT(items.Size(), 0u);
  EXPECT_LT(items.Size(), all["data"]["contents"].Size());
  for (const auto& a : items.GetArray()) {
    const rapidjson::Value& v = a[c.field.c_str()];
    EXPECT_EQ(c.value, v.IsInt() ? std::to_string(v.GetInt()) : std::string(v.GetString()));
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryEnumFilter, AlarmFilterTest,
    ::testing::Values(AlarmFilterCase{"appType=OCP", "appType", "OCP"},
                      AlarmFilterCase{"scope=Host", "scope", "Host"},
                      AlarmFilterCase{"scope=Tenant", "scope", "Tenant"},
                      AlarmFilterCase{"level=1", "level", "1"},
                      AlarmFilterCase{"level=5", "level", "5"},
                      AlarmFilterCase{"keyword=SVR_IP%3D10.0.0.6", "alarmType", "host_unavailable"},
                      AlarmFilterCase{"keyword=tenant_name%3Dtrade&scope=Tenant", "scope",
                                      "Tenant"}),
    [](const auto& param_info) {
      std::string name;
      for (char ch : param_info.param.query) name += std::isalnum(ch) != 0 ? ch : '_';
      return name;
    });

TEST(AlarmsTest, StatusSelectsActiveOrInactiveAlarms) {
  AlarmsApi h;
  const auto active = h.Json("GET", std::string(kAlarmList) + "?size=2000&status=Active");
  const auto inactive = h.Json("GET", std::string(kAlarmList) + "?size=2000&status=Inactive");
  EXPECT_GT(active["data"]["contents"].Size(), 0u);
  EXPECT_EQ(0u, inactive["data"]["contents"].Size()) << "nothing has cleared yet";
}

TEST(AlarmsTest, TheActiveAtRangeIsInclusiveOnTheMockClock) {
  AlarmsApi h;
  const int64_t opened = h.clock.NowMs();
  const size_t all =
      h.Json("GET", std::string(kAlarmList) + "?size=2000")["data"]["contents"].Size();
  auto count = [&](const std::string& q) {
    return h.Json("GET", std::string(kAlarmList) + "?size=2000&" + q)["data"]["contents"].Size();
  };
  EXPECT_EQ(all, count("activeAtStart=" + AlarmTimeParam(opened)));
  EXPECT_EQ(all, count("activeAtEnd=" + AlarmTimeParam(opened)));
  EXPECT_EQ(0u, count("activeAtStart=" + AlarmTimeParam(opened + 1)));
  EXPECT_EQ(0u, count("activeAtEnd=" + AlarmTimeParam(opened - 1)));
  EXPECT_EQ(all, count("activeAtStart=" + AlarmTimeParam(opened - 60000) +
                       "&activeAtEnd=" + AlarmTimeParam(opened + 60000)));
}

TEST(AlarmsTest, IsSubscribedByMeIsBoundAndSelectsNothing) {
  AlarmsApi h;
  const auto all = h.Json("GET", std::string(kAlarmList) + "?size=2000");
  for (const char* v : {"true", "false"}) {
    const auto some = h.Json("GET", std::string(kAlarmList) + "?size=2000&isSubscribedByMe=" + v);
    EXPECT_EQ(AlarmIdsOf(all), AlarmIdsOf(some)) << v;
  }
}

struct AlarmRefusal {
  std::string query;
  std::string names;  // what the message names
  bool time_range = false;
};

void PrintTo(const AlarmRefusal& r, std::ostream* os) { *os << r.query; }

class AlarmRefusalTest : public ::testing::TestWithParam<std::tuple<std::string, AlarmRefusal>> {};

TEST_P(AlarmRefusalTest, IsOcpsErrorInTheVersionsCodeNamingTheParameter) {
  const auto& [version, r] = GetParam();
  AlarmsApi h(version);
  const http::Response answer = h.Send("GET", std::string(kAlarmList) + "?" + r.query);
  EXPECT_EQ(400, answer.status) << answer.body;
  EXPECT_THAT(answer.body, HasSubstr(r.names));
  const auto doc = json::ParseJson(answer.body).value();
  const rapidjson::Value& code = doc["error"]["code"];
  const std::string text = code.IsString() ? code.GetString() : std::to_string(code.GetInt64());
  if (r.time_range) {
    EXPECT_EQ(version == "4.2.2" ? "COM10010" : "1010", text);
  }
  EXPECT_EQ("", json::Describe(h.schemas().ValidateText("error-envelope", answer.body)));
}

INSTANTIATE_TEST_SUITE_P(
    EveryRefusal, AlarmRefusalTest,
    ::testing::Combine(
        ::testing::Values("3.1.1", "4.2.2"),
        ::testing::Values(AlarmRefusal{"level=0", "level"}, AlarmRefusal{"level=6", "level"},
                          AlarmRefusal{"level=high", "level"},
                          AlarmRefusal{"activeAtStart=yesterday", "activeAtStart"},
                          AlarmRefusal{"activeAtEnd=2020-11-11T11:12:13", "activeAtEnd"},
                          AlarmRefusal{"activeAtStart=2020-11-11T11:12:13Z&activeAtEnd=2020-11-"
                                       "10T11:12:13Z",
                                       "activeAtEnd", true},
                          AlarmRefusal{"isSubscribedByMe=maybe", "isSubscribedByMe"},
                          AlarmRefusal{"appType=ob", "appType"},
                          AlarmRefusal{"scope=Tenants", "scope"},
                          AlarmRefusal{"status=Open", "status"},
                          AlarmRefusal{"sort=summary", "summary"})),
    [](const auto& param_info) {
      std::string name = "v" + std::get<0>(param_info.param) + "_";
      for (char& ch : name) ch = ch == '.' ? '_' : ch;
      for (char ch : std::get<1>(param_info.param).query) name += std::isalnum(ch) != 0 ? ch : '_';
      return name;
    });

TEST(AlarmsTest, TheDetailIsTheListsEventAndAnUnknownIdIsRecordNotFound) {
  AlarmsApi h;
  const auto first = h.Json("GET", std::string(kAlarmList) + "?size=1");
  const int64_t id = AlarmIdsOf(first).front();
  const std::string path = std::string(kAlarmList) + "/" + std::to_string(id);
  const auto one = h.Json("GET", path);
  EXPECT_EQ("", json::Describe(h.schemas().Validate("alarm-response", one)));
  EXPECT_EQ(first["data"]["contents"][0], one["data"]);
  const http::Response unknown = h.Send("GET", std::string(kAlarmList) + "/42");
  EXPECT_EQ(404, unknown.status);
  EXPECT_THAT(unknown.body, HasSubstr("COM10002"));
  EXPECT_THAT(unknown.body, HasSubstr("id=42"));
}

TEST(AlarmsTest, ReadingNeedsClusterViewerWhoseGrantsHoldAlarmRead) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kClusterViewer}, std::nullopt},
      {3, "hosts", "p", {}, {auth::Permission::kHostManager}, std::nullopt}};
  AlarmsApi h("4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};  // viewer:p
  const http::Headers hosts = {{"Authorization", "Basic aG9zdHM6cA=="}};   // hosts:p
  const std::string one = std::string(kAlarmList) + "/" + std::to_string(1000001);
  for (const std::string& path : {std::string(kAlarmList), one}) {
    EXPECT_EQ(401, h.Send("GET", path).status) << path;
    EXPECT_EQ(403, h.Send("GET", path, "", hosts).status) << path;
    EXPECT_EQ(200, h.Send("GET", path, "", viewer).status) << path;
  }
}

// A date-time of 64 bytes or more is quoted cut to a character, never inside one: the answer
// stays UTF-8 (the diagnosis fuzzer found the same cut on the SQL pages, 2026-12-05).
TEST(AlarmsTest, ALongBadTimeIsQuotedCutOnACharacterBoundary) {
  AlarmsApi h;
  const std::string value = std::string(63, 'a') + "%C3%A9" + "zzz";  // U+00E9 at bytes 63-64
  const http::Response r = h.Send("GET", std::string(kAlarmList) + "?activeAtStart=" + value);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_TRUE(json::ParseJson(r.body).ok()) << r.body;
  EXPECT_NE(std::string::npos, r.body.find(std::string(63, 'a') + "...")) << r.body;
}

}  // namespace
}  // namespace mock::families
