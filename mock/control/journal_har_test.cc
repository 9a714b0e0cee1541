// The journal as HAR 1.2 through the API: the members HAR requires, the journal's filters, and
// no credentials. tools/npm/check-har.mjs checks the same export against the HAR schema (ctest
// har_schema).
#include "mock/control/journal_har.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "mock/api/test_api.h"
#include "mock/json/json.h"
#include "mock/model/timestamp.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kHarAdmin = "Basic YWRtaW46QWRtaW5AMTIz";  // admin:Admin@123
const http::Headers kHost = {{"Host", "127.0.0.1:8080"}};

// The test API with a journal of 100 entries and one user who may do anything.
struct HarHarness : testing::TestApi {
  explicit HarHarness(ApiOptions options = {.journal_size = 100})
      : TestApi(std::move(options),
                std::vector<auth::User>{
                    {100, "admin", "Admin@123", {}, {auth::Permission::kTaskManager}, {}}}) {}

  http::Response Get(const std::string& target, http::Headers headers = kHost) const {
    return Send("GET", target, std::move(headers));
  }
  // The parsed answer of a 200.
  rapidjson::Document Json(const std::string& target, http::Headers headers = kHost) const {
    http::Response r = Get(target, std::move(headers));
    EXPECT_EQ(200, r.status) << target << ": " << r.body;
    auto doc = json::ParseJson(r.body);
    EXPECT_TRUE(doc.ok()) << r.body;
    return doc.ok() ? std::move(doc).value() : rapidjson::Document();
  }
  // Three requests: a list, a refused retry (400), and a POST with a JSON body.
  void SendThree() const {
    Send("GET", "/api/v2/tasks/instances?status=FAILED&status=RUNNING",
         {{"Authorization", kHarAdmin}, {"x-trace-id", "00000000000000aa"}});
    Send("POST", "/api/v2/tasks/instances/7/retry", {{"Authorization", kHarAdmin}});
    Send("POST", "/api/v2/tasks/instances/7/retry", {{"Authorization", kHarAdmin}});
  }
};

std::set<int64_t> Sequences(const rapidjson::Value& har_entries) {
  std::set<int64_t> s;
  for (const auto& e : har_entries.GetArray()) s.insert(e["_sequence"].GetInt64());
  return s;
}

TEST(JournalHarTest, IsAHar12LogOfEveryEntryOldestFirst) {
  HarHarness h;
  h.SendThree();
  auto har = h.Json("/__mock/requests?format=har");
  const auto& log = har["log"];
  EXPECT_STREQ("1.2", log["version"].GetString());
  EXPECT_STREQ("ocp-mock", log["creator"]["name"].GetString());
  EXPECT_STRNE("", log["creator"]["version"].GetString());
  EXPECT_TRUE(log["pages"].IsArray());
  EXPECT_EQ(0, log["_dropped"].GetInt());
  ASSERT_EQ(3u, log["entries"].Size()) << "every entry, not a page of 10 or of 1";
  const auto& first = log["entries"][0];
  EXPECT_EQ(1, first["_sequence"].GetInt()) << "oldest first, as a browser records";
  EXPECT_TRUE(model::ParseTimestamp(first["startedDateTime"].GetString()).has_value());
  const auto& request = first["request"];
  EXPECT_STREQ("GET", request["method"].GetString());
  EXPECT_STREQ("http://127.0.0.1:8080/api/v2/tasks/instances?status=FAILED&status=RUNNING",
               request["url"].GetString());
  ASSERT_EQ(2u, request["queryString"].Size());
  EXPECT_STREQ("status", request["queryString"][1]["name"].GetString());
  EXPECT_STREQ("RUNNING", request["queryString"][1]["value"].GetString());
  EXPECT_EQ(0u, request["headers"].Size()) << "no Content-Type was sent";
  EXPECT_EQ(-1, request["headersSize"].GetInt());
  EXPECT_EQ(0, request["bodySize"].GetInt());
  EXPECT_FALSE(request.HasMember("postData")) << "the journal keeps no body";
  EXPECT_STREQ("00000000000000aa", first["_traceId"].GetString());
  EXPECT_STREQ("admin", first["_user"].GetString());
  EXPECT_TRUE(first["cache"].IsObject());
  EXPECT_DOUBLE_EQ(first["time"].GetDouble(), first["timings"]["wait"].GetDouble());
  EXPECT_EQ(0, first["timings"]["send"].GetInt());
  const auto& refused = log["entries"][2];
  EXPECT_EQ(400, refused["response"]["status"].GetInt());
  EXPECT_STREQ("Bad Request", refused["response"]["statusText"].GetString());
  EXPECT_STREQ("TSK10016", refused["_errorCode"].GetString());
  EXPECT_STREQ("", refused["response"]["redirectURL"].GetString());
  EXPECT_EQ(-1, refused["response"]["content"]["size"].GetInt());
  EXPECT_STREQ("x-unknown", refused["response"]["content"]["mimeType"].GetString());
}

TEST(JournalHarTest, DotHarIsTheSameDocument) {
  HarHarness h;
  h.SendThree();
  EXPECT_EQ(h.Get("/__mock/requests?format=har&method=POST").body,
            h.Get("/__mock/requests.har?method=POST").body);
  EXPECT_EQ(h.Get("/__mock/requests?format=har").body,
            h.Get("/__mock/requests.har?format=har").body);
}

// Each filter picks the entries the journal's JSON list picks.
TEST(JournalHarTest, FiltersPickWhatTheJournalPicks) {
  HarHarness h;
  h.SendThree();
  h.Send("GET", "/api/v2/tasks/instances/7");  // 401: no credentials, no user
  for (const char* filter :
       {"method=POST", "path=/api/v2/tasks/*/retry", "status=400", "user=admin", "user=", "since=0",
        "since=4102444800000", "method=GET&status=200"}) {
    SCOPED_TRACE(filter);
    auto har = h.Json(std::string("/__mock/requests.har?") + filter);
    auto list = h.Json(std::string("/__mock/requests?size=100&") + filter);
    std::set<int64_t> listed;
    for (const auto& e : list["data"]["contents"].GetArray()) {
      listed.insert(e["sequence"].GetInt64());
    }
    EXPECT_EQ(listed, Sequences(har["log"]["entries"]));
  }
}

TEST(JournalHarTest, HoldsNoCredentialsAndWhatTheJournalShowsOfThem) {
  HarHarness h;
  h.Send("GET", "/api/v2/tasks/instances",
         {{"Authorization", kHarAdmin}, {"Cookie", "SESSION=cookie-secret-42"}});
  h.Send("GET", "/api/v2/tasks/instances",
         {{"Authorization", "OCP-ACCESS-KEY-HMACSHA1 AKID0001:c2lnbmF0dXJlLXNlY3JldA=="}});
  http::Response r = h.Get("/__mock/requests.har");
  for (const char* secret : {"YWRtaW46", "Admin@123", "cookie-secret-42", "c2lnbmF0dXJlLXNlY3JldA",
                             "Authorization", "Cookie\""}) {
    EXPECT_THAT(r.body, Not(HasSubstr(secret)));
  }
  auto har = json::ParseJson(r.body).value();
  auto list = h.Json("/__mock/requests");
  const auto& entries = har["log"]["entries"];
  ASSERT_EQ(2u, entries.Size());
  // What the journal JSON shows of who sent it, and nothing more.
  EXPECT_STREQ(list["data"]["contents"][1]["user"].GetString(), entries[0]["_user"].GetString());
  EXPECT_STREQ("admin", entries[0]["_user"].GetString());
  EXPECT_FALSE(entries[0].HasMember("_accessKey"));
  EXPECT_STREQ(list["data"]["contents"][0]["accessKey"].GetString(),
               entries[1]["_accessKey"].GetString());
  EXPECT_STREQ("AKID0001", entries[1]["_accessKey"].GetString());
  EXPECT_EQ(0u, entries[0]["request"]["cookies"].Size());
}

TEST(JournalHarTest, KeepsTheContentTypeAndSizeOfABodyButNotItsBytes) {
  HarHarness h;
  h.Send("POST", "/api/v2/tasks/instances/7/retry",
         {{"Authorization", kHarAdmin}, {"Content-Type", "application/json"}},
         R"({"note":"body-bytes-never-kept"})");
  http::Response r = h.Get("/__mock/requests.har");
  EXPECT_THAT(r.body, Not(HasSubstr("body-bytes-never-kept")));
  auto har = json::ParseJson(r.body).value();
  const auto& request = har["log"]["entries"][0]["request"];
  ASSERT_EQ(1u, request["headers"].Size());
  EXPECT_STREQ("Content-Type", request["headers"][0]["name"].GetString());
  EXPECT_STREQ("application/json", request["headers"][0]["value"].GetString());
  EXPECT_EQ(32, request["bodySize"].GetInt());
  EXPECT_FALSE(request.HasMember("postData"));
}

TEST(JournalHarTest, UrlsAreAbsoluteAndEncodedWhateverTheHostHeaderSays) {
  HarHarness h;
  // The journal cuts the query at 2 KiB (journal.h), here in the middle of "%41".
  const std::string query = "name=a%20b&x=" + std::string(2033, 'a') + "%41";
  h.Send("GET", "/api/v2/tasks/instances/%E4%B8%AD%20x?" + query, {{"Authorization", kHarAdmin}});
  const std::string path_and_query =
      "/api/v2/tasks/instances/%E4%B8%AD%20x?name=a%20b&x=" + std::string(2033, 'a') + "%254";
  auto url = [&](http::Headers headers) {
    auto har = h.Json("/__mock/requests.har", std::move(headers));
    return std::string(har["log"]["entries"][0]["request"]["url"].GetString());
  };
  EXPECT_EQ("http://[::1]:9" + path_and_query, url({{"Host", "[::1]:9"}}))
      << "the decoded path encoded again; the query as sent, the '%' cut from its digit encoded";
  EXPECT_EQ("http://localhost" + path_and_query, url({})) << "no Host header (HTTP/1.0)";
  EXPECT_THAT(url({{"Host", "evil.example/steal?x="}}), ::testing::StartsWith("http://localhost/"));
  EXPECT_THAT(url({{"Host", "a b"}}), ::testing::StartsWith("http://localhost/"));
  auto har = h.Json("/__mock/requests.har");
  EXPECT_TRUE(har["log"]["entries"][0]["_truncated"].GetBool());
  EXPECT_EQ(0u, har["log"]["entries"][0]["request"]["queryString"].Size())
      << "a cut query is not decoded, as in the journal JSON";
}

TEST(JournalHarTest, AnEmptyOrDisabledJournalIsAnEmptyLog) {
  HarHarness off(ApiOptions{.journal_size = 0});
  off.SendThree();
  auto har = off.Json("/__mock/requests.har");
  EXPECT_EQ(0u, har["log"]["entries"].Size());
  EXPECT_STREQ("1.2", har["log"]["version"].GetString());
}

TEST(JournalHarTest, ReasonPhrasesAreRfc9110s) {
  EXPECT_EQ("Not Found", ReasonPhrase(404));
  EXPECT_EQ("Too Many Requests", ReasonPhrase(429));
  EXPECT_EQ("Content Too Large", ReasonPhrase(413));
  EXPECT_EQ("", ReasonPhrase(299));
}

}  // namespace
}  // namespace mock::api
