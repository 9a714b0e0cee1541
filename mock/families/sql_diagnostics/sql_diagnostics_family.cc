#include "mock/families/sql_diagnostics/sql_diagnostics_family.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/families/sql_diagnostics/sql_plans.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using entities::Kind;
using sql_diagnostics::SlowSql;
using sql_diagnostics::SqlList;
using sql_diagnostics::SqlRow;
using sql_diagnostics::Statement;
using sql_diagnostics::TimeRange;

constexpr char kTenantPath[] = "/api/v2/ob/clusters/{clusterId}/tenants/{tenantId}";
// The explain page's request path, misspelt (doc); its sample request says /ob/clusters.
constexpr char kMisspeltTenantPath[] = "/api/v2/cluters/{clusterId}/tenants/{tenantId}";
constexpr char kSlowSqlPath[] = "/__mock/slowSql";

// What one answer is computed from, owned together: the rows point into the other two.
struct SqlData {
  std::vector<Statement> catalogue;
  std::vector<SlowSql> steered;
  std::vector<SqlRow> rows;
  TimeRange range;

  const Statement* Find(const std::string& sql_id) const {
    for (const Statement& s : catalogue) {
      if (s.sql_id == sql_id) return &s;
    }
    for (const SlowSql& s : steered) {
      if (s.statement.sql_id == sql_id) return &s.statement;
    }
    return nullptr;
  }
};

// `range` up to now: no statement has run after it.
TimeRange UpToNow(TimeRange range, int64_t now_s) {
  range.end_s = std::min(range.end_s, now_s);
  range.start_s = std::min(range.start_s, range.end_s);
  return range;
}

bool Reports(const entities::Server& s) { return s.status == "RUNNING" || s.status == "OPERATING"; }

Status SqlNotFound(const std::string& sql_id) {
  return ocp::OcpError(
      ocp::ErrorKind::kRecordNotFound,
      "Tenant has no SQL statement " + sql_id + "; GET .../topSql lists those it ran.",
      {"SQL", "sqlId=" + sql_id});
}

// `text` as the path gave it, if it is a sqlId; upper-cased.
StatusOr<std::string> SqlIdParam(const std::string& text) {
  if (!sql_diagnostics::IsSqlId(text)) {
    return ocp::InvalidParameter(
        "sqlId", "sqlId: '" + Excerpt(text) + "' is not an SQL id (32 hex digits).");
  }
  return sql_diagnostics::UpperAscii(text);
}

}  // namespace

const resources::ResourceSpec SqlDiagnosticsFamily::kSpec{.name = "sqlStatements",
                                                          .folder = "sql-diagnostics",
                                                          .schema = "sql-statement",
                                                          .items = "statements"};

SqlDiagnosticsFamily::SqlDiagnosticsFamily(std::vector<resources::Row> rows,
                                           const json::SchemaSet* schemas,
                                           std::optional<resources::ResourceSource> source,
                                           tasks::TaskStore& tasks,
                                           const entities::EntityStore& entities,
                                           const tasks::MockClock& clock, Options options)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      tasks_(tasks),
      entities_(entities),
      clock_(clock),
      options_(options),
      book_(options.max_slow_sql) {}

std::vector<api::Route> SqlDiagnosticsFamily::OcpRoutes() const {
  const std::string t = kTenantPath;
  const std::string m = kMisspeltTenantPath;
  const std::string s = kSlowSqlPath;
  auto rows = [this](SqlList list) {
    return [this, list](const Call& c) { return Rows(c.ids[0], c.ids[1], c.request.query, list); };
  };
  auto text = [this](const Call& c) {
    return Text(c.ids[0], c.ids[1], c.texts[0], c.request.query);
  };
  auto plan = [this](const Call& c) {
    return TopPlan(c.ids[0], c.ids[1], c.texts[0], c.request.query);
  };
  auto explain = [this](const Call& c) {
    return Explain(c.ids[0], c.ids[1], c.texts[0], c.request.query);
  };
  return {
      {"GET", t + "/topSql", Access::kClusterViewer, rows(SqlList::kTop)},
      {"GET", t + "/slowSql", Access::kClusterViewer, rows(SqlList::kSlow)},
      {"GET", t + "/sqls/{sqlId}/text", Access::kClusterViewer, text},
      {"GET", t + "/sql/{sqlId}/text", Access::kClusterViewer, text},
      {"GET", t + "/sqls/{sqlId}/topPlan", Access::kClusterViewer, plan},
      {"GET", t + "/sql/{sqlId}/topPlan", Access::kClusterViewer, plan},
      {"GET", t + "/plans/{planUid}/explain", Access::kClusterViewer, explain},
      {"GET", m + "/plans/{planUid}/explain", Access::kClusterViewer, explain},
      {"POST", s, Access::kControl, [this](const Call& c) { return AddSlowSql(c.request.body); }},
      {"GET", s, Access::kControl,
       [this](const Call&) -> StatusOr<api::Reply> { return ListSlowSql(); }},
      {"DELETE", s + "/{id}", Access::kControl,
       [this](const Call& c) { return RemoveSlowSql(c.ids[0]); }}};
}

void SqlDiagnosticsFamily::Reset() const {
  ResourceFamily::Reset();
  book_.Clear();
}

StatusOr<api::Family::Commit> SqlDiagnosticsFamily::PrepareReload(size_t& count) const {
  auto commit = ResourceFamily::PrepareReload(count);
  if (!commit.ok() || !commit.value()) return commit;
  return Commit{[this, swap = std::move(commit).value()] {
    swap();
    book_.Clear();
  }};
}

StatusOr<SqlDiagnosticsFamily::Tenant> SqlDiagnosticsFamily::Find(int64_t cluster_id,
                                                                  int64_t tenant_id) const {
  // The statuses of the tasks pending entities wait on, read before the entity store's lock is
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities_, tasks_);
  if (!entities_.Get(Kind::kCluster, cluster_id, snapshot)) {
    return ocp::OcpError(
        ocp::ErrorKind::kClusterNotFound,
        "Path id=" + std::to_string(cluster_id) + ": GET /api/v2/ob/clusters lists them.",
        {std::to_string(cluster_id)});
  }
  auto tenant = entities_.Get(Kind::kTenant, tenant_id, snapshot);
  if (!tenant || entities::Int(*tenant->doc, "clusterId") != cluster_id) {
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "Cluster " + std::to_string(cluster_id) + " has no tenant " +
                             std::to_string(tenant_id) + "; GET /api/v2/ob/clusters/" +
                             std::to_string(cluster_id) + "/tenants lists its tenants.",
                         {"OB_TENANT", "id=" + std::to_string(tenant_id)});
  }
  Tenant t;
  t.cluster_id = cluster_id;
  t.mode = entities::Str(*tenant->doc, "mode") == "ORACLE" ? sql_diagnostics::SqlMode::kOracle
                                                           : sql_diagnostics::SqlMode::kMysql;
  t.scope = {.seed = options_.seed, .tenant_id = tenant_id, .units = {}};
  const auto topology = cache_.Get(entities_, snapshot);
  const entities::ClusterTopology* c = topology->Of(cluster_id);
  if (c == nullptr) return t;
  int64_t units = 0;
  for (const entities::Unit& u : c->units) units += u.tenant_id == tenant_id ? 1 : 0;
  for (const entities::Unit& u : c->units) {
    if (u.tenant_id != tenant_id) continue;
    const entities::Server& s = c->servers[u.server];
    sql_diagnostics::UnitRef ref{
        {.tenant_id = tenant_id, .server_id = s.id, .units = units, .max_cpu = u.config.max_cpu},
        s.ip,
        s.port};
    t.all_units.push_back(ref);
    if (Reports(s)) t.scope.units.push_back(std::move(ref));
  }
  return t;
}

StatusOr<api::Reply> SqlDiagnosticsFamily::Rows(int64_t cluster_id, int64_t tenant_id,
                                                const QueryParams& params, SqlList list) const {
  auto query = sql_diagnostics::BindSqlQuery(params, list);
  if (!query.ok()) return query.status();
  auto tenant = Find(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  auto data = std::make_shared<SqlData>();
  data->catalogue = sql_diagnostics::CatalogOf(store().Rows(), tenant.value().mode);
  data->steered = book_.Of(cluster_id, tenant_id);
  data->range = UpToNow(query.value().range, clock_.NowMs() / 1000);
  data->rows =
      sql_diagnostics::Select(sql_diagnostics::ComputeRows(tenant.value().scope, data->catalogue,
                                                           data->range, data->steered),
                              query.value(), list);
  return api::Reply{[data, length = query.value().text_length](json::JsonWriter& w) {
    sql_diagnostics::WriteSqlRows(w, data->rows, length);
  }};
}

StatusOr<api::Reply> SqlDiagnosticsFamily::Text(int64_t cluster_id, int64_t tenant_id,
                                                const std::string& sql_id,
                                                const QueryParams& params) const {
  auto id = SqlIdParam(sql_id);
  if (!id.ok()) return id.status();
  auto query = sql_diagnostics::BindSqlQuery(params, SqlList::kTop);
  if (!query.ok()) return query.status();
  auto tenant = Find(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  SqlData data;
  data.catalogue = sql_diagnostics::CatalogOf(store().Rows(), tenant.value().mode);
  data.steered = book_.Of(cluster_id, tenant_id);
  const Statement* s = data.Find(id.value());
  if (s == nullptr || (query.value().db_name && s->db_name != *query.value().db_name)) {
    return SqlNotFound(id.value());
  }
  return api::Reply{[text = s->text](json::JsonWriter& w) {
    w.StartObject();
    w.Field("fulltext", text);
    w.EndObject();
  }};
}

StatusOr<api::Reply> SqlDiagnosticsFamily::TopPlan(int64_t cluster_id, int64_t tenant_id,
                                                   const std::string& sql_id,
                                                   const QueryParams& params) const {
  auto id = SqlIdParam(sql_id);
  if (!id.ok()) return id.status();
  auto query = sql_diagnostics::BindSqlQuery(params, SqlList::kTop);
  if (!query.ok()) return query.status();
  auto tenant = Find(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  auto data = std::make_shared<SqlData>();
  data->catalogue = sql_diagnostics::CatalogOf(store().Rows(), tenant.value().mode);
  data->steered = book_.Of(cluster_id, tenant_id);
  if (data->Find(id.value()) == nullptr) return SqlNotFound(id.value());
  data->range = UpToNow(query.value().range, clock_.NowMs() / 1000);
  data->rows = sql_diagnostics::ComputeRows(tenant.value().scope, data->catalogue, data->range,
                                            data->steered);
  std::erase_if(data->rows, [&](const SqlRow& r) {
    return r.statement->sql_id != id.value() ||
           (query.value().server_id && r.server_id != *query.value().server_id);
  });
  std::sort(data->rows.begin(), data->rows.end(),
            [](const SqlRow& a, const SqlRow& b) { return a.server_id < b.server_id; });
  return api::Reply{
      [data](json::JsonWriter& w) { sql_diagnostics::WritePlans(w, data->rows, data->range); }};
}

StatusOr<api::Reply> SqlDiagnosticsFamily::Explain(int64_t cluster_id, int64_t tenant_id,
                                                   const std::string& uid,
                                                   const QueryParams& params) const {
  auto range = sql_diagnostics::BindRange(params);
  if (!range.ok()) return range.status();
  auto tenant = Find(cluster_id, tenant_id);
  if (!tenant.ok()) return tenant.status();
  const auto ref = sql_diagnostics::DecodePlanUid(uid);
  SqlData data;
  data.catalogue = sql_diagnostics::CatalogOf(store().Rows(), tenant.value().mode);
  data.steered = book_.Of(cluster_id, tenant_id);
  const Statement* s = ref ? data.Find(ref->sql_id) : nullptr;
  if (s == nullptr) {
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "Tenant has no plan " + Excerpt(uid) +
                             "; GET .../sqls/{sqlId}/topPlan gives its plans' uids.",
                         {"PLAN", "uid=" + Excerpt(uid)});
  }
  return api::Reply{[statement = *s, server = ref->server_id](json::JsonWriter& w) {
    sql_diagnostics::WriteExplain(w, statement, server);
  }};
}

}  // namespace mock::families
