// The SQL diagnostics routes over the bundled fixtures (docs/sql-diagnostics.md): the documented
// shapes, the relation to the load model, every filter, determinism, text, plans and explain,
// each refusal, the permission.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "mock/core/text.h"
#include "mock/families/monitor/load_model.h"
#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/families/sql_diagnostics/test_sql_diagnostics.h"

namespace mock::families {
namespace {

using sql_test::kMysqlTenant;
using sql_test::kOracleTenant;
using sql_test::kSqlNoon;
using sql_test::SqlAtNoon;
using sql_test::SqlDataOf;
using sql_test::SqlErrorOf;
using sql_test::SqlPage;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> SqlTexts(const rapidjson::Document& d) {
  std::vector<std::string> out;
  for (const auto& r : d["data"]["contents"].GetArray())
    out.emplace_back(r["sqlTextShort"].GetString());
  return out;
}

TEST(TopSqlTest, AnswersTheDocumentedShapeInTheTenantsSyntax) {
  auto h = SqlAtNoon();
  const http::Response r = h->Send("GET", SqlPage(kMysqlTenant, "topSql"));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h->schemas().ValidateText("sql-performance-list-response", r.body), IsEmpty());
  const auto mysql = json::ParseJson(r.body).value();
  ASSERT_FALSE(mysql["data"]["contents"].Empty());
  for (const std::string& t : SqlTexts(mysql)) EXPECT_EQ(std::string::npos, t.find(":1")) << t;
  const auto oracle = h->Json("GET", SqlPage(kOracleTenant, "topSql"));
  ASSERT_FALSE(oracle["data"]["contents"].Empty());
  for (const std::string& t : SqlTexts(oracle)) EXPECT_EQ(std::string::npos, t.find('?')) << t;
  const auto& row = mysql["data"]["contents"][0];
  EXPECT_TRUE(sql_diagnostics::IsSqlId(row["sqlId"].GetString()));
  EXPECT_THAT(row["server"].GetString(), HasSubstr(":2882"));
}

TEST(TopSqlTest, ExecutionsSumToTheTenantsQpsIntegratedOverTheRange) {
  auto h = SqlAtNoon();
  const auto d = h->Json("GET", SqlPage(kMysqlTenant, "topSql", "inner=true"));
  std::set<int64_t> servers;
  int64_t total = 0;
  for (const auto& r : d["data"]["contents"].GetArray()) {
    servers.insert(r["serverId"].GetInt64());
    total += r["executions"].GetInt64();
  }
  ASSERT_FALSE(servers.empty());
  int64_t expected = 0;
  for (int64_t server : servers) {
    double e = 0;
    for (int64_t t = kSqlNoon - 3'600; t < kSqlNoon; t += 60) {
      e += monitor::UnitLoadAt(0,
                               {.tenant_id = 171,
                                .server_id = server,
                                .units = static_cast<int64_t>(servers.size())},
                               t)
               .qps *
           60;
    }
    expected += std::llround(e);
  }
  EXPECT_EQ(expected, total);
}

TEST(TopSqlTest, TheSameQueryGivesTheSameBytesAndAnEndAfterNowCountsToNow) {
  auto h = SqlAtNoon();
  const std::string once = SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql")));
  EXPECT_EQ(once, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql"))));
  auto other = SqlAtNoon();
  EXPECT_EQ(once, SqlDataOf(other->Send("GET", SqlPage(kMysqlTenant, "topSql"))))
      << "another process with the same seed";
  const std::string later =
      kMysqlTenant + "/topSql?startTime=2036-12-05T11%3A00%3A00Z&endTime=2036-12-05T13%3A00%3A00Z";
  EXPECT_EQ(once, SqlDataOf(h->Send("GET", later)));
  h->Advance(600);
  EXPECT_NE(once, SqlDataOf(h->Send("GET", later))) << "the clock moved the window's end";
  EXPECT_EQ(once, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql"))));
}

TEST(TopSqlTest, InnerStatementsShowOnlyWhenAsked) {
  auto h = SqlAtNoon();
  auto inner_of = [&](const std::string& more) {
    std::set<bool> seen;
    const auto d = h->Json("GET", SqlPage(kMysqlTenant, "topSql", more));
    for (const auto& r : d["data"]["contents"].GetArray()) seen.insert(r["inner"].GetBool());
    return seen;
  };
  EXPECT_EQ(std::set<bool>{false}, inner_of(""));
  EXPECT_EQ(std::set<bool>{false}, inner_of("inner=false"));
  EXPECT_EQ((std::set<bool>{false, true}), inner_of("inner=true"));
}

TEST(TopSqlTest, FiltersByKeywordServerDatabaseAndSearch) {
  auto h = SqlAtNoon();
  for (const std::string& t :
       SqlTexts(h->Json("GET", SqlPage(kMysqlTenant, "topSql", "sqlText=oRdErS")))) {
    EXPECT_THAT(sql_diagnostics::UpperAscii(t), HasSubstr("ORDERS"));
  }
  const auto all = h->Json("GET", SqlPage(kMysqlTenant, "topSql"));
  const int64_t server = all["data"]["contents"][0]["serverId"].GetInt64();
  const auto one =
      h->Json("GET", SqlPage(kMysqlTenant, "topSql", "serverId=" + std::to_string(server)));
  ASSERT_FALSE(one["data"]["contents"].Empty());
  for (const auto& r : one["data"]["contents"].GetArray())
    EXPECT_EQ(server, r["serverId"].GetInt64());
  const auto none = h->Json("GET", SqlPage(kMysqlTenant, "topSql", "serverId=1"));
  EXPECT_TRUE(none["data"]["contents"].Empty());
  const auto db = h->Json("GET", SqlPage(kMysqlTenant, "topSql", "dbName=oceanbase"));
  ASSERT_FALSE(db["data"]["contents"].Empty());
  for (const auto& r : db["data"]["contents"].GetArray())
    EXPECT_STREQ("oceanbase", r["dbName"].GetString());
  const int64_t cut = all["data"]["contents"][0]["executions"].GetInt64();
  const auto many =
      h->Json("GET", SqlPage(kMysqlTenant, "topSql",
                             "searchAttr=executions&searchOp=GE&searchVal=" + std::to_string(cut)));
  ASSERT_FALSE(many["data"]["contents"].Empty());
  EXPECT_LT(many["data"]["contents"].Size(), all["data"]["contents"].Size());
  for (const auto& r : many["data"]["contents"].GetArray())
    EXPECT_GE(r["executions"].GetInt64(), cut);
}

TEST(TopSqlTest, SqlTextLengthCutsTheShortText) {
  auto h = SqlAtNoon();
  for (const std::string& t :
       SqlTexts(h->Json("GET", SqlPage(kMysqlTenant, "topSql", "sqlTextLength=12")))) {
    EXPECT_LE(t.size(), 12u) << t;
  }
}

TEST(SlowSqlTest, KeepsStatementsOverOneSecondSlowestFirstUpToTheLimit) {
  auto h = SqlAtNoon();
  const http::Response r = h->Send("GET", SqlPage(kMysqlTenant, "slowSql"));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h->schemas().ValidateText("sql-performance-list-response", r.body), IsEmpty());
  const auto d = json::ParseJson(r.body).value();
  const auto& rows = d["data"]["contents"];
  ASSERT_FALSE(rows.Empty());
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    EXPECT_GE(rows[i]["maxElapsedTime"].GetDouble(), 1000.0);
    if (i > 0) {
      EXPECT_GE(rows[i - 1]["maxElapsedTime"].GetDouble(), rows[i]["maxElapsedTime"].GetDouble());
    }
  }
  EXPECT_EQ(1u,
            h->Json("GET", SqlPage(kMysqlTenant, "slowSql", "limit=1"))["data"]["contents"].Size());
  const double top = rows[0]["maxElapsedTime"].GetDouble();
  const auto filtered = h->Json("GET", SqlPage(kMysqlTenant, "slowSql",
                                               "filterExpression=%40maxElapsedTime%20%3E%3D%20" +
                                                   std::to_string(static_cast<int64_t>(top))));
  ASSERT_FALSE(filtered["data"]["contents"].Empty());
  for (const auto& row : filtered["data"]["contents"].GetArray()) {
    EXPECT_GE(row["maxElapsedTime"].GetDouble(), std::floor(top));
  }
  const http::Response bad = h->Send(
      "GET", SqlPage(kMysqlTenant, "slowSql",
                     "filterExpression=%40executions%20%3E%201%20or%20%40failCount%20%3E%200"));
  EXPECT_EQ(400, bad.status);
  EXPECT_THAT(SqlErrorOf(bad).second, HasSubstr("filterExpression: 'or'"));
}

TEST(SqlTextTest, GivesTheFullTextOfARowOnBothPaths) {
  auto h = SqlAtNoon();
  const auto d = h->Json("GET", SqlPage(kMysqlTenant, "topSql", "sqlTextLength=5"));
  const std::string id = d["data"]["contents"][0]["sqlId"].GetString();
  for (const std::string& page : {"sqls/" + id + "/text", "sql/" + id + "/text"}) {
    const http::Response r = h->Send("GET", SqlPage(kMysqlTenant, page));
    ASSERT_EQ(200, r.status) << r.body;
    EXPECT_THAT(h->schemas().ValidateText("sql-text-response", r.body), IsEmpty());
    const std::string text = json::ParseJson(r.body).value()["data"]["fulltext"].GetString();
    EXPECT_EQ(id, sql_diagnostics::SqlIdOf(text));
    EXPECT_GT(text.size(), 5u);
  }
  EXPECT_EQ(200,
            h->Send("GET", SqlPage(kMysqlTenant, "sqls/" + text::LowerAscii(id) + "/text")).status)
      << "a sqlId in lower case";
}

TEST(SqlPlanTest, TopPlanGivesAUidExplainReadsOnBothPaths) {
  auto h = SqlAtNoon();
  const auto d = h->Json("GET", SqlPage(kMysqlTenant, "slowSql"));
  const std::string id = d["data"]["contents"][0]["sqlId"].GetString();
  const http::Response plans = h->Send("GET", SqlPage(kMysqlTenant, "sqls/" + id + "/topPlan"));
  ASSERT_EQ(200, plans.status) << plans.body;
  EXPECT_THAT(h->schemas().ValidateText("sql-plan-list-response", plans.body), IsEmpty());
  const auto p = json::ParseJson(plans.body).value();
  ASSERT_FALSE(p["data"]["contents"].Empty());
  EXPECT_TRUE(p["data"]["contents"][0]["tableScan"].GetBool());
  const std::string uid = p["data"]["contents"][0]["uid"].GetString();
  EXPECT_EQ(SqlDataOf(plans),
            SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "sql/" + id + "/topPlan"))));
  const std::string misspelt = "/api/v2/cluters/1/tenants/171";
  const http::Response tree = h->Send("GET", SqlPage(kMysqlTenant, "plans/" + uid + "/explain"));
  ASSERT_EQ(200, tree.status) << tree.body;
  EXPECT_THAT(h->schemas().ValidateText("plan-explain-response", tree.body), IsEmpty());
  EXPECT_EQ(SqlDataOf(tree),
            SqlDataOf(h->Send("GET", SqlPage(misspelt, "plans/" + uid + "/explain"))));
  const auto t = json::ParseJson(tree.body).value();
  const auto& root = t["data"]["rootOperations"][0];
  ASSERT_TRUE(root.HasMember("children"));
  EXPECT_GT(root["cost"].GetInt64(), root["children"][0]["cost"].GetInt64());
}

TEST(SqlRefusalTest, TheRangeIsRequiredAndCheckedInTheVersionsCodes) {
  for (const std::string version : {"3.1.1", "4.2.2"}) {
    auto h = SqlAtNoon(version);
    const bool v4 = version == "4.2.2";
    const http::Response missing =
        h->Send("GET", kMysqlTenant + "/topSql?endTime=2036-12-05T12%3A00%3A00Z");
    EXPECT_EQ(400, missing.status);
    EXPECT_EQ(v4 ? "COM10001" : "1001", SqlErrorOf(missing).first);
    EXPECT_THAT(SqlErrorOf(missing).second, HasSubstr("startTime"));
    const http::Response format = h->Send(
        "GET", kMysqlTenant + "/slowSql?startTime=yesterday&endTime=2036-12-05T12%3A00%3A00Z");
    EXPECT_EQ(400, format.status);
    EXPECT_THAT(SqlErrorOf(format).second, HasSubstr("startTime: 'yesterday'"));
    const http::Response backwards = h->Send(
        "GET", kMysqlTenant +
                   "/topSql?startTime=2036-12-05T12%3A00%3A00Z&endTime=2036-12-05T11%3A00%3A00Z");
    EXPECT_EQ(400, backwards.status);
    EXPECT_EQ(v4 ? "COM10010" : "1010", SqlErrorOf(backwards).first);
    const http::Response wide = h->Send(
        "GET", kMysqlTenant +
                   "/topSql?startTime=2036-10-05T12%3A00%3A00Z&endTime=2036-12-05T11%3A00%3A00Z");
    EXPECT_EQ(v4 ? "COM10010" : "1010", SqlErrorOf(wide).first);
  }
}

TEST(SqlRefusalTest, UnknownClustersTenantsStatementsAndPlansAreNotFound) {
  auto h = SqlAtNoon();
  EXPECT_EQ(404, h->Send("GET", SqlPage("/api/v2/ob/clusters/99/tenants/171", "topSql")).status);
  EXPECT_EQ(404, h->Send("GET", SqlPage("/api/v2/ob/clusters/2/tenants/171", "topSql")).status);
  const std::string unknown = sql_diagnostics::SqlIdOf("SELECT nothing");
  const http::Response text = h->Send("GET", SqlPage(kMysqlTenant, "sqls/" + unknown + "/text"));
  EXPECT_EQ(404, text.status);
  EXPECT_THAT(SqlErrorOf(text).second, HasSubstr(unknown));
  EXPECT_EQ(404, h->Send("GET", SqlPage(kMysqlTenant, "sqls/" + unknown + "/topPlan")).status);
  EXPECT_EQ(404,
            h->Send("GET", SqlPage(kMysqlTenant, "plans/AAAAAAAAAAEAAAAAAAKOvgAFs1_j8s3i/explain"))
                .status);
  EXPECT_EQ(404, h->Send("GET", SqlPage(kMysqlTenant, "plans/short/explain")).status);
  const http::Response bad = h->Send("GET", SqlPage(kMysqlTenant, "sqls/XYZ/text"));
  EXPECT_EQ(400, bad.status);
  EXPECT_THAT(SqlErrorOf(bad).second, HasSubstr("sqlId: 'XYZ'"));
  const auto mysql = h->Json("GET", SqlPage(kMysqlTenant, "topSql"));
  const std::string mysql_id = mysql["data"]["contents"][0]["sqlId"].GetString();
  EXPECT_EQ(404, h->Send("GET", SqlPage(kOracleTenant, "sqls/" + mysql_id + "/text")).status)
      << "an Oracle tenant runs no MySQL statement";
}

TEST(SqlAccessTest, TheClusterReadPermissionIsNeeded) {
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {auth::Permission::kTaskViewer}, std::nullopt},
      {2, "viewer", "p", {}, {auth::Permission::kClusterViewer}, std::nullopt}};
  testing::BundledApi h("4.2.2", users);
  h.clock.Advance(kSqlNoon * 1000 - h.clock.NowMs());
  const http::Headers tasks = {{"Authorization", "Basic dGFza3M6cA=="}};   // tasks:p
  const http::Headers viewer = {{"Authorization", "Basic dmlld2VyOnA="}};  // viewer:p
  for (const std::string page : {"topSql", "slowSql"}) {
    EXPECT_EQ(403, h.Send("GET", SqlPage(kMysqlTenant, page), "", tasks).status) << page;
    EXPECT_EQ(200, h.Send("GET", SqlPage(kMysqlTenant, page), "", viewer).status) << page;
    EXPECT_EQ(401, h.Send("GET", SqlPage(kMysqlTenant, page)).status) << page;
  }
}

// A path segment of 64 bytes or more is quoted cut to a character, never inside one: the answer
// stays UTF-8 (the diagnosis fuzzer found a 400 whose body was not, 2026-12-05).
TEST(SqlTextTest, ALongSegmentIsQuotedCutOnACharacterBoundary) {
  auto h = SqlAtNoon();
  const std::string segment = std::string(63, 'a') + "%C3%A9" + "zzz";  // U+00E9 at bytes 63-64
  for (const std::string& page : {"sqls/" + segment + "/text", "plans/" + segment + "/explain"}) {
    const http::Response r = h->Send("GET", SqlPage(kMysqlTenant, page));
    EXPECT_GE(r.status, 400) << page;
    EXPECT_LT(r.status, 500) << page;
    EXPECT_TRUE(json::ParseJson(r.body).ok()) << page << ": " << r.body;
    EXPECT_NE(std::string::npos, r.body.find(std::string(63, 'a') + "...")) << r.body;
  }
}

}  // namespace
}  // namespace mock::families
