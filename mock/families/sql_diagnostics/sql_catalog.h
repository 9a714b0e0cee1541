// The statements a tenant runs (fixtures/sql-diagnostics/*.json, docs/sql-diagnostics.md "The
// catalogue"), and the ids OCP names them by:
//
//   SqlIdOf("select  1")  == SqlIdOf("SELECT 1");   // 32 upper-case hex digits
//   PlanUid(sql_id, 2000004) -> "AbC..." (32 characters); DecodePlanUid gives both back
//
// - A sqlId is a hash of the normalized text (mock: OCP hashes the parameterized text, which the
//   catalogue already is): whitespace runs outside quotes become one space, the ends are trimmed,
//   letters outside quotes are upper-cased. The same text gives the same id in every process.
// - A plan's uid is the base64url of the sqlId's 16 bytes and the server id's 8 (32 characters,
//   as the docs' "AAAAAAAAAAEAAAAAAAKOvgAFs1_j8s3i"): explain finds the statement from the uid
//   alone, with no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/resources/resource_set.h"

namespace mock::families::sql_diagnostics {

enum class SqlMode { kMysql, kOracle };

// One operator of a plan, as the fixture gives it (rows and cost are computed: sql_plans.h).
struct PlanNode {
  std::string op;
  std::string object;    // empty: written "NULL", as the docs' sample does
  std::string property;  // likewise
  std::vector<PlanNode> children;
};

struct Statement {
  int64_t id = 0;  // the fixture row's
  std::string sql_id;
  SqlMode mode = SqlMode::kMysql;
  std::string text;
  std::string sql_type;
  std::string db_name;
  std::string user_name;
  bool inner = false;
  bool table_scan = false;
  double weight = 1;
  double elapsed_ms = 1;
  double return_rows = 0;
  double affected_rows = 0;
  PlanNode plan;
};

// `text` normalized as the header says.
std::string NormalizeSql(std::string_view text);
// The 32 upper-case hex digits of the normalized text's hash.
std::string SqlIdOf(std::string_view text);
// Whether `s` is 32 hex digits (either case).
bool IsSqlId(std::string_view s);
// `s` upper-cased (hex digits are compared so).
std::string UpperAscii(std::string_view s);

// The statements of `mode` among the fixture rows, by id.
std::vector<Statement> CatalogOf(const std::vector<resources::Row>& rows, SqlMode mode);

// A statement's type from its first word: SELECT, INSERT, UPDATE, DELETE, REPLACE, EXPLAIN, else
// UNKNOWN (the docs' values).
std::string SqlTypeOf(std::string_view text);
// A one-operator plan for a statement the catalogue lacks (a steered one): its type's operator on
// the table its text names after FROM, INTO or UPDATE.
PlanNode GuessPlan(std::string_view text);

// The uid of `sql_id`'s plan on server `server_id` (sql_id valid: IsSqlId).
std::string PlanUid(std::string_view sql_id, int64_t server_id);
struct PlanRef {
  std::string sql_id;
  int64_t server_id = 0;
};
// What a uid names; nullopt when it is not one PlanUid makes.
std::optional<PlanRef> DecodePlanUid(std::string_view uid);

}  // namespace mock::families::sql_diagnostics
