// A statement's plans (GET .../sqls/{sqlId}/topPlan) and a plan's operator tree (GET
// .../plans/{uid}/explain), derived from its rows and its catalogue plan (docs/sql-diagnostics.md
// "Plans"):
//
//   WritePlans(w, rows_of_one_statement, range);   // {"contents": [one plan per server]}
//   WriteExplain(w, statement, server_id);         // {"rootOperations": [tree]}
//
// - One plan per OBServer the statement ran on in the range: uid PlanUid(sqlId, serverId), the
//   row's executions, times and table scan; planType LOCAL; firstLoadTime the range's start;
//   planId, planHash and planSize drawn from the uid (mock: the docs give no sample).
// - The tree: the catalogue's operators, each with rows and cost: a full scan's rows 1,000 to
//   100,000 by (uid, depth), every other operator's the statement's rows (at least 1); cost is
//   rows / 10 + 1 plus the children's.
#pragma once

#include <cstdint>
#include <vector>

#include "mock/families/sql_diagnostics/sql_catalog.h"
#include "mock/families/sql_diagnostics/sql_stats.h"
#include "mock/json/json_writer.h"

namespace mock::families::sql_diagnostics {

void WritePlans(json::JsonWriter& w, const std::vector<SqlRow>& rows, const TimeRange& range);

void WriteExplain(json::JsonWriter& w, const Statement& statement, int64_t server_id);

}  // namespace mock::families::sql_diagnostics
