// The arbitration service endpoints over HTTP requests (no sockets), as OCP 4.2.2 (and 4.2.1 for
// its numeric codes): the list's filters and paging, the detail, a creation's answer, and each
// refusal, which answers OCP's error naming what was wrong and changes nothing (no task, no row),
// one test each; the permissions; the client-ids quirk.
#include "mock/families/arbitration/arbitration_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kServices[] = "/api/v2/arbitration/services";

// A body the page's table accepts, for a service on host 18 (no OBServer there) at `port`.
std::string Body(int64_t host = 18, int64_t port = 2886) {
  return R"({"hostId": )" + std::to_string(host) +
         R"(, "rpmName": "oceanbase-arbitration-4.2.1.0-100000192023032010.el7.x86_64.rpm",
         "installPath": "/home/admin/oceanbase", "runUser": "admin", "svrPort": )" +
         std::to_string(port) + R"(, "clientToken": "tf-arbitration-0001"})";
}

// The ids of a list answer's contents, in order.
std::vector<int64_t> IdsOf(const BundledApi& h, const std::string& query) {
  rapidjson::Document d = h.Json("GET", std::string(kServices) + query);
  std::vector<int64_t> ids;
  for (const auto& s : d["data"]["contents"].GetArray()) ids.push_back(s["id"].GetInt64());
  return ids;
}

// What a refusal must leave as it was: the tasks and the rows held.
std::string StateOf(const BundledApi& h) {
  const std::string rows = h.Send("GET", "/__mock/arbitrationServices").body;
  return std::to_string(h.store.size()) + " " + rows.substr(0, rows.find(",\"duration\""));
}

// Sends `method target body`; expects `status` with `code` whose text has `says`, and no change.
void ExpectRefused(const std::string& method, const std::string& target, const std::string& body,
                   int status, const std::string& code, const std::string& says,
                   const std::string& version = "4.2.2") {
  BundledApi h(version);
  const std::string before = StateOf(h);
  http::Response r = h.Send(method, target, body);
  EXPECT_EQ(status, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":" + code)) << r.body;
  EXPECT_THAT(r.body, HasSubstr(says)) << r.body;
  EXPECT_EQ(before, StateOf(h));
}

void ExpectCreateRefused(const std::string& body, const std::string& says) {
  ExpectRefused("POST", kServices, body, 400, "\"COM10001\"", says);
}

TEST(ArbitrationTest, TheListAnswersTheBundledServicesAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("GET", kServices);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("arbitration-service-list-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_EQ(2, d["data"]["page"]["totalElements"].GetInt64());
  const auto& first = d["data"]["contents"][0];
  EXPECT_EQ(16, first["hostId"].GetInt64());
  EXPECT_STREQ("10.0.0.16", first["svrIp"].GetString());
  EXPECT_EQ(2886, first["svrPort"].GetInt64());
  EXPECT_STREQ("RUNNING", first["status"].GetString());
}

TEST(ArbitrationTest, TheListFiltersByHostKeywordStatusAndTag) {
  BundledApi h;
  EXPECT_THAT(IdsOf(h, "?hostId=17"), ElementsAre(2));
  EXPECT_THAT(IdsOf(h, "?hostId=18"), IsEmpty());
  EXPECT_THAT(IdsOf(h, "?keyword=10.0.0.17"), ElementsAre(2));
  EXPECT_THAT(IdsOf(h, "?keyword=PROD-hz"), ElementsAre(1)) << "its description, any case";
  EXPECT_THAT(IdsOf(h, "?statusList=STOPPED"), ElementsAre(2));
  EXPECT_THAT(IdsOf(h, "?statusList=RUNNING,STOPPED"), ElementsAre(1, 2));
  EXPECT_THAT(IdsOf(h, "?statusList=UNAVAILABLE"), IsEmpty());
  EXPECT_THAT(IdsOf(h, "?tagIdList=1"), ElementsAre(1));
  EXPECT_THAT(IdsOf(h, "?tagIdList=2,3&tagIdList=1"), ElementsAre(1));
  EXPECT_THAT(IdsOf(h, "?tagIdList=2"), IsEmpty());
  EXPECT_THAT(IdsOf(h, "?hostId=16&statusList=STOPPED"), IsEmpty());
}

TEST(ArbitrationTest, TheListPagesAndSorts) {
  BundledApi h;
  rapidjson::Document d = h.Json("GET", std::string(kServices) + "?page=2&size=1");
  ASSERT_EQ(1u, d["data"]["contents"].Size());
  EXPECT_EQ(2, d["data"]["contents"][0]["id"].GetInt64());
  EXPECT_EQ(2, d["data"]["page"]["totalPages"].GetInt64());
  EXPECT_EQ(2, d["data"]["page"]["number"].GetInt64());
  EXPECT_THAT(IdsOf(h, "?sort=svrIp,desc"), ElementsAre(2, 1));
  EXPECT_THAT(IdsOf(h, "?page=3&size=1"), IsEmpty());
}

TEST(ArbitrationTest, AListParameterThatDoesNotBindIsRefusedNamingIt) {
  ExpectRefused("GET", std::string(kServices) + "?hostId=abc", "", 400, "\"COM10001\"", "hostId");
  ExpectRefused("GET", std::string(kServices) + "?tagIdList=1,x", "", 400, "\"COM10001\"",
                "tagIdList");
  ExpectRefused("GET", std::string(kServices) + "?statusList=GONE", "", 400, "\"COM10001\"",
                "statusList");
  ExpectRefused("GET", std::string(kServices) + "?sort=rpmName,asc", "", 400, "\"COM10011\"",
                "rpmName");
}

TEST(ArbitrationTest, TheDetailAnswersWhatTheProviderReads) {
  BundledApi h;
  http::Response r = h.Send("GET", std::string(kServices) + "/2");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("arbitration-service-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_EQ(2, d["data"]["id"].GetInt64());
  EXPECT_STREQ("10.0.0.17:2886", d["data"]["name"].GetString());
  EXPECT_STREQ("STOPPED", d["data"]["status"].GetString());
}

TEST(ArbitrationTest, AnUnknownIdIsRecordNotFoundNamingTheType) {
  ExpectRefused("GET", std::string(kServices) + "/99", "", 404, "\"COM10002\"",
                "ARBITRATION_SERVICE");
  ExpectRefused("DELETE", std::string(kServices) + "/99/delete", "", 404, "\"COM10002\"",
                "ARBITRATION_SERVICE");
}

TEST(ArbitrationTest, CreateAnswersTheCreateTask) {
  BundledApi h;
  http::Response r = h.Send("POST", kServices, Body());
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("arbitration-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_STREQ("Create arbitration service", d["data"]["name"].GetString());
  EXPECT_STREQ("RUNNING", d["data"]["status"].GetString());
  EXPECT_STREQ("Prepare create arbitration service", d["data"]["subtasks"][0]["name"].GetString());
  EXPECT_FALSE(d["data"].HasMember("arbitrationServiceId")) << "only under --quirks client-ids";
}

TEST(ArbitrationTest, UnknownBodyFieldsAreIgnored) {
  BundledApi h;
  std::string body = Body();
  body.insert(1, R"("enableArbitration": true, "zone": {"name": "z1"}, "runPath": null, )");
  EXPECT_EQ(200, h.Send("POST", kServices, body).status);
}

TEST(ArbitrationTest, AMissingHostIdIsRefusedNamingIt) {
  // The provider omits hostId when it is 0; the page marks it required.
  ExpectCreateRefused(R"({"rpmName": "a.rpm", "installPath": "/p", "runUser": "admin",
                          "svrPort": 2886})",
                      "hostId");
}

TEST(ArbitrationTest, AMissingRpmNameIsRefusedNamingIt) {
  ExpectCreateRefused(R"({"hostId": 18, "installPath": "/p", "runUser": "admin",
                          "svrPort": 2886})",
                      "rpmName");
}

TEST(ArbitrationTest, AWrongTypedPortIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("2886"), 4, "\"2886\"");
  ExpectCreateRefused(body, "svrPort");
}

TEST(ArbitrationTest, AClientTokenTooShortIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("tf-arbitration-0001"), 19, "tf-1");
  ExpectCreateRefused(body, "clientToken");
}

TEST(ArbitrationTest, AClientTokenTooLongIsRefusedNamingIt) {
  std::string body = Body();
  body.replace(body.find("tf-arbitration-0001"), 19, std::string(65, 't'));
  ExpectCreateRefused(body, "clientToken");
}

TEST(ArbitrationTest, AnUnknownHostIsRefusedNamingHostId) {
  ExpectCreateRefused(Body(999), "hostId: no host has id 999");
}

TEST(ArbitrationTest, AHostRunningAnObserverIsRefusedNamingHostId) {
  ExpectCreateRefused(Body(1), "hostId: an OBServer has been deployed on host 1");
}

TEST(ArbitrationTest, ABodyThatIsNotJsonIsRefused) {
  ExpectRefused("POST", kServices, "{", 400, "\"COM10003\"", "JSON parse error");
}

TEST(ArbitrationTest, AServiceOnTheSameHostAndPortIsArbitrationExists) {
  ExpectRefused("POST", kServices, Body(16, 2886), 400, "\"OBE50020\"",
                "Arbitration service 10.0.0.16:2886 already exists.");
  // 4.2.1's table has no arbitration code: the duplicate's 1006, filled for the service.
  ExpectRefused("POST", kServices, Body(16, 2886), 400, "1006",
                "Type: ARBITRATION_SERVICE. Parameter: 10.0.0.16:2886.", "4.2.1");
}

TEST(ArbitrationTest, AnotherPortOnTheSameHostIsAccepted) {
  BundledApi h;
  EXPECT_EQ(200, h.Send("POST", kServices, Body(16, 2896)).status);
}

TEST(ArbitrationTest, ReadingNeedsHostViewerAndChangingHostManager) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kHostViewer}, std::nullopt},
      {2, "manager", "p", {}, {auth::Permission::kHostManager}, std::nullopt},
      {3, "nobody", "p", {}, {}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};   // viewer:p
  const http::Headers manager = {{"Authorization", "Basic bWFuYWdlcjpw"}};  // manager:p
  const http::Headers nobody = {{"Authorization", "Basic bm9ib2R5OnA="}};   // nobody:p
  const std::string one = std::string(kServices) + "/1";
  EXPECT_EQ(401, h.Send("GET", kServices).status);
  EXPECT_EQ(403, h.Send("GET", kServices, "", nobody).status);
  EXPECT_EQ(403, h.Send("GET", one, "", nobody).status);
  EXPECT_EQ(200, h.Send("GET", kServices, "", viewer).status);
  EXPECT_EQ(200, h.Send("GET", one, "", viewer).status);
  EXPECT_EQ(403, h.Send("POST", kServices, Body(), viewer).status);
  EXPECT_EQ(403, h.Send("DELETE", one + "/delete", "", viewer).status);
  http::Response created = h.Send("POST", kServices, Body(), manager);
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_THAT(created.body, HasSubstr(R"("creator":"manager")"));
  EXPECT_EQ(200, h.Send("DELETE", one + "/delete", "", manager).status);
  EXPECT_EQ(200, h.Send("GET", one, "", manager).status) << "HOST_MANAGER includes HOST_VIEWER";
}

// --quirks client-ids: the new service's id where the terraform provider reads it
// (mock/quirks/client_ids.h); never on the delete's answer.
TEST(ArbitrationTest, TheClientIdsQuirkWritesTheNewServicesId) {
  api::Quirks quirks;
  quirks.client_ids = true;
  BundledApi h("4.2.2", std::nullopt, quirks);
  http::Response r = h.Send("POST", kServices, Body());
  ASSERT_EQ(200, r.status) << r.body;
  auto d = json::ParseJson(r.body).value();
  EXPECT_EQ(3, d["data"]["arbitrationServiceId"].GetInt64()) << r.body;
  EXPECT_STREQ("Create arbitration service", d["data"]["name"].GetString());
  h.Advance(60);
  EXPECT_EQ(200, h.Send("GET", std::string(kServices) + "/3").status) << "that id is the service's";
  http::Response deleted = h.Send("DELETE", std::string(kServices) + "/3/delete");
  ASSERT_EQ(200, deleted.status) << deleted.body;
  EXPECT_THAT(deleted.body, ::testing::Not(HasSubstr("arbitrationServiceId")));
}

}  // namespace
}  // namespace mock::families
