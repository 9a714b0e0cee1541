// The AWR report flow through the whole API: snapshots on the mock clock, a report created from
// a form body or a query string, CREATING while its task runs and SUCCESSFUL after, listed and
// downloaded as HTML; each refusal answered with OCP's error and changing nothing; reset, the
// fault rules and the journal as for any OCP endpoint.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/families/entities/test_entity_api.h"
#include "mock/families/workload/workload_snapshots.h"

namespace mock::families {
namespace {

using api::testing::EntityApi;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kBase = "/api/v2/ob/clusters/2/performance/workload";
const http::Headers kForm = {{"Content-Type", "application/x-www-form-urlencoded"}};

json::SchemaSet Schemas(const std::string& version = "4.2.2") {
  auto profile = versions::LoadProfile(testdata::SchemasDir(), version);
  return std::move(json::SchemaSet::Load(profile.value().schema_dirs)).value();
}

// The last snapshot's id now.
int64_t LastSnapshot(const EntityApi& h) {
  return workload::SnapshotsAt(h.clock.NowMs()).back().id;
}

std::string Form(int64_t start, int64_t end, const std::string& name = "OBAWR_obcluster_hz") {
  return "name=" + name + "&startSnapshotId=" + std::to_string(start) +
         "&endSnapshotId=" + std::to_string(end);
}

int64_t Tasks(const EntityApi& h) { return h.TotalOf("/api/v2/tasks/instances"); }
int64_t Reports(const EntityApi& h) { return h.TotalOf(kBase + "/reports"); }

// Sends a refused creation; expects `status` and `field` in the answer, and nothing changed.
void ExpectRefused(const EntityApi& h, const std::string& target, const std::string& body,
                   int status, const std::string& code, const std::string& field,
                   const http::Headers& headers = kForm) {
  const int64_t tasks = Tasks(h);
  const int64_t reports = Reports(h);
  http::Response r = h.Send("POST", target, body, headers);
  EXPECT_EQ(status, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("code":")" + code + "\"")) << r.body;
  EXPECT_THAT(r.body, HasSubstr(field)) << r.body;
  EXPECT_EQ(tasks, Tasks(h)) << "no task started";
  EXPECT_EQ(reports, Reports(h)) << "no report added";
}

TEST(Workload, SnapshotsAreHourlyAscendingInTheDocumentedForm) {
  EntityApi h;
  auto list = h.Json("GET", kBase + "/snapshots");
  const auto& contents = list["data"]["contents"];
  ASSERT_EQ(static_cast<rapidjson::SizeType>(workload::kRetained), contents.Size());
  EXPECT_FALSE(list["data"].HasMember("page")) << "not paged, as documented";
  for (rapidjson::SizeType i = 1; i < contents.Size(); ++i) {
    EXPECT_EQ(contents[i - 1]["snapshotId"].GetInt64() + 1, contents[i]["snapshotId"].GetInt64());
    const std::string t = contents[i]["snapshotTime"].GetString();
    EXPECT_THAT(t, ::testing::MatchesRegex(R"(....-..-..T..:01:00\.[0-9]+Z)"));
  }
  EXPECT_EQ(LastSnapshot(h), contents[contents.Size() - 1]["snapshotId"].GetInt64());
  EXPECT_TRUE(Schemas().Validate("workload-snapshot-list-response", list).empty());
}

// The sample of en.oceanbase.com's "Query snapshots of a specified cluster" (EP-SNAP), as
// docs/reference/ocp-client-flows.md section 5.1 gives it.
TEST(Workload, TheDocumentedSnapshotSampleValidates) {
  auto sample = json::ParseJson(R"({"data": {"contents": [
      {"snapshotId": 1399, "snapshotTime": "2022-10-01T00:01:00.214Z"},
      {"snapshotId": 3801, "snapshotTime": "2023-01-12T10:01:00.72Z"},
      {"snapshotId": 3802, "snapshotTime": "2023-01-12T11:01:00.696Z"}]},
      "duration": 35, "server": "xxx.xxx.xxx.xxx", "status": 200, "successful": true,
      "timestamp": "2023-01-12T19:24:59.494+08:00", "traceId": "5a8a92acb9f84ea2"})");
  ASSERT_TRUE(sample.ok());
  for (const char* version : {"3.1.1", "4.0.0", "4.2.2"}) {
    auto v = Schemas(version).Validate("workload-snapshot-list-response", sample.value());
    EXPECT_TRUE(v.empty()) << version << ": " << json::Describe(v);
  }
}

TEST(Workload, SnapshotsComeAsTheMockClockAdvances) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=7200").status);
  auto list = h.Json("GET", kBase + "/snapshots?snapshotId=" + std::to_string(last));
  ASSERT_EQ(3u, list["data"]["contents"].Size());
  EXPECT_EQ(last + 2, list["data"]["contents"][2]["snapshotId"].GetInt64());
}

TEST(Workload, SnapshotsOfAnUnknownClusterAreClusterNotFound) {
  EntityApi h;
  http::Response r = h.Send("GET", "/api/v2/ob/clusters/999/performance/workload/snapshots");
  EXPECT_EQ(404, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"OBE11001")"));
  EXPECT_THAT(r.body, HasSubstr("The specified cluster with the ID of 999 does not exist."));
  EXPECT_THAT(r.body, HasSubstr("id=999"));
}

TEST(Workload, AWrongTypedSnapshotIdIsInvalidParameterNamingIt) {
  EntityApi h;
  http::Response r = h.Send("GET", kBase + "/snapshots?snapshotId=abc");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10001")"));
  EXPECT_THAT(r.body, HasSubstr("snapshotId"));
}

TEST(Workload, AReportFromAFormBodyIsCreatingWhileItsTaskRunsThenSuccessful) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  const int64_t tasks = Tasks(h);
  http::Response created = h.Send("POST", kBase + "/reports", Form(last - 3, last), kForm);
  ASSERT_EQ(200, created.status) << created.body;
  auto report = std::move(json::ParseJson(created.body)).value();
  EXPECT_TRUE(Schemas().Validate("workload-report-response", report).empty()) << created.body;
  const auto& data = report["data"];
  EXPECT_STREQ("CREATING", data["status"].GetString());
  EXPECT_STREQ("OBAWR_obcluster_hz", data["name"].GetString());
  EXPECT_EQ(2, data["clusterId"].GetInt64());
  EXPECT_STREQ("CLUSTER", data["scope"].GetString());
  const int64_t id = data["id"].GetInt64();
  const std::string task =
      "/api/v2/tasks/instances/" + std::to_string(data["taskInstanceId"].GetInt64());
  EXPECT_EQ(tasks + 1, Tasks(h)) << "a real task";
  auto polled = h.Json("GET", task);
  EXPECT_STREQ("Generate workload report", polled["data"]["name"].GetString());
  EXPECT_STREQ("RUNNING", polled["data"]["status"].GetString());

  auto listed = h.Json("GET", kBase + "/reports");
  EXPECT_TRUE(Schemas().Validate("workload-report-list-response", listed).empty());
  ASSERT_EQ(1u, listed["data"]["contents"].Size());
  EXPECT_STREQ("CREATING", listed["data"]["contents"][0]["status"].GetString());
  EXPECT_EQ(400, h.Send("GET", kBase + "/reports/" + std::to_string(id)).status)
      << "not downloadable while CREATING";

  ASSERT_EQ(200, h.Send("POST", "/__mock/clock/advance?seconds=60").status);
  EXPECT_STREQ("SUCCESSFUL", h.Json("GET", task)["data"]["status"].GetString());
  listed = h.Json("GET", kBase + "/reports?status=SUCCESSFUL");
  ASSERT_EQ(1u, listed["data"]["contents"].Size());
  EXPECT_EQ(id, listed["data"]["contents"][0]["id"].GetInt64());

  http::Response html = h.Send("GET", kBase + "/reports/" + std::to_string(id));
  ASSERT_EQ(200, html.status) << html.body;
  EXPECT_THAT(html.content_type, StartsWith("text/html"));
  EXPECT_THAT(html.body, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(html.body, HasSubstr(data["clusterName"].GetString()));
  for (int64_t s : {last - 3, last}) {
    EXPECT_THAT(html.body, HasSubstr(std::to_string(s) + " (" +
                                     workload::SnapshotTimeText(workload::SnapshotTimeMs(s))));
  }
}

TEST(Workload, AReportFromAQueryStringWithNoBodyIsCreatedAlike) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  // The MCP server: sorted, quote(safe='')-encoded parameters, Content-Type JSON, no body.
  const std::string target = kBase + "/reports?endSnapshotId=" + std::to_string(last) +
                             "&name=mcp%20report&startSnapshotId=" + std::to_string(last - 1);
  http::Response r =
      h.Send("POST", target, "", {{"Content-Type", "application/json"}, {"x-ocp-origin", "mcp"}});
  ASSERT_EQ(200, r.status) << r.body;
  auto data = std::move(json::ParseJson(r.body)).value();
  EXPECT_STREQ("mcp report", data["data"]["name"].GetString());
  EXPECT_EQ(last - 1, data["data"]["startSnapshotId"].GetInt64());
}

TEST(Workload, AMissingNameIsInvalidParameterAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(
      h, kBase + "/reports",
      "startSnapshotId=" + std::to_string(last - 1) + "&endSnapshotId=" + std::to_string(last), 400,
      "COM10001", "name");
}

TEST(Workload, AMissingStartSnapshotIsInvalidParameterAndChangesNothing) {
  EntityApi h;
  ExpectRefused(h, kBase + "/reports", "name=r&endSnapshotId=" + std::to_string(LastSnapshot(h)),
                400, "COM10001", "startSnapshotId");
}

TEST(Workload, AWrongTypedEndSnapshotIsInvalidParameterAndChangesNothing) {
  EntityApi h;
  ExpectRefused(h, kBase + "/reports",
                "name=r&startSnapshotId=" + std::to_string(LastSnapshot(h)) + "&endSnapshotId=x1",
                400, "COM10001", "endSnapshotId");
}

TEST(Workload, AJsonBodyIsNotReadAndChangesNothing) {
  EntityApi h;
  ExpectRefused(h, kBase + "/reports", R"({"name": "r", "startSnapshotId": 1, "endSnapshotId": 2})",
                400, "COM10001", "name", {{"Content-Type", "application/json"}});
}

TEST(Workload, AnUnknownStartSnapshotIsRecordNotFoundAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(h, kBase + "/reports", Form(last - workload::kRetained, last), 404, "COM10002",
                "startSnapshotId=");
}

TEST(Workload, AnUnknownEndSnapshotIsRecordNotFoundAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(h, kBase + "/reports", Form(last - 1, last + 1), 404, "COM10002", "endSnapshotId=");
}

TEST(Workload, AnEndNotAfterTheStartIsTimeRangeInvalidAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(h, kBase + "/reports", Form(last, last - 1), 400, "COM10010", "endSnapshotId");
  ExpectRefused(h, kBase + "/reports", Form(last, last), 400, "COM10010", "endSnapshotId");
}

TEST(Workload, AnEndMoreThanADayAfterTheStartIsTimeRangeInvalidAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(h, kBase + "/reports", Form(last - 25, last), 400, "COM10010", "endSnapshotId");
  EXPECT_EQ(200, h.Send("POST", kBase + "/reports", Form(last - 24, last), kForm).status)
      << "24 hours is within the day";
}

TEST(Workload, AReportOnAnUnknownClusterIsClusterNotFoundAndChangesNothing) {
  EntityApi h;
  const int64_t last = LastSnapshot(h);
  ExpectRefused(h, "/api/v2/ob/clusters/999/performance/workload/reports", Form(last - 1, last),
                404, "OBE11001", "id=999");
}

TEST(Workload, AnUnknownReportIsRecordNotFound) {
  EntityApi h;
  http::Response r = h.Send("GET", kBase + "/reports/77");
  EXPECT_EQ(404, r.status);
  EXPECT_THAT(r.content_type, HasSubstr("json"));
  EXPECT_THAT(r.body, HasSubstr(R"("code":"COM10002")"));
  EXPECT_THAT(r.body, HasSubstr("WORKLOAD_REPORT"));
  const int64_t last = LastSnapshot(h);
  ASSERT_EQ(200, h.Send("POST", kBase + "/reports", Form(last - 1, last), kForm).status);
  EXPECT_EQ(404, h.Send("GET", "/api/v2/ob/clusters/1/performance/workload/reports/1").status)
      << "another cluster's report";
}

TEST(Workload, AResetForgetsReportsAndTheirTasks) {
  EntityApi h;
  const int64_t tasks = Tasks(h);
  const int64_t last = LastSnapshot(h);
  ASSERT_EQ(200, h.Send("POST", kBase + "/reports", Form(last - 1, last), kForm).status);
  ASSERT_EQ(1, Reports(h));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset").status);
  EXPECT_EQ(0, Reports(h));
  EXPECT_EQ(tasks, Tasks(h));
}

TEST(Workload, AReportPutThroughTheControlPlaneKeepsItsStatus) {
  EntityApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/workloadReports/5",
                        R"({"clusterId": 2, "name": "seeded", "status": "SUCCESSFUL",
                            "startSnapshotId": 10, "endSnapshotId": 12})")
                     .status);
  http::Response html = h.Send("GET", kBase + "/reports/5");
  ASSERT_EQ(200, html.status) << html.body;
  EXPECT_THAT(html.body, HasSubstr("seeded"));
  // The MCP server repeats the path's ids in the query: unknown parameters are ignored.
  EXPECT_EQ(html.body, h.Send("GET", kBase + "/reports/5?id=2&reportId=5").body);
}

TEST(Workload, FaultRulesAndTheJournalApply) {
  EntityApi h;
  ASSERT_EQ(200,
            h.Send("POST", "/__mock/faults",
                   R"({"match": {"method": "POST", "path": ")" + kBase +
                       R"(/reports"}, "action": {"type": "status", "status": 503}, "times": 1})")
                .status);
  const int64_t last = LastSnapshot(h);
  EXPECT_EQ(503, h.Send("POST", kBase + "/reports", Form(last - 1, last), kForm).status);
  EXPECT_EQ(0, Reports(h)) << "a faulted creation changes nothing";
  EXPECT_EQ(200, h.Send("POST", kBase + "/reports", Form(last - 1, last), kForm).status);
  auto count = h.Json("GET", "/__mock/requests/count?method=POST&path=" + kBase + "/reports");
  EXPECT_EQ(2, count["data"]["count"].GetInt64());
}

// CLUSTER_VIEWER for all four (docs/awr-reports.md); a refused caller creates nothing.
TEST(Workload, EachEndpointAsksForClusterViewer) {
  using auth::Permission;
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {Permission::kTaskViewer}, std::nullopt},
      {2, "viewer", "p", {}, {Permission::kClusterViewer}, std::nullopt}};
  EntityApi h("4.2.2", users);
  const int64_t last = LastSnapshot(h);
  const auto as = [&](const char* basic, const std::string& method, const std::string& target) {
    http::Headers headers = kForm;
    headers.emplace_back("Authorization", std::string("Basic ") + basic);
    return h.Send(method, target, method == "POST" ? Form(last - 1, last) : "", headers);
  };
  const char* tasks = "dGFza3M6cA==";   // tasks:p
  const char* viewer = "dmlld2VyOnA=";  // viewer:p
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", kBase + "/snapshots"},
                                                        {"POST", kBase + "/reports"},
                                                        {"GET", kBase + "/reports"},
                                                        {"GET", kBase + "/reports/1"}}) {
    EXPECT_EQ(403, as(tasks, method, target).status) << method << " " << target;
  }
  EXPECT_EQ(200, as(viewer, "POST", kBase + "/reports").status);
  auto listed = as(viewer, "GET", kBase + "/reports");
  EXPECT_THAT(listed.body, HasSubstr(R"("totalElements":1)")) << "one creation, the viewer's";
  EXPECT_THAT(listed.body, HasSubstr(R"("creator":"viewer")"));
  EXPECT_EQ(401, h.Send("GET", kBase + "/snapshots").status);
}

TEST(Workload, IsServedInEveryVersionWithItsCodes) {
  EntityApi h("3.1.1");
  const int64_t last = LastSnapshot(h);
  EXPECT_EQ(200, h.Send("POST", kBase + "/reports", Form(last - 1, last), kForm).status);
  http::Response r = h.Send("POST", kBase + "/reports", Form(last, last), kForm);
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr(R"("code":1010)"));
}

}  // namespace
}  // namespace mock::families
