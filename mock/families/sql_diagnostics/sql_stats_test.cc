// The statistics' relation to the load model (sql_stats.h): a unit's executions are the tenant's
// QPS integrated over the range in one-minute steps, split over the statements without losing
// one; times are deterministic; slowSql keeps what is over 1 s.
#include "mock/families/sql_diagnostics/sql_stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace mock::families::sql_diagnostics {
namespace {

// 2036-12-05T11:00:00Z.
constexpr int64_t kEleven = 2'112'087'600;

std::vector<Statement> TwoStatements() {
  Statement fast;
  fast.id = 1;
  fast.text = "SELECT 1";
  fast.sql_id = SqlIdOf(fast.text);
  fast.sql_type = "SELECT";
  fast.db_name = "d";
  fast.user_name = "u";
  fast.weight = 10;
  fast.elapsed_ms = 0.2;
  Statement slow = fast;
  slow.id = 2;
  slow.text = "SELECT * FROM big";
  slow.sql_id = SqlIdOf(slow.text);
  slow.weight = 0.5;
  slow.elapsed_ms = 900;
  fast.plan = slow.plan = {"PHY_EXPR_VALUES", "", "", {}};
  return {fast, slow};
}

TenantScope TwoUnits() {
  TenantScope s{.seed = 7, .tenant_id = 171, .units = {}};
  for (int64_t server : {1'000'001, 1'000'002}) {
    s.units.push_back({{.tenant_id = 171, .server_id = server, .units = 2, .max_cpu = 4},
                       "10.0.0." + std::to_string(server % 10),
                       2882});
  }
  return s;
}

TEST(SqlStatsTest, AUnitsExecutionsAreItsQpsIntegratedByTheMinute) {
  const TenantScope s = TwoUnits();
  const TimeRange range{kEleven, kEleven + 3'600 + 25};  // the last step is 25 s wide
  for (const UnitRef& u : s.units) {
    double expected = 0;
    for (int64_t minute = 0; minute <= 60; ++minute) {
      const int64_t t = kEleven + 60 * minute;
      const double width = minute == 60 ? 25.0 : 60.0;
      expected +=
          monitor::PeakQps(7, 171) / 2 * monitor::LoadFactor(7, 171, u.input.server_id, t) * width;
    }
    EXPECT_NEAR(expected, UnitExecutions(7, u.input, range), 1e-6 * expected);
  }
}

TEST(SqlStatsTest, EachUnitsRowsSumToItsRoundedExecutionsExactly) {
  const TenantScope s = TwoUnits();
  const std::vector<Statement> catalogue = TwoStatements();
  const TimeRange range{kEleven, kEleven + 1'800};
  std::map<int64_t, int64_t> per_server;
  for (const SqlRow& r : ComputeRows(s, catalogue, range, {})) {
    per_server[r.server_id] += static_cast<int64_t>(r.v[kExecutions]);
    EXPECT_GE(r.v[kMaxElapsedTime], r.v[kAvgElapsedTime]);
    EXPECT_LE(r.v[kAvgCpuTime], r.v[kAvgElapsedTime]);
    EXPECT_NEAR(r.v[kExecutions] / 1'800, r.v[kExecPs], 0.006);
  }
  ASSERT_EQ(2u, per_server.size());
  for (const UnitRef& u : s.units) {
    EXPECT_EQ(std::llround(UnitExecutions(7, u.input, range)), per_server[u.input.server_id]);
  }
}

TEST(SqlStatsTest, TheSameArgumentsGiveTheSameRowsAndAnotherSeedOthers) {
  const std::vector<Statement> catalogue = TwoStatements();
  const TimeRange range{kEleven, kEleven + 600};
  TenantScope s = TwoUnits();
  const auto a = ComputeRows(s, catalogue, range, {});
  const auto b = ComputeRows(s, catalogue, range, {});
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].v, b[i].v);
  s.seed = 8;
  EXPECT_NE(a[0].v, ComputeRows(s, catalogue, range, {})[0].v);
}

TEST(SqlStatsTest, SlowSqlKeepsRowsOverOneSecondSlowestFirst) {
  const std::vector<Statement> catalogue = TwoStatements();
  SqlQuery q;
  q.range = {kEleven, kEleven + 3'600};
  const auto rows = Select(ComputeRows(TwoUnits(), catalogue, q.range, {}), q, SqlList::kSlow);
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_GE(rows[i].v[kMaxElapsedTime], kSlowMs);
    EXPECT_EQ("SELECT * FROM big", rows[i].statement->text);
    if (i > 0) {
      EXPECT_GE(rows[i - 1].v[kMaxElapsedTime], rows[i].v[kMaxElapsedTime]);
    }
  }
  EXPECT_FALSE(rows.empty()) << "900 ms x at least 0.75 x 1.5 is over 1 s";
}

TEST(SqlStatsTest, ASteeredStatementAddsToItsRowOrMakesOne) {
  const std::vector<Statement> catalogue = TwoStatements();
  const TimeRange range{kEleven, kEleven + 600};
  SlowSql steered{.id = 1,
                  .cluster_id = 1,
                  .tenant_id = 171,
                  .statement = catalogue[1],
                  .server_id = 1'000'001,
                  .server_ip = "10.0.0.1",
                  .server_port = 2882,
                  .elapsed_ms = 60'000,
                  .executions = 3,
                  .start_s = kEleven + 599,
                  .end_s = kEleven + 900,
                  .start_text = "",
                  .end_text = ""};
  const auto before = ComputeRows(TwoUnits(), catalogue, range, {});
  const auto after = ComputeRows(TwoUnits(), catalogue, range, {steered});
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < after.size(); ++i) {
    const bool its = after[i].statement->sql_id == steered.statement.sql_id &&
                     after[i].server_id == steered.server_id;
    EXPECT_EQ(before[i].v[kExecutions] + (its ? 3 : 0), after[i].v[kExecutions]);
    if (its) {
      EXPECT_EQ(60'000, after[i].v[kMaxElapsedTime]);
    }
  }
  steered.statement.text = "SELECT SLEEP(60)";
  steered.statement.sql_id = SqlIdOf(steered.statement.text);
  EXPECT_EQ(before.size() + 1, ComputeRows(TwoUnits(), catalogue, range, {steered}).size());
  steered.start_s = kEleven + 601;
  EXPECT_EQ(before.size(), ComputeRows(TwoUnits(), catalogue, range, {steered}).size())
      << "a window after the range does not meet it";
}

}  // namespace
}  // namespace mock::families::sql_diagnostics
