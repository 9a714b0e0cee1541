// The requests of the SQL diagnostics rows (issue #28; checks.h), all GETs of the first listed
// tenant over the half hour before the server's now (its metric groups answer's envelope
// `timestamp`, as metric-series; monitor_probe.cc), and their rules. The facts:
// docs/reference/ocp-monitor-and-sql.md §4 (M§4); each row's provenance, and why:
// docs/live-checks.md, "The monitor, alarm, inspection and SQL rows".
//
//   top-sql   doc     GET /api/v2/ob/clusters/{cid}/tenants/{tid}/topSql?startTime=&endTime=
//   slow-sql  client  GET .../slowSql, the same range (no OCP page: the MCP server's request)
//   sql-text  doc     GET .../sqls/{the first top SQL's sqlId}/text, the same range
//
// Only shapes are judged: a live OCP's statistics are never compared with numbers.
#include <ctime>
#include <string>

#include <rapidjson/pointer.h>

#include "tools/compat/checks.h"
#include "tools/compat/judging.h"
#include "tools/compat/monitor_rules.h"
#include "tools/compat/topology_rules.h"

namespace compat {
namespace {

// The range asked: the half hour before the server's now, as metric-series asks.
constexpr int64_t kSqlRange = 1800;

// An integer at `pointer` of an answer, or nullopt.
std::optional<int64_t> SqlId(const std::optional<rapidjson::Document>& json, const char* pointer) {
  const rapidjson::Value* v = json ? rapidjson::Pointer(pointer).Get(*json) : nullptr;
  return v != nullptr && v->IsInt64() ? std::optional<int64_t>(v->GetInt64()) : std::nullopt;
}

}  // namespace

void Probe::ProbeSql() {
  const auto& tenants = exchanges_[CheckNamed("tenants")].json;
  const auto tenant = SqlId(tenants, "/data/contents/0/id");
  const auto cluster = SqlId(tenants, "/data/contents/0/clusterId");
  if (!tenant || !cluster) {
    for (const char* row : {"top-sql", "slow-sql", "sql-text"}) {
      exchanges_[CheckNamed(row)].not_applicable = "the tenant list shows no tenant";
    }
    return;
  }
  const int64_t now = ServerNow(exchanges_[CheckNamed("metric-groups")].json)
                          .value_or(static_cast<int64_t>(std::time(nullptr)));
  const std::string range =
      "startTime=" + IsoSeconds(now - kSqlRange) + "&endTime=" + IsoSeconds(now);
  const std::string base =
      "/api/v2/ob/clusters/" + std::to_string(*cluster) + "/tenants/" + std::to_string(*tenant);
  exchanges_[CheckNamed("top-sql")] = Get(base + "/topSql?" + range);
  exchanges_[CheckNamed("slow-sql")] = Get(base + "/slowSql?" + range);
  const auto& top = exchanges_[CheckNamed("top-sql")].json;
  const rapidjson::Value* sql_id =
      top ? rapidjson::Pointer("/data/contents/0/sqlId").Get(*top) : nullptr;
  if (sql_id == nullptr || !sql_id->IsString()) {
    exchanges_[CheckNamed("sql-text")].not_applicable = "the top SQL list shows no statement";
    return;
  }
  // The plural path: the zh-CN pages', the sample's and the MCP server's (M§4).
  exchanges_[CheckNamed("sql-text")] =
      Get(base + "/sqls/" + PathSegment(sql_id->GetString()) + "/text?" + range);
}

std::optional<Outcome> Probe::JudgeSql(size_t check, const Contract& c) const {
  const std::string_view row = kChecks[check].name;
  const Exchange& e = exchanges_[check];
  if (row == "top-sql") {
    return Conforms(e.request, e.response, e.json, 200, "sql-performance-list-response", c,
                    strict_);
  }
  if (row == "slow-sql") {
    if (NotServed(e.response)) {
      return NotApplicable(e.request + ": not served (HTTP " + std::to_string(e.response.status) +
                           "): no OCP page documents slowSql (only the MCP server calls it)");
    }
    return Conforms(e.request, e.response, e.json, 200, "sql-performance-list-response", c,
                    strict_);
  }
  if (row == "sql-text") {
    return Conforms(e.request, e.response, e.json, 200, "sql-text-response", c, strict_);
  }
  return std::nullopt;
}

}  // namespace compat
