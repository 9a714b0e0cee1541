// The journal through the API: what is recorded, and every bad input to its endpoints refused
// with a clear 400 that changes nothing.
#include "mock/control/journal_handlers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

// The test API with a journal of 100 entries, and `Data`: the `data` of a 200 answer.
struct JournalHarness : testing::TestApi {
  JournalHarness() : TestApi(ApiOptions{.journal_size = 100}) {}
  rapidjson::Document Data(const std::string& method, const std::string& target) {
    http::Response r = Send(method, target);
    EXPECT_EQ(200, r.status) << r.body;
    auto doc = json::ParseJson(r.body);
    rapidjson::Document data;
    data.CopyFrom(doc.value()["data"], data.GetAllocator());
    return data;
  }
};

TEST(JournalApiTest, RecordsOcpRequestsNotControlOnes) {
  JournalHarness h;
  h.Send("GET", "/api/v2/tasks/instances?status=FAILED&status=RUNNING",
         {{"x-trace-id", "00000000000000aa"}});
  h.Send("POST", "/api/v2/tasks/instances/7/retry");
  h.Send("POST", "/api/v2/tasks/instances/7/retry");  // now RUNNING: refused
  h.Send("GET", "/__mock/clock");
  auto list = h.Data("GET", "/__mock/requests");
  ASSERT_EQ(3u, list["contents"].Size()) << "the /__mock/ request is not journaled";
  const auto& refused = list["contents"][0];
  EXPECT_EQ(400, refused["status"].GetInt());
  EXPECT_STREQ("TSK10016", refused["errorCode"].GetString());
  const auto& first = list["contents"][2];
  EXPECT_STREQ("status=FAILED&status=RUNNING", first["query"].GetString());
  EXPECT_EQ(2u, first["params"]["status"].Size());
  EXPECT_STREQ("00000000000000aa", first["traceId"].GetString());
  EXPECT_EQ(3, list["page"]["totalElements"].GetInt());
  auto retried =
      h.Data("GET", "/__mock/requests/count?method=POST&path=/api/v2/tasks/instances/7/retry");
  EXPECT_EQ(2, retried["count"].GetInt());
  auto ok = h.Data("GET", "/__mock/requests/count?method=POST&status=200");
  EXPECT_EQ(1, ok["count"].GetInt());
  EXPECT_EQ(3, h.Data("DELETE", "/__mock/requests")["cleared"].GetInt());
  EXPECT_EQ(0, h.Data("GET", "/__mock/requests/count")["count"].GetInt());
}

// A test's changes to the mock are journaled apart (journal.h, Entry::control): the default
// list is what clients sent, `plane=control` the changes, `plane=all` both; reads under
// /__mock/ and the journal's own routes are not recorded.
TEST(JournalApiTest, ControlPlaneChangesAreJournaledApartFromClientRequests) {
  JournalHarness h;
  h.Send("GET", "/api/v2/tasks/instances");
  h.Send("POST", "/__mock/clock/advance?seconds=60");
  h.Send("POST", "/__mock/clock/advance?seconds=abc");  // refused: journaled with its status
  h.Send("GET", "/__mock/clock");
  EXPECT_EQ(1, h.Data("GET", "/__mock/requests/count")["count"].GetInt());
  auto control = h.Data("GET", "/__mock/requests?plane=control");
  ASSERT_EQ(2u, control["contents"].Size());
  EXPECT_STREQ("/__mock/clock/advance", control["contents"][0]["path"].GetString());
  EXPECT_EQ(400, control["contents"][0]["status"].GetInt());
  EXPECT_STREQ("control", control["contents"][1]["plane"].GetString());
  EXPECT_STREQ("seconds=60", control["contents"][1]["query"].GetString());
  EXPECT_EQ(3, h.Data("GET", "/__mock/requests/count?plane=all")["count"].GetInt());
  EXPECT_STREQ("ocp", h.Data("GET", "/__mock/requests")["contents"][0]["plane"].GetString());
  EXPECT_EQ(3, h.Data("DELETE", "/__mock/requests")["cleared"].GetInt());
  EXPECT_EQ(0, h.Data("GET", "/__mock/requests/count?plane=all")["count"].GetInt())
      << "the journal's own routes are not recorded";
}

TEST(JournalApiTest, NeverRecordsCredentials) {
  JournalHarness h;
  h.Send("GET", "/api/v2/tasks/instances", {{"Authorization", "Basic YWRtaW46QWRtaW5AMTIz"}});
  http::Response list = h.Send("GET", "/__mock/requests");
  EXPECT_EQ(std::string::npos, list.body.find("YWRtaW46")) << list.body;
  EXPECT_EQ(std::string::npos, list.body.find("Admin@123")) << list.body;
}

struct BadInput {
  const char* target;
  const char* mentions;  // the 400's message must say this
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures); a const char* would
// print as its address.
void PrintTo(const BadInput& b, std::ostream* os) {
  *os << "GET " << b.target << " -> 400 mentioning \"" << b.mentions << "\"";
}

class JournalBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(JournalBadInput, IsA400ThatNamesTheProblemAndChangesNothing) {
  JournalHarness h;
  h.Send("GET", "/api/v2/tasks/instances");
  http::Response r = h.Send("GET", GetParam().target);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(GetParam().mentions));
  EXPECT_EQ(1, h.Data("GET", "/__mock/requests/count")["count"].GetInt());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JournalBadInput,
    ::testing::Values(BadInput{"/__mock/requests?colour=red", "colour"},
                      BadInput{"/__mock/requests/count?page=2", "page"},
                      BadInput{"/__mock/requests?status=abc", "not an HTTP status"},
                      BadInput{"/__mock/requests?status=700", "not an HTTP status"},
                      BadInput{"/__mock/requests?path=/api/%5Bv2", "never closed"},
                      BadInput{"/__mock/requests?path=api", "starts with '/'"},
                      BadInput{"/__mock/requests?since=yesterday", "epoch milliseconds"},
                      BadInput{"/__mock/requests?plane=admin", "not a plane"},
                      BadInput{"/__mock/requests?method=GET&method=POST", "once"},
                      BadInput{"/__mock/requests?format=xml", "json or har"},
                      BadInput{"/__mock/requests?format=har&format=har", "once"},
                      BadInput{"/__mock/requests?format=har&page=2", "page"},
                      BadInput{"/__mock/requests?format=har&status=abc", "not an HTTP status"},
                      BadInput{"/__mock/requests.har?format=json", "HAR alone"},
                      BadInput{"/__mock/requests.har?size=5", "size"},
                      BadInput{"/__mock/requests.har?path=api", "starts with '/'"}));

}  // namespace
}  // namespace mock::api
