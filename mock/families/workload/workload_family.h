// OCP's workload (AWR) performance reports of a cluster, as obdiag's `gather awr` and the MCP
// server call them (docs/reference/ocp-client-flows.md section 5; docs/awr-reports.md):
//  - GET  /api/v2/ob/clusters/{id}/performance/workload/snapshots: the hourly snapshots
//    (workload_snapshots.h), ascending, not paged; `snapshotId` lists those from that id on;
//  - POST .../performance/workload/reports: `name`, `startSnapshotId`, `endSnapshotId` as
//    request parameters, from the query string or a form body alike (Spring's @RequestParam);
//    starts a "Generate workload report" task on the mock clock and answers the report, CREATING;
//  - GET  .../performance/workload/reports: the cluster's reports, a page, newest first;
//  - GET  .../performance/workload/reports/{reportId}: the report as an HTML document.
//
// A report's status is its task's, read at every answer: CREATING while the task runs,
// SUCCESSFUL or FAILED when it ends; a report whose task the store does not hold (a test put
// it through /__mock/workloadReports) keeps the status its row gives. Reports are rows of the
// resource pattern ("workloadReports": /__mock/workloadReports, reset, reload); snapshots are
// not stored. A refused request (unknown cluster, missing or malformed parameter, unknown
// snapshot, end not after start) starts no task and adds no report.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/families/workload/snapshot_list.h"
#include "mock/listing/list_spec.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class WorkloadFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  // The stores, `clock` and `schemas` must outlive the family.
  WorkloadFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                 std::optional<resources::ResourceSource> source, const tasks::MockClock& clock,
                 tasks::TaskStore& tasks, const entities::EntityStore& entities);

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // workload_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  StatusOr<api::Reply> Snapshots(int64_t cluster_id, const QueryParams& params) const;
  StatusOr<api::Reply> Create(int64_t cluster_id, const http::Request& request,
                              const auth::User* user) const;
  StatusOr<api::Reply> List(int64_t cluster_id, const QueryParams& params) const;
  StatusOr<api::Reply> Download(int64_t cluster_id, int64_t report_id) const;

  // Cluster `id` as the cluster list shows it now, else OCP's recordNotFound.
  StatusOr<entities::Row> Cluster(int64_t id) const;
  // `rows` with each status as its task has it now (the class comment).
  std::vector<resources::Row> WithTaskStatus(std::vector<resources::Row> rows) const;
  // Puts `build(id)` in the task store under a free id; returns the id.
  using TaskBuilder = std::function<StatusOr<model::Task>(int64_t id)>;
  StatusOr<int64_t> StartTask(const TaskBuilder& build) const;

  listing::ListSpec list_;
  mutable workload::SnapshotList snapshot_list_;
  const tasks::MockClock& clock_;
  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
};

}  // namespace mock::families
