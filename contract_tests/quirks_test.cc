// ocp-mock --quirks all over HTTP: each quirk as a client meets it. Mock mode only: it is about
// ocp-mock's own options (the live suite against the same server: live_mode_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

class Quirky : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) GTEST_SKIP() << "ocp-mock's own option: mock mode only";
    mock_ = std::make_unique<MockProcess>(
        OCPMOCK_BINARY, std::vector<std::string>{"--time-scale", "0", "--quirks", "all"});
    client_ = std::make_unique<HttpClient>(mock_->base_url(), "admin", "Admin@123");
  }

  rapidjson::Document Get(const std::string& target) {
    HttpResult r = client_->Send("GET", target);
    EXPECT_EQ(200, r.status) << target << ": " << r.body;
    auto doc = mock::json::ParseJson(r.body);
    EXPECT_TRUE(doc.ok()) << r.body;
    return doc.ok() ? std::move(doc).value() : rapidjson::Document();
  }

  std::unique_ptr<MockProcess> mock_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(Quirky, MessagesAreChineseUnlessTheClientAsksForEnUs) {
  const std::string target = "/api/v2/tasks/instances/424242";
  client_->set_language("");
  HttpResult none = client_->Send("GET", target);
  EXPECT_EQ(404, none.status);
  EXPECT_NE(std::string::npos, none.body.find(R"("code":"TSK10001","message":"任务 424242 不存在)"))
      << none.body;
  client_->set_language("en-US");
  EXPECT_NE(std::string::npos,
            client_->Send("GET", target).body.find("The 424242 task does not exist."));
}

TEST_F(Quirky, AMalformedEscapeDropsItsParameterInsteadOfFailing) {
  const auto all = Get("/api/v2/tasks/instances?status=FAILED");
  const auto dropped = Get("/api/v2/tasks/instances?status=FAILED&name=%zz");
  ASSERT_TRUE(all.IsObject() && dropped.IsObject());
  EXPECT_EQ(all["data"]["page"]["totalElements"].GetInt64(),
            dropped["data"]["page"]["totalElements"].GetInt64());
}

TEST_F(Quirky, NamesSortByCodePointAndTiesComeIdAscending) {
  const auto doc = Get("/api/v2/tasks/instances?sort=name&size=2000");
  ASSERT_TRUE(doc.IsObject());
  std::vector<std::pair<std::string, int64_t>> rows;
  for (const auto& t : doc["data"]["contents"].GetArray()) {
    rows.emplace_back(t["name"].GetString(), t["id"].GetInt64());
  }
  ASSERT_GT(rows.size(), 100u);
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end())) << "name by code point, then id ascending";
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  EXPECT_FALSE(std::is_sorted(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    return lower(a.first) < lower(b.first);
  })) << "the bundled names differ in case: ocp-mock's own order would differ";
}

TEST_F(Quirky, SubtasksComeInAnotherOrderOnEachAnswer) {
  const auto list = Get("/api/v2/tasks/instances?size=2000");
  ASSERT_TRUE(list.IsObject());
  int64_t id = 0;
  for (const auto& t : list["data"]["contents"].GetArray()) {
    if (t["subtasks"].Size() >= 4) id = t["id"].GetInt64();
  }
  ASSERT_NE(0, id) << "a task with four subtasks or more";
  std::set<std::vector<int64_t>> orders;
  std::set<int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    const auto detail = Get("/api/v2/tasks/instances/" + std::to_string(id));
    std::vector<int64_t> order;
    for (const auto& s : detail["data"]["subtasks"].GetArray()) order.push_back(s["id"].GetInt64());
    ids.insert(order.begin(), order.end());
    orders.insert(order);
  }
  EXPECT_GT(orders.size(), 1u);
  EXPECT_EQ(orders.begin()->size(), ids.size()) << "the same subtasks every time";
}

TEST_F(Quirky, IdsBeyondTwoToThe53AreWrittenAsStrings) {
  const std::string big = "9007199254740993";
  HttpResult put = client_->SendJson(
      "PUT", "/__mock/tasks/" + big,
      R"({"task": {"id": )" + big +
          R"(, "name": "Big", "status": "RUNNING", "creator": {"id": 100, "name": "admin"},
          "startTime": "2026-12-01T10:00:00.000+08:00", "subtasks": [{"id": 1, "name": "Check",
          "description": "Check", "operation": "EXECUTE", "status": "RUNNING"}]}})");
  ASSERT_EQ(200, put.status) << put.body;
  HttpResult detail = client_->Send("GET", "/api/v2/tasks/instances/" + big);
  EXPECT_NE(std::string::npos, detail.body.find(R"("id":")" + big + "\"")) << detail.body;
  EXPECT_NE(std::string::npos, detail.body.find(R"("id":1,)")) << "small ids stay numbers";
}

}  // namespace
}  // namespace contract
