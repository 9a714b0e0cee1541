// The slow statements tests put on tenants (POST /__mock/slowSql, docs/sql-diagnostics.md
// "Steering"):
//
//   {"clusterId": 1, "tenantId": 171, "sqlText": "SELECT * FROM t WHERE c LIKE ?",
//    "elapsedMs": 5200, "executions": 3, "minutes": 10}
//
// Each shows in topSql and slowSql on one OBServer of the tenant (serverId, else its first unit's
// server) for any asked range that meets its window (both ends included), with all its
// executions; text, topPlan and explain answer for it. Held in memory, at most kDefaultMax at
// once (a POST beyond is refused and adds nothing); POST /__mock/reset (all, or
// only=sqlStatements) and a reload forget them all. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/families/sql_diagnostics/sql_catalog.h"

namespace mock::families::sql_diagnostics {

struct SlowSql {
  int64_t id = 0;
  int64_t cluster_id = 0;
  int64_t tenant_id = 0;
  Statement statement;  // sql_id, text, type, dbName, userName and a guessed plan
  int64_t server_id = 0;
  std::string server_ip;
  int64_t server_port = 0;
  double elapsed_ms = 0;
  int64_t executions = 1;
  int64_t start_s = 0;  // the window, both ends included
  int64_t end_s = 0;
  std::string start_text;  // as GET /__mock/slowSql shows them
  std::string end_text;

  bool Meets(int64_t from_s, int64_t to_s) const { return start_s <= to_s && end_s >= from_s; }
};

class SlowSqlBook {
 public:
  static constexpr size_t kDefaultMax = 100;
  explicit SlowSqlBook(size_t max = kDefaultMax) : max_(max) {}

  // Adds `s` under the next id (from 1, again after Clear); kFailedPrecondition when full.
  StatusOr<SlowSql> Add(SlowSql s) OCPMOCK_EXCLUDES(mutex_);
  // Whether entry `id` was held (it is not any more).
  bool Remove(int64_t id) OCPMOCK_EXCLUDES(mutex_);
  // Those held, in the order added.
  std::vector<SlowSql> All() const OCPMOCK_EXCLUDES(mutex_);
  // Those of one tenant, in the order added.
  std::vector<SlowSql> Of(int64_t cluster_id, int64_t tenant_id) const OCPMOCK_EXCLUDES(mutex_);
  void Clear() OCPMOCK_EXCLUDES(mutex_);

 private:
  const size_t max_;
  mutable Mutex mutex_;
  std::vector<SlowSql> held_ OCPMOCK_GUARDED_BY(mutex_);
  int64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = 1;
};

}  // namespace mock::families::sql_diagnostics
