// The synthetic rows of the client-flow lists' benchmark (family_bench.h): each of its row
// schema's shape (checked against it), made by the family's own row maker where one is public
// (workload reports, arbitration services), with names scrambled and of mixed case so that a
// sort by name meets neither an order already made nor one case.
//
//   auto types = HostTypeRows(168, schemas);             // ids 1..168
//   auto reports = ReportRows(clusters, now_ms, schemas); // 24 per cluster, and their tasks
#pragma once

#include <cstdint>
#include <vector>

#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"
#include "mock/model/task.h"
#include "mock/resources/resource_set.h"

namespace mock::bench {

// Reports per cluster: a day of hourly reports, each over one hour's two snapshots (obdiag's
// `gather awr` asks for one at a time).
inline constexpr int64_t kReportsPerCluster = 24;

// `n` host types, ids 1..n.
StatusOr<std::vector<resources::Row>> HostTypeRows(int64_t n, const json::SchemaSet& schemas);

// `n` credentials, ids 1..n: the odd ids HOST (SSH password), the even ones OB.
StatusOr<std::vector<resources::Row>> CredentialRows(int64_t n, const json::SchemaSet& schemas);

// An arbitration service on each of `hosts` (at its innerIpAddress, port 2886), ids 1..n: every
// fourth STOPPED, the others RUNNING.
StatusOr<std::vector<resources::Row>> ArbitrationRows(const std::vector<entities::Row>& hosts,
                                                      const json::SchemaSet& schemas);

// kReportsPerCluster reports of each of `clusters`, as POST .../workload/reports makes them at
// `now_ms` (CREATING, over the last hours' snapshots), and their "Generate workload report"
// tasks, RUNNING from `now_ms` (task ids 1..n).
struct Reports {
  std::vector<resources::Row> rows;
  std::vector<model::Task> tasks;
};
StatusOr<Reports> ReportRows(const std::vector<entities::Row>& clusters, int64_t now_ms,
                             const json::SchemaSet& schemas);

}  // namespace mock::bench
