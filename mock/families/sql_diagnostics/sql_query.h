// What the SQL diagnostics routes read from the query (docs/sql-diagnostics.md "Parameters"):
//
//   auto q = BindSqlQuery(params, SqlList::kSlow);   // invalidParameter naming the parameter
//   q.value().Keeps(row_values)                       // searchAttr/Op/Val, filterExpression
//
// - startTime, endTime: required (doc), ISO-8601 with an offset; a bad format is
//   invalidParameter naming it; an end before the start or a range over kMaxRangeSeconds is
//   timeRangeInvalid (the monitor family's rules, docs/monitor.md).
// - serverId (a Long), inner (a Boolean, default false), sqlText (a case-insensitive keyword),
//   dbName (exact), sqlTextLength (1 to 65,536; default 100, doc: "the first 100 characters").
// - searchAttr, searchOp, searchVal (topSql, doc): all three or none; a numeric field
//   (sql_fields.h), EQ NE GT GE LT LE (any case), a number.
// - filterExpression (slowSql, client): `@field op number [and @field op number ...]`, op one of
//   > >= < <= = == !=, `and` in any case or `&&`. Anything else (or, parentheses, a text value,
//   an unknown field) is invalidParameter naming filterExpression and quoting what it refused.
// - limit (slowSql, client): 1 to 10,000; absent, every row.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/families/sql_diagnostics/sql_fields.h"
#include "mock/reply/time_range.h"

namespace mock::families::sql_diagnostics {

using api::kMaxRangeSeconds;  // mock/reply/time_range.h
inline constexpr int64_t kMaxLimit = 10'000;
inline constexpr int64_t kMaxTextLength = 65'536;

struct TimeRange {
  int64_t start_s = 0;  // epoch seconds, inclusive
  int64_t end_s = 0;    // exclusive
};

// startTime and endTime, as the header says.
StatusOr<TimeRange> BindRange(const QueryParams& params);

enum class CompareOp { kEq, kNe, kGt, kGe, kLt, kLe };

struct Condition {
  size_t field = 0;  // kSqlFields index
  CompareOp op = CompareOp::kEq;
  double value = 0;
  bool Holds(double v) const;
};

// `text` as filterExpression's subset reads it (header); invalidParameter naming
// filterExpression otherwise.
StatusOr<std::vector<Condition>> ParseFilterExpression(std::string_view text);

enum class SqlList { kTop, kSlow };

struct SqlQuery {
  TimeRange range;
  std::optional<int64_t> server_id;
  bool inner = false;
  std::string keyword;  // sqlText, upper-cased; empty: no filter
  std::optional<std::string> db_name;
  std::vector<Condition> conditions;
  std::optional<int64_t> limit;
  size_t text_length = 100;

  // Whether a row with these field values passes every condition.
  bool Keeps(const std::array<double, kSqlFieldCount>& values) const;
};

StatusOr<SqlQuery> BindSqlQuery(const QueryParams& params, SqlList list);

}  // namespace mock::families::sql_diagnostics
