// Inspection through the whole API: a run starts one task on the mock clock and one report per
// object, whose results show once the task succeeds and follow the world (an OFFLINE host fails
// host_agent_available, a locked tenant tenant_unlocked) and the seed; the task list, the
// overview and the report info with their filters; every refusal naming its parameter and
// changing nothing; reset; the permission.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mock/families/inspection/test_inspection_api.h"

namespace mock::families {
namespace {

using ::testing::HasSubstr;
using testing::InspectionApi;
using testing::kInspection;

std::string At(const std::string& path) { return std::string(kInspection) + path; }

// Runs `query` and lets its task finish.
void RunAndFinish(const InspectionApi& h, const std::string& query) {
  const http::Response r = h.Send("POST", At("/run?" + query));
  ASSERT_EQ(200, r.status) << r.body;
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=600").status);
}

// The result of item `item` in report `report`'s detail; "" when it has none.
std::string InspectionResultOf(const InspectionApi& h, int64_t report, int64_t item) {
  const rapidjson::Document d = h.Json("GET", At("/report/" + std::to_string(report)));
  for (const auto& r : d["data"]["resultList"].GetArray()) {
    if (r["itemId"].GetInt64() == item) return r["state"].GetString();
  }
  return "";
}

// The report id of each task listed, in order.
std::vector<int64_t> InspectionIdsOf(const rapidjson::Document& answer) {
  std::vector<int64_t> ids;
  for (const auto& t : answer["data"]["contents"].GetArray()) ids.push_back(t["id"].GetInt64());
  return ids;
}

TEST(InspectionTest, ARunIsOneTaskWhoseReportsShowTheirResultsOnceItSucceeds) {
  InspectionApi h;
  const http::Response run =
      h.Send("POST", At("/run?inspectionObjectType=HOST&objectIds=6,1&tag=1"));
  ASSERT_EQ(200, run.status) << run.body;
  EXPECT_EQ("", json::Describe(h.schemas().ValidateText("async-task-response", run.body)));
  const auto task_id = json::ParseJson(run.body).value()["data"]["id"].GetInt64();
  rapidjson::Document tasks = h.Json("GET", At("/task"));
  EXPECT_EQ("", json::Describe(h.schemas().Validate("inspection-task-list-response", tasks)));
  ASSERT_EQ(2u, tasks["data"]["contents"].Size());
  for (const auto& t : tasks["data"]["contents"].GetArray()) {
    EXPECT_STREQ("RUNNING", t["taskState"].GetString());
    EXPECT_EQ(task_id, t["taskId"].GetInt64());
    EXPECT_EQ(0, t["itemFinishedCount"].GetInt64());
    EXPECT_FALSE(t.HasMember("endTime"));
  }
  EXPECT_EQ("", InspectionResultOf(h, 1, 1)) << "no results while the task runs";
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=600").status);
  tasks = h.Json("GET", At("/task"));
  for (const auto& t : tasks["data"]["contents"].GetArray()) {
    EXPECT_STREQ("SUCCESSFUL", t["taskState"].GetString());
    EXPECT_TRUE(t.HasMember("endTime"));
    EXPECT_EQ(t["itemTotalCount"].GetInt64(), t["itemFinishedCount"].GetInt64());
  }
  EXPECT_EQ("FAILED", InspectionResultOf(h, 1, 1)) << "host 6 is OFFLINE";
  EXPECT_EQ("PASSED", InspectionResultOf(h, 2, 1)) << "host 1 is ONLINE";
  const auto report = h.Json("GET", At("/report/1"));
  EXPECT_EQ("", json::Describe(h.schemas().Validate("inspection-report-response", report)));
  EXPECT_GE(report["data"]["highRiskCount"].GetInt64(), 1);
  EXPECT_STREQ("SUCCESSFUL",
               h.Json("GET", "/api/v2/tasks/instances/" + std::to_string(task_id))["data"]["status"]
                   .GetString());
}

TEST(InspectionTest, ALockedTenantFailsTenantUnlockedAndItsClusterIsItsParent) {
  InspectionApi h;
  RunAndFinish(h, "inspectionObjectType=OB_TENANT&objectIds=171,170&tag=1");
  EXPECT_EQ("FAILED", InspectionResultOf(h, 1, 7));
  EXPECT_EQ("PASSED", InspectionResultOf(h, 2, 7));
  const auto report = h.Json("GET", At("/report/1"));
  EXPECT_STREQ("trade", report["data"]["inspectionObject"]["name"].GetString());
  EXPECT_STREQ("ob20daily.xiaojun.chengxj",
               report["data"]["inspectionObject"]["parentName"].GetString());
}

// The results of every report, without times: the same seed and world give the same bytes.
std::string InspectionResultsOf(uint64_t seed) {
  InspectionApi h("4.2.2", {}, seed);
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=1,2,3,4,5,6,10,11&tag=3");
  std::string out;
  for (int64_t id = 1; id <= 8; ++id) {
    const auto d = h.Json("GET", At("/report/" + std::to_string(id)));
    for (const auto& r : d["data"]["resultList"].GetArray()) {
      out += std::to_string(r["itemId"].GetInt64()) + r["state"].GetString() + " ";
    }
  }
  return out;
}

TEST(InspectionTest, SeededResultsAreTheSameForTheSameSeedAndDifferForAnother) {
  const std::string first = InspectionResultsOf(7);
  EXPECT_EQ(first, InspectionResultsOf(7));
  bool differs = false;
  for (uint64_t seed = 8; seed < 16 && !differs; ++seed)
    differs = InspectionResultsOf(seed) != first;
  EXPECT_TRUE(differs) << "some seed fails other objects";
}

TEST(InspectionTest, TheTaskListFiltersByTypeTagStateAndName) {
  InspectionApi h;
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=6&tag=1");
  RunAndFinish(h, "inspectionObjectType=OB_CLUSTER&objectIds=1&tag=2");
  ASSERT_EQ(200,
            h.Send("POST", At("/run?inspectionObjectType=OB_TENANT&objectIds=171&tag=3")).status);
  auto ids = [&](const std::string& q) { return InspectionIdsOf(h.Json("GET", At("/task?" + q))); };
  EXPECT_EQ((std::vector<int64_t>{3, 2, 1}), ids(""));
  EXPECT_EQ((std::vector<int64_t>{2, 1}), ids("inspectionObjectTypes=HOST,OB_CLUSTER"));
  EXPECT_EQ((std::vector<int64_t>{3}), ids("tags=3"));
  EXPECT_EQ((std::vector<int64_t>{3}), ids("taskStates=RUNNING"));
  EXPECT_EQ((std::vector<int64_t>{2, 1}), ids("taskStates=SUCCESSFUL"));
  EXPECT_EQ((std::vector<int64_t>{3}), ids("name=TRA"));
  EXPECT_EQ((std::vector<int64_t>{1}), ids("size=1&page=3"));
}

TEST(InspectionTest, TheOverviewListsTheTypesObjectsWithTheirNewestReport) {
  InspectionApi h;
  RunAndFinish(h, "inspectionObjectType=OB_TENANT&objectIds=171&tag=1");
  const auto all = h.Json("GET", At("/overview?inspectionObjectType=OB_TENANT&size=100"));
  EXPECT_EQ("", json::Describe(h.schemas().Validate("inspection-overview-response", all)));
  EXPECT_GT(all["data"]["contents"].Size(), 5u);
  const auto one = h.Json("GET", At("/overview?inspectionObjectType=OB_TENANT&objectIds=171"));
  ASSERT_EQ(1u, one["data"]["contents"].Size());
  EXPECT_EQ(1, one["data"]["contents"][0]["lastReportId"].GetInt64());
  EXPECT_STREQ("INACTIVE", one["data"]["contents"][0]["scheduleState"].GetString());
  const auto named =
      h.Json("GET", At("/overview?inspectionObjectType=OB_TENANT&name=trade&parentName=OB20DAILY"));
  ASSERT_EQ(1u, named["data"]["contents"].Size());
  EXPECT_EQ(171, named["data"]["contents"][0]["id"].GetInt64());
  EXPECT_EQ(0u, h.Json("GET", At("/overview?scheduleStates=ACTIVE"))["data"]["contents"].Size());
  const auto clusters = h.Json("GET", At("/overview"));
  EXPECT_STREQ("OB_CLUSTER", clusters["data"]["contents"][0]["type"].GetString())
      << "the default type";
}

TEST(InspectionTest, ReportInfoIsTheNewestSuccessfulReportOfEachObject) {
  InspectionApi h;
  const std::string info = At("/report/info?tagId=1&objectType=HOST");
  EXPECT_EQ(0u, h.Json("GET", info)["data"]["contents"].Size());
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=6,1&tag=1");
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=6&tag=1");
  const auto all = h.Json("GET", info);
  EXPECT_EQ("", json::Describe(h.schemas().Validate("inspection-report-info-response", all)));
  ASSERT_EQ(2u, all["data"]["contents"].Size());
  EXPECT_EQ(2, all["data"]["contents"][0]["reportId"].GetInt64()) << "host 1's";
  EXPECT_EQ(3, all["data"]["contents"][1]["reportId"].GetInt64()) << "host 6's newest";
  const auto item = h.Json("GET", At("/report/info/item/1?tagId=1&objectType=HOST&objectId=6"));
  ASSERT_EQ(1u, item["data"]["contents"].Size());
  ASSERT_EQ(1u, item["data"]["contents"][0]["resultList"].Size());
  EXPECT_STREQ("FAILED", item["data"]["contents"][0]["resultList"][0]["state"].GetString());
  EXPECT_EQ(0u,
            h.Json("GET", At("/report/info?tagId=2&objectType=HOST"))["data"]["contents"].Size());
}

struct InspectionRefusal {
  std::string method;
  std::string path;
  int status;
  std::string names;
};

void PrintTo(const InspectionRefusal& r, std::ostream* os) { *os << r.method << " " << r.path; }

class InspectionRefusalTest : public ::testing::TestWithParam<InspectionRefusal> {};

TEST_P(InspectionRefusalTest, NamesTheParameterAndChangesNothing) {
  const InspectionRefusal& r = GetParam();
  InspectionApi h;
  const size_t tasks = h.store.size();
  const http::Response answer = h.Send(r.method, At(r.path));
  EXPECT_EQ(r.status, answer.status) << answer.body;
  EXPECT_THAT(answer.body, HasSubstr(r.names));
  EXPECT_EQ("", json::Describe(h.schemas().ValidateText("error-envelope", answer.body)));
  EXPECT_EQ(tasks, h.store.size()) << "no task started";
  EXPECT_EQ(0u, h.Json("GET", At("/task"))["data"]["contents"].Size());
}

INSTANTIATE_TEST_SUITE_P(
    EveryRefusal, InspectionRefusalTest,
    ::testing::Values(
        InspectionRefusal{"POST", "/run?objectIds=1&tag=1", 400, "inspectionObjectType"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=DB&objectIds=1&tag=1", 400,
                          "inspectionObjectType"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=HOST&tag=1", 400, "objectIds"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=HOST&objectIds=x&tag=1", 400,
                          "objectIds"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=HOST&objectIds=1&tag=9", 400, "tag"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=HOST&objectIds=1", 400, "tag"},
        InspectionRefusal{"POST", "/run?inspectionObjectType=HOST&objectIds=1,999&tag=1", 404,
                          "id=999"},
        InspectionRefusal{"GET", "/report/info?objectType=HOST", 400, "tagId"},
        InspectionRefusal{"GET", "/report/info?tagId=1", 400, "objectType"},
        InspectionRefusal{"GET", "/report/info/item/99?tagId=1&objectType=HOST", 404, "id=99"},
        InspectionRefusal{"GET", "/report/5", 404, "id=5"},
        InspectionRefusal{"GET", "/task?taskStates=DONE", 400, "taskStates"},
        InspectionRefusal{"GET", "/task?tags=0", 400, "tags"},
        InspectionRefusal{"GET", "/overview?scheduleStates=ON", 400, "scheduleStates"}),
    [](const auto& param_info) { return "case" + std::to_string(param_info.index); });

TEST(InspectionTest, ResetForgetsEveryReport) {
  InspectionApi h;
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=6&tag=1");
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=inspectionItems").status);
  EXPECT_EQ(0u, h.Json("GET", At("/task"))["data"]["contents"].Size());
  EXPECT_EQ(404, h.Send("GET", At("/report/1")).status);
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=6&tag=1");
  EXPECT_EQ((std::vector<int64_t>{1}), InspectionIdsOf(h.Json("GET", At("/task"))))
      << "ids start again";
}

TEST(InspectionTest, TheCatalogueIsSteerableThroughMockInspectionItems) {
  InspectionApi h;
  const rapidjson::Document items = h.Json("GET", "/__mock/inspectionItems");
  EXPECT_EQ(10u, items["data"].Size());
  ASSERT_EQ(200, h.Send("PUT", "/__mock/inspectionItems/11",
                        R"({"name": "host_always_fails", "objectType": "HOST", "tags": [1],
                            "riskLevel": "LOW", "rule": "seeded", "failPercent": 100})")
                     .status);
  RunAndFinish(h, "inspectionObjectType=HOST&objectIds=1&tag=1");
  EXPECT_EQ("FAILED", InspectionResultOf(h, 1, 11));
  EXPECT_EQ(1, h.Json("GET", At("/report/1"))["data"]["lowRiskCount"].GetInt64());
}

TEST(InspectionTest, EveryRouteNeedsClusterViewer) {
  const std::vector<auth::User> users = {
      {1, "viewer", "p", {}, {auth::Permission::kClusterViewer}, std::nullopt},
      {3, "hosts", "p", {}, {auth::Permission::kHostManager}, std::nullopt}};
  InspectionApi h("4.2.2", users);
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};  // viewer:p
  const http::Headers hosts = {{"Authorization", "Basic aG9zdHM6cA=="}};   // hosts:p
  for (const char* path : {"/task", "/overview", "/report/info?tagId=1&objectType=HOST"}) {
    EXPECT_EQ(401, h.Send("GET", At(path)).status) << path;
    EXPECT_EQ(403, h.Send("GET", At(path), "", hosts).status) << path;
    EXPECT_EQ(200, h.Send("GET", At(path), "", viewer).status) << path;
  }
  const std::string run = At("/run?inspectionObjectType=HOST&objectIds=1&tag=1");
  EXPECT_EQ(403, h.Send("POST", run, "", hosts).status);
  const http::Response ran = h.Send("POST", run, "", viewer);
  EXPECT_EQ(200, ran.status);
  EXPECT_THAT(ran.body, HasSubstr(R"("creator":"viewer")"));
}

}  // namespace
}  // namespace mock::families
