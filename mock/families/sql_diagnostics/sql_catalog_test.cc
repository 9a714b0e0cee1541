// The catalogue's ids (sql_catalog.h): a sqlId is the normalized text's hash, a plan uid carries
// its sqlId and server; and the bundled catalogue is well formed for both modes.
#include "mock/families/sql_diagnostics/sql_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "mock/json/schema_set.h"
#include "mock/resources/resource_family.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families::sql_diagnostics {
namespace {

TEST(SqlCatalogTest, ASqlIdIsTheHashOfTheNormalizedText) {
  const std::string id = SqlIdOf("select  id\n FROM t");
  EXPECT_TRUE(IsSqlId(id)) << id;
  EXPECT_EQ(id, UpperAscii(id));
  EXPECT_EQ(id, SqlIdOf("SELECT ID FROM T"));
  EXPECT_EQ(id, SqlIdOf("  SELECT ID FROM T  "));
  EXPECT_NE(SqlIdOf("SELECT 'a'"), SqlIdOf("SELECT 'A'")) << "quoted text keeps its case";
  EXPECT_NE(id, SqlIdOf("SELECT ID FROM U"));
  EXPECT_EQ("SELECT 'a  b' FROM T", NormalizeSql("select  'a  b'   from t"));
}

TEST(SqlCatalogTest, IsSqlIdWantsThirtyTwoHexDigits) {
  EXPECT_TRUE(IsSqlId("89FF9AC900FA242F1DEF8B2211377F60"));
  EXPECT_TRUE(IsSqlId("89ff9ac900fa242f1def8b2211377f60"));
  EXPECT_FALSE(IsSqlId("89FF9AC900FA242F1DEF8B2211377F6"));
  EXPECT_FALSE(IsSqlId("89FF9AC900FA242F1DEF8B2211377F6G"));
  EXPECT_FALSE(IsSqlId(""));
}

TEST(SqlCatalogTest, APlanUidCarriesItsSqlIdAndServer) {
  const std::string sql_id = SqlIdOf("SELECT 1");
  const std::string uid = PlanUid(sql_id, 1'000'003);
  EXPECT_EQ(32u, uid.size());
  const auto ref = DecodePlanUid(uid);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(sql_id, ref->sql_id);
  EXPECT_EQ(1'000'003, ref->server_id);
  EXPECT_FALSE(DecodePlanUid("AAAAAAAAAAEAAAAAAAKOvgAFs1_j8s3").has_value()) << "31 characters";
  EXPECT_FALSE(DecodePlanUid("AAAAAAAAAAEAAAAAAAKOvgAFs1_j8s3!").has_value());
}

TEST(SqlCatalogTest, AStatementOutsideTheCatalogueGetsItsTypesPlan) {
  EXPECT_EQ("UPDATE", SqlTypeOf(" update t set a = 1"));
  EXPECT_EQ("UNKNOWN", SqlTypeOf("MERGE INTO t USING u ON (1 = 1)"));
  const PlanNode update = GuessPlan("update fin.accounts set a = 1 where b = 2");
  EXPECT_EQ("PHY_UPDATE", update.op);
  ASSERT_EQ(1u, update.children.size());
  EXPECT_EQ("PHY_TABLE_SCAN", update.children[0].op);
  EXPECT_EQ("ACCOUNTS", update.children[0].object);
  const PlanNode select = GuessPlan("SELECT * FROM orders WHERE note LIKE ?");
  EXPECT_EQ("PHY_TABLE_SCAN", select.op);
  EXPECT_EQ("ORDERS", select.object);
}

TEST(SqlCatalogTest, TheBundledCatalogueHasADozenStatementsOfEachModeWithDistinctIds) {
  auto profile = versions::LoadProfile(testdata::SchemasDir(), "4.2.2").value();
  auto schemas = json::SchemaSet::Load(profile.schema_dirs).value();
  const resources::ResourceSpec spec{.name = "sqlStatements",
                                     .folder = "sql-diagnostics",
                                     .schema = "sql-statement",
                                     .items = "statements"};
  auto rows = resources::LoadResources(testdata::FixturesDir(), spec, schemas,
                                       fixtures::FixtureVersion("4.2.2"), nullptr);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  for (SqlMode mode : {SqlMode::kMysql, SqlMode::kOracle}) {
    const auto catalogue = CatalogOf(rows.value(), mode);
    EXPECT_GE(catalogue.size(), 12u);
    std::set<std::string> ids;
    size_t slow = 0;
    for (const Statement& s : catalogue) {
      ids.insert(s.sql_id);
      EXPECT_FALSE(s.plan.op.empty()) << s.text;
      slow += s.elapsed_ms >= 1'000.0 / 1.5 ? 1 : 0;
      // Oracle binds are :n, MySQL's ?; each mode's text says so.
      if (mode == SqlMode::kMysql) {
        EXPECT_EQ(std::string::npos, s.text.find(":1")) << s.text;
      }
      if (mode == SqlMode::kOracle) {
        EXPECT_EQ(std::string::npos, s.text.find('?')) << s.text;
      }
    }
    EXPECT_EQ(catalogue.size(), ids.size());
    EXPECT_GE(slow, 1u) << "a statement that is always slow (maxElapsed >= 1.5 x avg >= 1 s)";
  }
}

}  // namespace
}  // namespace mock::families::sql_diagnostics
