#include "mock/api/api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/ocp/error_kinds.h"

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/loader/fixture_loader.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::api {
namespace {

using testing::HasSubstr;

const json::SchemaSet& Schemas() { return mock::testdata::BundledSchemas(); }

// `version`'s error codes and messages.
ocp::ErrorCatalog ErrorsOf(std::string_view version) {
  return std::move(versions::LoadProfile(mock::testdata::SchemasDir(), version)).value().errors;
}

// An Api over `tasks` with a frozen clock and no authentication.
struct Harness {
  explicit Harness(std::vector<model::Task> tasks, ApiOptions options = {"unit", ErrorsOf("4.2.2")})
      : clock(0), store(std::move(tasks), clock), api(std::move(options), store, clock, nullptr) {}
  tasks::MockClock clock;
  tasks::TaskStore store;
  Api api;
};

std::vector<model::Task> Bundled() {
  return std::move(fixtures::LoadTaskFixtures(mock::testdata::FixturesDir(), Schemas(), "4.2.2"))
      .value();
}

const Api& TheApi() {
  static Harness* harness = new Harness(Bundled());
  return harness->api;
}

// What the HTTP adapter does with a request line: decode the target (at most 50 query
// parameters), then Handle, or Reject what cannot be decoded.
http::Response Send(const Api& api, const std::string& method, const std::string& target) {
  auto request = http::MakeRequest(method, target, {}, {}, 50);
  if (!request.ok()) return api.Reject(request.status());
  return api.Handle(request.value());
}

http::Response Get(const std::string& target, const std::string& method = "GET") {
  return Send(TheApi(), method, target);
}

rapidjson::Document Body(const http::Response& r) {
  return std::move(json::ParseJson(r.body)).value();
}

// Checks the status, the content type and the schema of an error, and returns its message.
std::string ExpectError(const http::Response& r, int status) {
  EXPECT_EQ(status, r.status) << r.body;
  EXPECT_EQ("application/json", r.content_type);
  auto v = Schemas().ValidateText("error-envelope", r.body);
  EXPECT_TRUE(v.empty()) << json::Describe(v) << "\n" << r.body;
  auto doc = Body(r);
  EXPECT_EQ(status, doc["status"].GetInt());
  return doc["error"]["message"].GetString();
}

TEST(ApiTest, ListAnswersAValidPagedEnvelope) {
  http::Response r = Get("/api/v2/tasks/instances");
  ASSERT_EQ(200, r.status);
  auto v = Schemas().ValidateText("task-list-response", r.body);
  EXPECT_TRUE(v.empty()) << json::Describe(v);
  auto doc = Body(r);
  EXPECT_EQ(10u, doc["data"]["contents"].Size());
  EXPECT_EQ(1, doc["data"]["page"]["number"].GetInt());
  EXPECT_EQ(static_cast<int64_t>(Bundled().size()),
            doc["data"]["page"]["totalElements"].GetInt64());
  EXPECT_EQ("unit", std::string(doc["server"].GetString()));
  EXPECT_EQ(r.trace_id, std::string(doc["traceId"].GetString()));
}

TEST(ApiTest, EnvelopeKeysAreAlphabeticalAsInOcpSamples) {
  auto doc = Body(Get("/api/v2/tasks/instances?size=1"));
  std::vector<std::string> keys;
  for (const auto& m : doc.GetObject()) keys.emplace_back(m.name.GetString());
  EXPECT_EQ((std::vector<std::string>{"data", "duration", "server", "status", "successful",
                                      "timestamp", "traceId"}),
            keys);
}

TEST(ApiTest, TraceIdsAreUniqueHex) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) ids.insert(Get("/nope").trace_id);
  EXPECT_EQ(100u, ids.size());
  EXPECT_THAT(*ids.begin(), testing::MatchesRegex("[0-9a-f]{16}"));
}

TEST(ApiTest, RepeatedStatusKeysAndCommaListAgree) {
  auto a = Body(Get("/api/v2/tasks/instances?status=RUNNING&status=FAILED&size=2000"));
  auto b = Body(Get("/api/v2/tasks/instances?status=RUNNING,FAILED&size=2000"));
  auto c = Body(Get("/api/v2/tasks/instances?status=RUNNING&size=2000"));
  EXPECT_EQ(a["data"], b["data"]);
  EXPECT_GT(a["data"]["page"]["totalElements"].GetInt(),
            c["data"]["page"]["totalElements"].GetInt());
}

TEST(ApiTest, PlusAndPercentTwentyBothMeanSpace) {
  auto a = Body(Get("/api/v2/tasks/instances?name=Prepare+tenant"));
  auto b = Body(Get("/api/v2/tasks/instances?name=Prepare%20tenant"));
  EXPECT_EQ(a["data"], b["data"]);
  EXPECT_GT(a["data"]["page"]["totalElements"].GetInt(), 0);
}

TEST(ApiTest, HostIdsNeverAppearInResponses) {
  EXPECT_THAT(Get("/api/v2/tasks/instances?size=2000").body, testing::Not(HasSubstr("hostIds")));
}

TEST(ApiTest, BadParametersAre400WithTheParameterNamed) {
  EXPECT_THAT(ExpectError(Get("/api/v2/tasks/instances?status=DONE"), 400), HasSubstr("status"));
  EXPECT_THAT(ExpectError(Get("/api/v2/tasks/instances?clusterId=x"), 400), HasSubstr("clusterId"));
  EXPECT_THAT(ExpectError(Get("/api/v2/tasks/instances?tenantName=sys"), 400),
              HasSubstr("clusterId"));
  auto sort = Body(Get("/api/v2/tasks/instances?sort=id,sideways"));
  EXPECT_EQ("COM10011", std::string(sort["error"]["code"].GetString()));
}

TEST(ApiTest, MalformedTargetsAre400) {
  for (const char* target : {"/api/v2/tasks/instances?name=%zz", "/api/v2/tasks/instances?name=%00",
                             "/api/v2/tasks/instances?name=%FF", "/api/%2E%2E/tasks", "no-slash"}) {
    ExpectError(Get(target), 400);
  }
}

TEST(ApiTest, TooManyParametersIs400) {
  std::string target = "/api/v2/tasks/instances?";
  for (int i = 0; i < 51; ++i) target += "x=1&";
  EXPECT_THAT(ExpectError(Get(target), 400), HasSubstr("more than 50"));
}

TEST(ApiTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  EXPECT_THAT(ExpectError(Get("/api/v2/nothing"), 404), HasSubstr("/api/v2/nothing"));
  http::Response r = Get("/api/v2/tasks/instances", "PUT");
  ExpectError(r, 405);
  ASSERT_NE(nullptr, http::FindHeader(r.headers, "allow"));
  EXPECT_EQ("GET", *http::FindHeader(r.headers, "Allow"));
}

// `client` (docs/reference/ocp-client-flows.md §3.1): the terraform provider polls
// GET /api/v2/tasks/{id}; it answers as the documented detail does, task 0 included (a 404).
TEST(ApiTest, TasksByIdAnswersAsTheDetail) {
  const http::Response alias = Get("/api/v2/tasks/35000312");
  const http::Response detail = Get("/api/v2/tasks/instances/35000312");
  ASSERT_EQ(200, alias.status) << alias.body;
  auto a = Body(alias), d = Body(detail);
  EXPECT_EQ(a["data"], d["data"]);
  auto v = Schemas().ValidateText("task-detail-response", alias.body);
  EXPECT_TRUE(v.empty()) << json::Describe(v);
  EXPECT_THAT(ExpectError(Get("/api/v2/tasks/0"), 404), HasSubstr("0"));
  ExpectError(Get("/api/v2/tasks/abc"), 400);
  EXPECT_EQ(200, Get("/api/v2/tasks/instances").status) << "the list keeps its path";
  ExpectError(Get("/api/v2/tasks/35000312", "DELETE"), 405);
}

TEST(ApiTest, RejectAnswersInTheSameEnvelope) {
  EXPECT_THAT(ExpectError(TheApi().Reject(ResourceExhausted("too big")), 413),
              HasSubstr("too big"));
  EXPECT_THAT(ExpectError(TheApi().Reject(InvalidArgument("garbage")), 400),
              HasSubstr("Cause:garbage"));
  ExpectError(TheApi().Reject(Unavailable("full")), 503);
}

TEST(ApiTest, NumericSchemeWritesNumericCodes) {
  Harness numeric({}, ApiOptions{"unit", ErrorsOf("4.2.1")});
  auto doc = Body(Send(numeric.api, "GET", "/api/v2/tasks/instances?sort=x"));
  EXPECT_EQ(1011, doc["error"]["code"].GetInt());
  EXPECT_EQ(
      "The sort field x is not supported. Sortable properties: id, name, status, type, "
      "createTime, startTime, finishTime.",
      std::string(doc["error"]["message"].GetString()));
}

TEST(ApiTest, EmptyCatalogueIsAValidEmptyPage) {
  Harness empty({});
  http::Response r = Send(empty.api, "GET", "/api/v2/tasks/instances");
  EXPECT_TRUE(Schemas().ValidateText("task-list-response", r.body).empty());
  EXPECT_EQ(0, Body(r)["data"]["page"]["totalPages"].GetInt());
}

TEST(EnvelopeTest, TimestampHasOffsetAndMilliseconds) {
  EXPECT_THAT(NowTimestamp(), testing::MatchesRegex(
                                  "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}"
                                  "[+-][0-9]{2}:[0-9]{2}"));
}

// The list reuses each task's rendered JSON only while the task is unchanged: progress, an
// operation and a reset must all show in the next list.
TEST(ApiTest, ListedTasksShowEveryChange) {
  Harness h(Bundled());
  auto status_of = [&](int64_t id) {
    auto doc = Body(
        Send(h.api, "GET", "/api/v2/tasks/instances?size=2000&status=RUNNING,FAILED,SUCCESSFUL"));
    for (const auto& t : doc["data"]["contents"].GetArray()) {
      if (t["id"].GetInt64() == id) return std::string(t["status"].GetString());
    }
    return std::string("absent");
  };
  auto post = [&](const std::string& target) { return Send(h.api, "POST", target).status; };
  const int64_t fails_once = 8000001;  // 20-scenarios.json: fails, then succeeds when retried
  EXPECT_EQ("RUNNING", status_of(fails_once));
  h.clock.Advance(int64_t{24} * 3600 * 1000);
  EXPECT_EQ("FAILED", status_of(fails_once));
  ASSERT_EQ(200, post("/api/v2/tasks/instances/8000001/retry"));
  EXPECT_EQ("RUNNING", status_of(fails_once));
  h.clock.Advance(int64_t{24} * 3600 * 1000);
  EXPECT_EQ("SUCCESSFUL", status_of(fails_once));
  ASSERT_EQ(200, post("/__mock/reset"));
  EXPECT_EQ("RUNNING", status_of(fails_once));
}

}  // namespace
}  // namespace mock::api
