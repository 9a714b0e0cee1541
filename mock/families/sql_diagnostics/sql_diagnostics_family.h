// OCP's SQL diagnostics of a tenant (docs/reference/ocp-monitor-and-sql.md §4;
// docs/sql-diagnostics.md), alike in every version from 3.1.1 to 4.2.2 but for the errors' codes.
// Under /api/v2/ob/clusters/{clusterId}/tenants/{tenantId}/:
//  - GET topSql: the tenant's statements per OBServer over [startTime, endTime] (doc);
//  - GET slowSql: those whose maxElapsedTime is at least 1 s (client: no page documents it);
//  - GET sqls/{sqlId}/text and the en page's sql/{sqlId}/text: data.fulltext (doc);
//  - GET sqls/{sqlId}/topPlan and the page's sql/{sqlId}/topPlan: the statement's plans (doc);
//  - GET plans/{planUid}/explain, also under the page's misspelt /api/v2/cluters/...: a plan's
//    operator tree (doc).
// All need the read permission on clusters (doc: "the Read-only permission on the tenant"). The
// statistics are a pure function of the seed, the catalogue, the topology and the range
// (sql_stats.h); a range's end after now on the mock clock counts up to now.
//
// Data: the catalogue is fixtures/sql-diagnostics/*.json (schemas/sql-statement-file.schema.json),
// with /__mock/sqlStatements, reset and reload from ResourceFamily. Steering (slow_sql_book.h):
// POST /__mock/slowSql (a slow-sql-request body) puts a slow statement on a tenant and answers it
// with its id; GET lists them; DELETE /__mock/slowSql/{id} removes one; POST /__mock/reset (all,
// or only=sqlStatements) and a reload forget them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/families/sql_diagnostics/slow_sql_book.h"
#include "mock/families/sql_diagnostics/sql_stats.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class SqlDiagnosticsFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  struct Options {
    uint64_t seed = 0;  // --seed: the load model's
    size_t max_slow_sql = sql_diagnostics::SlowSqlBook::kDefaultMax;
  };

  // The stores, `clock` and `schemas` must outlive the family.
  SqlDiagnosticsFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                       std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                       const entities::EntityStore& entities, const tasks::MockClock& clock,
                       Options options);

  void Reset() const override;
  StatusOr<Commit> PrepareReload(size_t& count) const override;

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // sql_diagnostics_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  // A tenant as the statistics need it: its mode and its units on servers that report, and
  // every server it has a unit on (steering may pick any).
  struct Tenant {
    int64_t cluster_id = 0;
    sql_diagnostics::SqlMode mode = sql_diagnostics::SqlMode::kMysql;
    sql_diagnostics::TenantScope scope;
    std::vector<sql_diagnostics::UnitRef> all_units;
  };
  StatusOr<Tenant> Find(int64_t cluster_id, int64_t tenant_id) const;

  StatusOr<api::Reply> Rows(int64_t cluster_id, int64_t tenant_id, const QueryParams& params,
                            sql_diagnostics::SqlList list) const;
  StatusOr<api::Reply> Text(int64_t cluster_id, int64_t tenant_id, const std::string& sql_id,
                            const QueryParams& params) const;
  StatusOr<api::Reply> TopPlan(int64_t cluster_id, int64_t tenant_id, const std::string& sql_id,
                               const QueryParams& params) const;
  StatusOr<api::Reply> Explain(int64_t cluster_id, int64_t tenant_id, const std::string& uid,
                               const QueryParams& params) const;
  StatusOr<api::Reply> AddSlowSql(const std::string& body) const;
  api::Reply ListSlowSql() const;
  StatusOr<api::Reply> RemoveSlowSql(int64_t id) const;

  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  Options options_;
  entities::TopologyCache cache_;
  mutable sql_diagnostics::SlowSqlBook book_;
};

}  // namespace mock::families
