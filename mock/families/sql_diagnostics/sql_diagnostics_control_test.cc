// POST, GET /__mock/slowSql and DELETE /__mock/slowSql/{id} (docs/sql-diagnostics.md
// "Steering"): a steered statement shows in slowSql and topSql with its text and plan for a range
// that meets its window; each refusal names its place and adds nothing; the bound; reset and
// reload forget them; the catalogue's resource routes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/families/sql_diagnostics/test_sql_diagnostics.h"

namespace mock::families {
namespace {

using sql_test::kMysqlTenant;
using sql_test::SqlAtNoon;
using sql_test::SqlDataOf;
using sql_test::SqlErrorOf;
using sql_test::SqlPage;
using ::testing::HasSubstr;

constexpr char kSteer[] = "/__mock/slowSql";
constexpr char kSleepy[] =
    R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT * FROM audit_trail WHERE note LIKE ?",
        "elapsedMs": 42000, "executions": 3, "minutes": 10})";

// The rows of `page` whose sqlId is `id`.
std::vector<const rapidjson::Value*> RowsOf(const rapidjson::Document& d, const std::string& id) {
  std::vector<const rapidjson::Value*> out;
  for (const auto& r : d["data"]["contents"].GetArray()) {
    if (r["sqlId"].GetString() == id) out.push_back(&r);
  }
  return out;
}

TEST(SlowSqlSteeringTest, ASteeredStatementShowsWithItsTextAndPlan) {
  auto h = SqlAtNoon();
  const auto added = h->Json("POST", kSteer, kSleepy);
  const std::string id = added["data"]["sqlId"].GetString();
  EXPECT_EQ(sql_diagnostics::SqlIdOf("select * from AUDIT_TRAIL where NOTE like ?"), id);
  EXPECT_EQ(1, added["data"]["id"].GetInt64());
  const auto slow = h->Json("GET", SqlPage(kMysqlTenant, "slowSql"));
  const auto rows = RowsOf(slow, id);
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ(3, (*rows[0])["executions"].GetInt64());
  EXPECT_EQ(42000, (*rows[0])["maxElapsedTime"].GetDouble());
  EXPECT_EQ(42000, (*rows[0])["avgElapsedTime"].GetDouble());
  EXPECT_EQ(id, slow["data"]["contents"][0]["sqlId"].GetString()) << "the slowest first";
  EXPECT_EQ(1u, RowsOf(h->Json("GET", SqlPage(kMysqlTenant, "topSql")), id).size());
  const auto text = h->Json("GET", SqlPage(kMysqlTenant, "sqls/" + id + "/text"));
  EXPECT_STREQ("SELECT * FROM audit_trail WHERE note LIKE ?", text["data"]["fulltext"].GetString());
  const auto plans = h->Json("GET", SqlPage(kMysqlTenant, "sqls/" + id + "/topPlan"));
  ASSERT_EQ(1u, plans["data"]["contents"].Size());
  const std::string uid = plans["data"]["contents"][0]["uid"].GetString();
  EXPECT_EQ(added["data"]["planUid"].GetString(), uid);
  const auto tree = h->Json("GET", SqlPage(kMysqlTenant, "plans/" + uid + "/explain"));
  EXPECT_STREQ("PHY_TABLE_SCAN", tree["data"]["rootOperations"][0]["operator"].GetString());
  EXPECT_STREQ("AUDIT_TRAIL", tree["data"]["rootOperations"][0]["objectName"].GetString());
}

TEST(SlowSqlSteeringTest, OnlyARangeThatMeetsTheWindowShowsIt) {
  auto h = SqlAtNoon();
  const std::string id = h->Json("POST", kSteer,
                                 R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 42",
                                     "elapsedMs": 3000, "startTime": "2036-12-05T09:00:00Z",
                                     "endTime": "2036-12-05T09:10:00Z"})")["data"]["sqlId"]
                             .GetString();
  EXPECT_TRUE(RowsOf(h->Json("GET", SqlPage(kMysqlTenant, "slowSql")), id).empty());
  const std::string around =
      kMysqlTenant + "/slowSql?startTime=2036-12-05T09%3A05%3A00Z&endTime=2036-12-05T10%3A00%3A00Z";
  EXPECT_EQ(1u, RowsOf(h->Json("GET", around), id).size());
  EXPECT_TRUE(
      RowsOf(h->Json("GET", SqlPage("/api/v2/ob/clusters/1/tenants/170", "slowSql")), id).empty())
      << "another tenant";
}

class SlowSqlRefusal : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(SlowSqlRefusal, NamesThePlaceAndAddsNothing) {
  auto h = SqlAtNoon();
  const http::Response r = h->Send("POST", kSteer, GetParam().first);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(SqlErrorOf(r).second, HasSubstr(GetParam().second));
  EXPECT_EQ(0u, h->Json("GET", kSteer)["data"].Size());
}

INSTANTIATE_TEST_SUITE_P(
    Bodies, SlowSqlRefusal,
    ::testing::Values(
        std::pair{std::string("{not json"), std::string("")},
        std::pair{std::string(R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1"})"),
                  std::string("elapsedMs")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 999, "sqlText": "SELECT 1", "elapsedMs": 5, "minutes": 1})"),
            std::string("tenantId")},
        std::pair{
            std::string(
                R"({"clusterId": 9, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "minutes": 1})"),
            std::string("clusterId")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "minutes": 1, "serverId": 7})"),
            std::string("serverId")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "minutes": 1, "startTime": "2036-12-05T09:00:00Z"})"),
            std::string("minutes")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "startTime": "2036-12-05T09:00:00Z"})"),
            std::string("endTime")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "startTime": "2036-12-05T09:00:00Z", "endTime": "2036-12-05T08:00:00Z"})"),
            std::string("endTime")},
        std::pair{
            std::string(
                R"({"clusterId": 1, "tenantId": 171, "sqlText": "SELECT 1", "elapsedMs": 5, "minutes": 1, "colour": "red"})"),
            std::string("colour")}),
    [](const auto& param_info) { return "Case" + std::to_string(param_info.index); });

TEST(SlowSqlSteeringTest, AtMostAHundredAreHeldAndDeleteFreesOne) {
  auto h = SqlAtNoon();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(200, h->Send("POST", kSteer, kSleepy).status) << i;
  const http::Response full = h->Send("POST", kSteer, kSleepy);
  EXPECT_EQ(400, full.status);
  EXPECT_THAT(full.body, HasSubstr("at most 100"));
  EXPECT_EQ(100u, h->Json("GET", kSteer)["data"].Size());
  EXPECT_EQ(200, h->Send("DELETE", std::string(kSteer) + "/7").status);
  EXPECT_EQ(404, h->Send("DELETE", std::string(kSteer) + "/7").status);
  EXPECT_EQ(200, h->Send("POST", kSteer, kSleepy).status);
}

TEST(SlowSqlSteeringTest, ResetAndReloadForgetThem) {
  auto h = SqlAtNoon();
  const std::string before = SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "slowSql")));
  ASSERT_EQ(200, h->Send("POST", kSteer, kSleepy).status);
  ASSERT_NE(before, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "slowSql"))));
  ASSERT_EQ(200, h->Send("POST", "/__mock/reset?only=sqlStatements").status);
  EXPECT_EQ(before, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "slowSql"))));
  EXPECT_EQ(1, h->Json("POST", kSteer, kSleepy)["data"]["id"].GetInt64()) << "ids from 1 again";
  ASSERT_EQ(200, h->Send("POST", "/__mock/reset").status);
  EXPECT_EQ(0u, h->Json("GET", kSteer)["data"].Size());
  h->clock.Advance(sql_test::kSqlNoon * 1000 - h->clock.NowMs());  // a full reset resets it
  ASSERT_EQ(200, h->Send("POST", kSteer, kSleepy).status);
  const http::Response reload = h->Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, reload.status) << reload.body;
  EXPECT_EQ(0u, h->Json("GET", kSteer)["data"].Size());
  EXPECT_EQ(before, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "slowSql"))));
}

TEST(SlowSqlSteeringTest, TheCatalogueHasTheResourceRoutes) {
  auto h = SqlAtNoon();
  const size_t held = h->Json("GET", "/__mock/sqlStatements")["data"].Size();
  EXPECT_GE(held, 24u);
  const std::string before = SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql")));
  ASSERT_EQ(200, h->Send("DELETE", "/__mock/sqlStatements/1").status);
  EXPECT_NE(before, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql"))));
  ASSERT_EQ(200, h->Send("POST", "/__mock/reset?only=sqlStatements").status);
  EXPECT_EQ(before, SqlDataOf(h->Send("GET", SqlPage(kMysqlTenant, "topSql"))));
}

}  // namespace
}  // namespace mock::families
