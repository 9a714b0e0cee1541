// A tenant's SQL performance rows over a time range (GET .../topSql and .../slowSql), a pure
// function of the seed, the tenant's units, the catalogue, the steered statements and the range
// (docs/sql-diagnostics.md "The statistics"):
//
//   auto rows = ComputeRows(scope, catalogue, range, steered);   // every statement x unit
//   rows = Select(std::move(rows), query, SqlList::kSlow);        // filtered, ordered, cut
//   WriteSqlRows(w, rows, query.text_length);                     // {"contents": [...]}
//
// - Executions: unit u runs E_u = sum over k of qps_u(start + 60k) x min(60, end - start - 60k)
//   statements over [start, end) (load_model.h's UnitLoadAt: the tenant's QPS integrated in
//   one-minute steps from startTime), rounded to the nearest integer; that integer is split over
//   the catalogue's statements by weight x a draw in [0.5, 1.5) per (seed, tenant, sqlId), the
//   remainders by the largest-remainder rule, so that a unit's rows sum to exactly
//   round(E_u). A statement with no executions on a unit has no row there.
// - Times (ms, 2 decimals): avgElapsedTime the statement's elapsedMs x [0.75, 1.25); maxElapsed
//   x [1.5, 7.5); CPU a share of [0.4, 0.9) of each; the rest split into the wait fields. Each
//   draw is per (seed, tenant, sqlId, server).
// - Steered statements (slow_sql_book.h) add their executions, average and maximum to the row of
//   their sqlId and server, or make one.
// - slowSql keeps the rows whose maxElapsedTime is at least kSlowMs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "mock/families/monitor/load_model.h"
#include "mock/families/sql_diagnostics/slow_sql_book.h"
#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/families/sql_diagnostics/sql_fields.h"
#include "mock/families/sql_diagnostics/sql_query.h"
#include "mock/json/json_writer.h"

namespace mock::families::sql_diagnostics {

// OceanBase's default trace_log_slow_query_watermark (1 s): a statement over it is slow.
inline constexpr double kSlowMs = 1'000.0;

// One unit of the tenant, on a server that reports (the monitor family's rule).
struct UnitRef {
  monitor::UnitInput input;
  std::string ip;
  int64_t port = 0;  // RPC, as the docs' sample's "xxx.xxx.xxx.2:2882"
};

struct TenantScope {
  uint64_t seed = 0;
  int64_t tenant_id = 0;
  std::vector<UnitRef> units;
};

struct SqlRow {
  const Statement* statement = nullptr;  // into the catalogue or a steered entry: outlives the row
  int64_t server_id = 0;
  std::string ip;
  int64_t port = 0;
  std::array<double, kSqlFieldCount> v{};
  std::string wait_event = "none";
};

// E_u of the header, before rounding.
double UnitExecutions(uint64_t seed, const monitor::UnitInput& unit, const TimeRange& range);

// Every statement's row on every unit over `range` (its end no later than now), the steered ones
// that meet it included. `catalogue` and `steered` must outlive the rows.
std::vector<SqlRow> ComputeRows(const TenantScope& scope, const std::vector<Statement>& catalogue,
                                const TimeRange& range, const std::vector<SlowSql>& steered);

// The rows `q` keeps (serverId, inner, sqlText, dbName, the conditions; slowSql: kSlowMs), topSql
// by total elapsed time (avg x executions) descending, slowSql by maxElapsedTime descending, then
// sqlId and server id ascending; slowSql cut at `limit`.
std::vector<SqlRow> Select(std::vector<SqlRow> rows, const SqlQuery& q, SqlList list);

// `{"contents": [...]}`, each row's sqlTextShort its first `text_length` characters.
void WriteSqlRows(json::JsonWriter& w, const std::vector<SqlRow>& rows, size_t text_length);

// `text`'s first `n` characters (UTF-8 code points).
std::string ShortText(const std::string& text, size_t n);

}  // namespace mock::families::sql_diagnostics
