// What each of the SQL diagnostics family's routes is (reply/operation.h), for the OpenAPI
// documents; the /__mock/sqlStatements ones are ResourceFamily's. The facts:
// docs/reference/ocp-monitor-and-sql.md §4 (alike in 3.1.1 to 4.2.2); the choices:
// docs/sql-diagnostics.md.
#include "mock/families/sql_diagnostics/sql_diagnostics_family.h"
#include "mock/reply/sample_files.h"

namespace mock::families {

using api::Operation;
using api::Param;
using api::Provenance;
using ocp::ErrorKind;

namespace {

constexpr char kSqlTenant[] = "/api/v2/ob/clusters/{clusterId}/tenants/{tenantId}";

const std::vector<ErrorKind> kSqlErrors = {ErrorKind::kInvalidParameter,
                                           ErrorKind::kTimeRangeInvalid,
                                           ErrorKind::kClusterNotFound, ErrorKind::kRecordNotFound};

std::vector<Param> RangeParams() {
  const std::string time = "ISO-8601 with an offset, as 2020-02-16T05:32:16+08:00 (doc). ";
  return {{.name = "startTime",
           .required = true,
           .format = "date-time",
           .description = time + "At most 31 days before endTime, else timeRangeInvalid (mock)."},
          {.name = "endTime",
           .required = true,
           .format = "date-time",
           .description = time + "Not before startTime (timeRangeInvalid); statements count up "
                                 "to now on the mock clock (mock)."}};
}

Param ServerIdParam() {
  return {.name = "serverId",
          .type = "integer",
          .format = "int64",
          .description = "Only this OBServer's rows; absent, every OBServer's (doc)."};
}

std::vector<Param> ListParams(sql_diagnostics::SqlList list) {
  std::vector<Param> p = RangeParams();
  const Provenance source =
      list == sql_diagnostics::SqlList::kTop ? Provenance::kDoc : Provenance::kClient;
  p.push_back(ServerIdParam());
  p.back().provenance = source;
  p.push_back({.name = "inner",
               .type = "boolean",
               .default_value = "false",
               .description = "Whether OceanBase's internal statements are included (doc).",
               .provenance = source});
  p.push_back({.name = "sqlText",
               .description = "A keyword of the statement's text, in any case (doc).",
               .provenance = source});
  p.push_back({.name = "dbName",
               .description = "Only statements run in this database (mock).",
               .provenance = Provenance::kMock});
  p.push_back({.name = "sqlTextLength",
               .type = "integer",
               .default_value = "100",
               .minimum = 1,
               .maximum = sql_diagnostics::kMaxTextLength,
               .description = "sqlTextShort's length in characters (client; the default is the "
                              "docs' 100).",
               .provenance = Provenance::kClient});
  if (list == sql_diagnostics::SqlList::kTop) {
    p.push_back({.name = "searchAttr",
                 .description = "A numeric field of the answer (executions, avgElapsedTime, "
                                "...); with searchOp and searchVal (doc)."});
    p.push_back({.name = "searchOp",
                 .allowed = {"EQ", "NE", "GT", "GE", "LT", "LE"},
                 .description = "The comparison (doc); any case (mock)."});
    p.push_back({.name = "searchVal", .description = "A number (doc)."});
    return p;
  }
  p.push_back({.name = "filterExpression",
               .description = "`@field op number [and ...]`, op one of > >= < <= = == != (mock: "
                              "the subset of the MCP server's `@` expressions served; anything "
                              "else is invalidParameter naming it).",
               .provenance = Provenance::kClient});
  p.push_back({.name = "limit",
               .type = "integer",
               .minimum = 1,
               .maximum = sql_diagnostics::kMaxLimit,
               .description = "The most rows, the slowest first (client); absent, all.",
               .provenance = Provenance::kClient});
  return p;
}

Operation TextOperation(const std::string& pattern, const std::string& id) {
  std::vector<Param> p = RangeParams();
  p.push_back({.name = "dbName",
               .description = "Only a statement run in this database (client: the MCP server "
                              "sends it).",
               .provenance = Provenance::kClient});
  return {.method = "GET",
          .pattern = pattern,
          .id = id,
          .summary = "Query SQL text: a statement's full text",
          .description =
              "The en page's path says /sql/, the zh-CN page and the clients /sqls/: "
              "both are served (doc, client). A sqlId that is not 32 hex digits is "
              "invalidParameter; one the tenant never ran recordNotFound (mock).",
          .params = p,
          .answer = {.schema = "sql-text-response"},
          .errors = kSqlErrors,
          .samples = api::SampleFiles("query-sql-text")};
}

Operation TopPlanOperation(const std::string& pattern, const std::string& id) {
  std::vector<Param> p = RangeParams();
  p.push_back(ServerIdParam());
  return {.method = "GET",
          .pattern = pattern,
          .id = id,
          .summary = "Query the performance of a statement's execution plans",
          .description =
              "One plan per OBServer the statement ran on in the range, its uid the "
              "one explain takes (mock). The page's path says /sql/, its sample "
              "/sqls/: both are served (doc). The page gives no sample answer.",
          .params = p,
          .answer = {.schema = "sql-plan-list-response"},
          .errors = kSqlErrors};
}

Operation ExplainOperation(const std::string& pattern, const std::string& id) {
  return {.method = "GET",
          .pattern = pattern,
          .id = id,
          .summary = "Query the operator structure of an execution plan",
          .description =
              "The page's path is /api/v2/cluters/... (sic), its sample request "
              "/api/v2/ob/clusters/...: both are served (doc). A uid the mock did not "
              "give is recordNotFound (mock).",
          .params = RangeParams(),
          .answer = {.schema = "plan-explain-response"},
          .errors = kSqlErrors,
          .samples = api::SampleFiles("query-plan-explain")};
}

}  // namespace

std::vector<Operation> SqlDiagnosticsFamily::OcpOperations() const {
  const std::string t = kSqlTenant;
  return {
      {.method = "GET",
       .pattern = t + "/topSql",
       .id = "listTenantTopSql",
       .summary = "Query performance indicators of SQL statements: a tenant's statements per "
                  "OBServer",
       .description = "Deterministic statistics from the seed, the catalogue and the load model "
                      "(docs/sql-diagnostics.md): a unit's executions are the tenant's QPS "
                      "integrated over the range. Ordered by total elapsed time (mock).",
       .params = ListParams(sql_diagnostics::SqlList::kTop),
       .answer = {.schema = "sql-performance-list-response"},
       .errors = kSqlErrors,
       .samples = api::SampleFiles("query-top-sql")},
      {.method = "GET",
       .pattern = t + "/slowSql",
       .id = "listTenantSlowSql",
       .summary = "Query slow SQL statements: those whose maxElapsedTime is at least 1 s",
       .description = "No OCP page documents it; the MCP server calls it with these parameters "
                      "(client). The rows are topSql's; slow means at least OceanBase's default "
                      "trace_log_slow_query_watermark, 1 s (mock). Slowest first.",
       .provenance = Provenance::kClient,
       .params = ListParams(sql_diagnostics::SqlList::kSlow),
       .answer = {.schema = "sql-performance-list-response"},
       .errors = kSqlErrors},
      TextOperation(t + "/sqls/{sqlId}/text", "getSqlText"),
      TextOperation(t + "/sql/{sqlId}/text", "getSqlTextSingular"),
      TopPlanOperation(t + "/sqls/{sqlId}/topPlan", "listSqlTopPlans"),
      TopPlanOperation(t + "/sql/{sqlId}/topPlan", "listSqlTopPlansSingular"),
      ExplainOperation(t + "/plans/{planUid}/explain", "explainPlan"),
      ExplainOperation("/api/v2/cluters/{clusterId}/tenants/{tenantId}/plans/{planUid}/explain",
                       "explainPlanMisspelt"),
      {.method = "POST",
       .pattern = "/__mock/slowSql",
       .id = "mockAddSlowSql",
       .summary = "Puts a slow statement on a tenant over a window",
       .description = "At most 100 between resets (mock). Undone by DELETE, POST /__mock/reset "
                      "and a reload.",
       .provenance = Provenance::kMock,
       .body = api::Body{.schema = "slow-sql-request"},
       .answer = {.description = "`data`: the statement with its id, sqlId and planUid"},
       .errors = {ErrorKind::kBadRequest, ErrorKind::kInvalidParameter}},
      {.method = "GET",
       .pattern = "/__mock/slowSql",
       .id = "mockListSlowSql",
       .summary = "The slow statements held, in the order added",
       .provenance = Provenance::kMock,
       .answer = {.description = "`data`: an array of slow statements"}},
      {.method = "DELETE",
       .pattern = "/__mock/slowSql/{id}",
       .id = "mockRemoveSlowSql",
       .summary = "Removes one slow statement",
       .provenance = Provenance::kMock,
       .answer = {.schema = "no-data-response"},
       .errors = {ErrorKind::kNotFound}},
  };
}

}  // namespace mock::families
