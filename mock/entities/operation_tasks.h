// The tasks OCP's asynchronous operations start, modelled on the documented task of each name
// (docs/reference/ocp-resources-api.md section 6): the same subtasks, series ids, timeouts and
// order. They run on the mock clock like any task (each subtask 5 s by default). They are built
// as model::Task values with the defaults the fixture reader gives a task that has not yet run
// (operation_tasks_test.cc proves them equal to the fixture route's), and checked by the task
// rules (model::ImpossibleState).
//
//   StatusOr<model::Task> t = CreateTenantTask(spec);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/model/task.h"

namespace mock::entities {

struct TaskSpec {
  int64_t task_id = 0;
  std::string start_time;  // the mock clock's now, as a timestamp's text
  model::Creator creator{100, "admin"};
  std::optional<model::Cluster> cluster;
  std::optional<model::Tenant> tenant;
  std::vector<int64_t> host_ids;
};

// "Create tenant": ten subtasks, Prepare create tenant first (READY), then the documented chain.
StatusOr<model::Task> CreateTenantTask(const TaskSpec& spec);
// "Prepare host": five subtasks, Pre check for create host first (READY).
StatusOr<model::Task> PrepareHostTask(const TaskSpec& spec);
// "Create primary OB cluster" (the doc sample's 23 subtasks, Prepare install cluster first) and
// "Delete primary OB cluster" (its six, Prepare delete cluster first), docs/reference/
// ocp-client-flows.md 3.2 and ocp-resources-api.md 6.5. `spec.cluster` is the cluster, and names
// the task: a STANDBY cluster's are "Create standby OB cluster" and "Delete standby OB cluster"
// (the mock's names; OCP documents only the primary's). The timeouts are the mock's: the
// samples' "tasks" shape shows none.
StatusOr<model::Task> CreateClusterTask(const TaskSpec& spec);
StatusOr<model::Task> DeleteClusterTask(const TaskSpec& spec);
// "Take over cluster": six subtasks, Takeover precheck first (READY). No OCP version documents
// the takeover's task (docs/reference/ocp-client-flows.md 4.5): the name and the subtasks are
// the mock's, after the steps OCP's user guide gives (pre-check, hosts and their agents, the
// config URL switch), docs/takeover.md.
StatusOr<model::Task> TakeOverClusterTask(const TaskSpec& spec);

}  // namespace mock::entities
