// An arbitration service's life on the mock clock, as the terraform provider walks it: the probe
// (GET the list), created -> its task polled at GET /api/v2/tasks/{id} until SUCCESSFUL -> it
// shows, RUNNING; deleted -> its task SUCCESSFUL -> it is gone; a delete while either task runs is
// OBE50001. The versions: 4.2.1 and 4.2.2 serve the paths, the others answer them as any unknown
// path. A reset, a reload and the /__mock/ routes come from the resource pattern.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kLifecycleServices[] = "/api/v2/arbitration/services";

// What the provider sends for a service on host 18, port 2886.
const char kBody[] = R"({"hostId": 18, "rpmName": "oceanbase-arbitration-4.2.1.0.el7.x86_64.rpm",
    "installPath": "/home/admin/oceanbase", "runPath": "/home/admin/arb", "runUser": "admin",
    "svrPort": 2886, "description": "tf", "clogSymbolicLinkPath": "/data/clog",
    "startupParameters": [{"name": "memory_limit", "value": "4G"}],
    "clientToken": "terraform-arbitration-1"})";

std::string StatusOfTask(const BundledApi& h, int64_t id) {
  return h.Json("GET", "/api/v2/tasks/" + std::to_string(id))["data"]["status"].GetString();
}

int64_t TaskIdOf(const http::Response& r) {
  EXPECT_EQ(200, r.status) << r.body;
  return json::ParseJson(r.body).value()["data"]["id"].GetInt64();
}

std::string Service(int64_t id) {
  return std::string(kLifecycleServices) + "/" + std::to_string(id);
}
std::string DeleteOf(int64_t id) { return Service(id) + "/delete"; }

int64_t Total(const BundledApi& h) {
  return h.Json("GET", kLifecycleServices)["data"]["page"]["totalElements"].GetInt64();
}

TEST(ArbitrationLifecycleTest, ACreatedServiceShowsOnceItsTaskSucceeds) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleServices, kBody));
  EXPECT_EQ("RUNNING", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Service(3)).status) << "not while its creation runs";
  EXPECT_EQ(2, Total(h));
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  http::Response r = h.Send("GET", Service(3));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("arbitration-service-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& s = d["data"];
  EXPECT_STREQ("10.0.0.18:2886", s["name"].GetString());
  EXPECT_STREQ("RUNNING", s["status"].GetString());
  EXPECT_EQ(18, s["hostId"].GetInt64());
  EXPECT_STREQ("10.0.0.18", s["svrIp"].GetString());
  EXPECT_STREQ("/home/admin/arb", s["runPath"].GetString());
  EXPECT_EQ(3, Total(h));
}

TEST(ArbitrationLifecycleTest, ADeletedServiceGoesOnceItsTaskSucceeds) {
  BundledApi h;
  http::Response r = h.Send("DELETE", DeleteOf(1));
  EXPECT_THAT(h.schemas().ValidateText("arbitration-task-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  EXPECT_STREQ("Delete arbitration service", d["data"]["name"].GetString());
  EXPECT_STREQ("Uninstall arbitration service", d["data"]["subtasks"][1]["name"].GetString());
  const int64_t task = TaskIdOf(r);
  EXPECT_EQ(200, h.Send("GET", Service(1)).status) << "still there while the deletion runs";
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, task));
  EXPECT_EQ(404, h.Send("GET", Service(1)).status);
  EXPECT_EQ(404, h.Send("DELETE", DeleteOf(1)).status);
  EXPECT_EQ(1, Total(h));
  std::string body = kBody;
  body.replace(body.find("\"hostId\": 18"), 12, "\"hostId\": 16");
  EXPECT_EQ(200, h.Send("POST", kLifecycleServices, body).status)
      << "its host and port are free again";
}

TEST(ArbitrationLifecycleTest, TheWholeTerraformRoundTrip) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("GET", kLifecycleServices).status) << "the probe: supported";
  const int64_t create = TaskIdOf(h.Send("POST", kLifecycleServices, kBody));
  h.Advance(60);
  ASSERT_EQ("SUCCESSFUL", StatusOfTask(h, create));
  ASSERT_EQ(200, h.Send("GET", Service(3)).status);
  const int64_t remove = TaskIdOf(h.Send("DELETE", DeleteOf(3)));
  EXPECT_NE(create, remove);
  h.Advance(60);
  EXPECT_EQ("SUCCESSFUL", StatusOfTask(h, remove));
  EXPECT_EQ(404, h.Send("GET", Service(3)).status);
}

TEST(ArbitrationLifecycleTest, ASecondCreateOnTheHostAndPortIsRefusedWhileTheFirstRuns) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status);
  const size_t tasks = h.store.size();
  http::Response r = h.Send("POST", kLifecycleServices, kBody);
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("Arbitration service 10.0.0.18:2886 already exists."));
  EXPECT_EQ(tasks, h.store.size()) << "no task for the refused one";
}

TEST(ArbitrationLifecycleTest, DeletingWhileTheCreationRunsIsStatusInvalid) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status);
  const size_t tasks = h.store.size();
  http::Response r = h.Send("DELETE", DeleteOf(3));
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"OBE50001")"));
  EXPECT_THAT(r.body, HasSubstr("the status of the arbitration service 3 is CREATING."));
  EXPECT_EQ(tasks, h.store.size());
  h.Advance(60);
  EXPECT_EQ(200, h.Send("DELETE", DeleteOf(3)).status) << "once it has been created";
}

TEST(ArbitrationLifecycleTest, DeletingWhileTheDeletionRunsIsStatusInvalid) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", DeleteOf(2)).status);
  const size_t tasks = h.store.size();
  const std::string rows = h.Send("GET", "/__mock/arbitrationServices").body;
  http::Response r = h.Send("DELETE", DeleteOf(2));
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"OBE50001")"));
  EXPECT_THAT(r.body, HasSubstr("the status of the arbitration service 2 is DELETING."));
  EXPECT_EQ(tasks, h.store.size());
  EXPECT_EQ(rows.substr(0, rows.find("\"duration\"")),
            h.Send("GET", "/__mock/arbitrationServices").body.substr(0, rows.find("\"duration\"")));
  // 4.2.1 has no arbitration code: the request's 1003, filled for the service.
  BundledApi old("4.2.1");
  ASSERT_EQ(200, old.Send("DELETE", DeleteOf(2)).status);
  http::Response numeric = old.Send("DELETE", DeleteOf(2));
  EXPECT_THAT(numeric.body, HasSubstr(R"("code":1003)"));
  EXPECT_THAT(numeric.body, HasSubstr("arbitration service 2 is DELETING"));
}

TEST(ArbitrationLifecycleTest, AServiceWhoseTaskIsGoneNeverShowsAndFreesItsPort) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleServices, kBody));
  ASSERT_TRUE(h.store.Remove(task).ok());
  h.Advance(60);
  EXPECT_EQ(404, h.Send("GET", Service(3)).status);
  EXPECT_EQ(404, h.Send("DELETE", DeleteOf(3)).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status);
}

// The body of an error answer without what differs per request (trace id, times) and with
// `path` in the message written as PATH.
std::string Unknown(const http::Response& r, const std::string& path) {
  auto d = json::ParseJson(r.body).value();
  std::string message = d["error"]["message"].GetString();
  message.replace(message.find(path), path.size(), "PATH");
  const auto& code = d["error"]["code"];
  return std::to_string(r.status) + " " +
         (code.IsString() ? code.GetString() : std::to_string(code.GetInt64())) + " " + message;
}

TEST(ArbitrationLifecycleTest, OtherVersionsAnswerThePathsAsAnyUnknownPath) {
  for (const char* version : {"4.2.0", "3.1.1"}) {
    BundledApi h(version);
    const std::string nothing = "/api/v2/arbitration/nothing";
    const std::string expected = Unknown(h.Send("GET", nothing), nothing);
    EXPECT_THAT(expected, HasSubstr("404 1003 ")) << version;
    for (const auto& [method, path] :
         std::vector<std::pair<std::string, std::string>>{{"GET", kLifecycleServices},
                                                          {"POST", kLifecycleServices},
                                                          {"GET", Service(1)},
                                                          {"DELETE", DeleteOf(1)}}) {
      EXPECT_EQ(expected, Unknown(h.Send(method, path, kBody), path)) << version << method << path;
    }
    EXPECT_EQ(0u, h.Json("GET", "/__mock/arbitrationServices")["data"].Size())
        << "the bundled services are 4.2.1's and 4.2.2's";
  }
  for (const char* version : {"4.2.1", "4.2.2"}) {
    BundledApi h(version);
    EXPECT_EQ(200, h.Send("GET", kLifecycleServices).status) << version;
    EXPECT_EQ(200, h.Send("GET", Service(1)).status) << version;
    EXPECT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status) << version;
    EXPECT_EQ(200, h.Send("DELETE", DeleteOf(2)).status) << version;
  }
}

TEST(ArbitrationLifecycleTest, ResetPutsTheBundledServicesBackAndForgetsTheRest) {
  BundledApi h;
  const int64_t task = TaskIdOf(h.Send("POST", kLifecycleServices, kBody));
  ASSERT_EQ(200, h.Send("DELETE", DeleteOf(2)).status);
  h.Advance(60);
  ASSERT_EQ(200, h.Send("GET", Service(3)).status);
  ASSERT_EQ(404, h.Send("GET", Service(2)).status);
  http::Response r = h.Send("POST", "/__mock/reset?only=arbitrationServices");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("reset":["arbitrationServices"])"));
  EXPECT_EQ(404, h.Send("GET", Service(3)).status);
  EXPECT_EQ(200, h.Send("GET", Service(2)).status);
  EXPECT_EQ(2, Total(h));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/tasks/" + std::to_string(task)).status);
  EXPECT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status)
      << "its host and port are free again";
}

TEST(ArbitrationLifecycleTest, AReloadServesTheFilesAgainAndForgetsCreationsAndDeletions) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kLifecycleServices, kBody).status);
  ASSERT_EQ(200, h.Send("DELETE", DeleteOf(1)).status);
  h.Advance(60);
  ASSERT_EQ(404, h.Send("GET", Service(1)).status);
  http::Response r = h.Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("arbitrationServices":2)"));
  EXPECT_EQ(200, h.Send("GET", Service(1)).status);
  EXPECT_EQ(404, h.Send("GET", Service(3)).status);
}

TEST(ArbitrationLifecycleTest, TheMockRoutesPutAndDeleteRows) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/arbitrationServices/40", R"({"name": "10.0.0.18:2996",
      "hostId": 18, "svrIp": "10.0.0.18", "svrPort": 2996, "status": "UNAVAILABLE"})")
                     .status);
  EXPECT_STREQ("UNAVAILABLE", h.Json("GET", Service(40))["data"]["status"].GetString());
  http::Response bad = h.Send("PUT", "/__mock/arbitrationServices/41", R"({"name": "x",
      "hostId": 18, "svrIp": "10.0.0.18", "svrPort": "2996", "status": "RUNNING"})");
  EXPECT_EQ(400, bad.status);
  EXPECT_THAT(bad.body, HasSubstr("svrPort"));
  EXPECT_EQ(404, h.Send("GET", Service(41)).status);
  ASSERT_EQ(200, h.Send("DELETE", "/__mock/arbitrationServices/1").status);
  EXPECT_EQ(404, h.Send("GET", Service(1)).status);
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/arbitrationServices/1").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=arbitrationServices").status);
  EXPECT_EQ(404, h.Send("GET", Service(40)).status);
  EXPECT_EQ(200, h.Send("GET", Service(1)).status);
}

}  // namespace
}  // namespace mock::families
