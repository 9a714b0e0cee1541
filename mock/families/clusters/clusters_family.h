// Creating and deleting OceanBase clusters (docs/reference/ocp-client-flows.md 3.2,
// ocp-resources-api.md 6.5), documented alike in every version from 3.1.1 to 4.2.2, as the
// terraform provider for private OCP uses them:
//  - POST /api/v2/ob/clusters: the body checked (create-ob-cluster-request: a missing or
//    wrong-typed field is invalidParameter naming it; a server naming no host, named twice,
//    OFFLINE or serving a cluster already is invalidParameter naming it; a name held is
//    kClusterExists), then the "Create primary OB cluster" task (23 subtasks on the mock clock).
//    The cluster, with its zones and servers, is in the entity store from then on, tied to the
//    task, and shows in GET /api/v2/ob/clusters[/{id}] only once the task is SUCCESSFUL; its
//    hosts list it among their services from then on (EntityStore::Amend).
//  - DELETE /api/v2/ob/clusters/{id}: an id not shown is kClusterNotFound; a cluster whose
//    deletion runs is badRequest; otherwise the "Delete primary OB cluster" task (six subtasks).
//    The cluster shows DELETING while it runs and goes, with its tenants, once it is SUCCESSFUL;
//    its hosts no longer list it then.
// Both answer the TaskInstance in the samples' "tasks" shape (cluster_task_json.h). Creating
// needs CLUSTER_MANAGER, deleting too (docs/reference/ocp-default-roles.md). A refusal changes
// nothing. The state is the entity store's: a reset or a reload (its `tasks` part) forgets every
// creation and deletion. --quirks client-ids adds `clusterId` to the creation's answer, and
// --quirks zone-rpm-name takes the zones' rpmName in place of the top-level one.
// docs/terraform.md gives every choice where the docs are silent.
#pragma once

#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/json/schema_set.h"
#include "mock/quirks/quirks.h"
#include "mock/reply/family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_starter.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class ClustersFamily : public api::Family {
 public:
  // Everything given must outlive the family.
  ClustersFamily(tasks::TaskStore& tasks, entities::EntityStore& entities,
                 const tasks::MockClock& clock, const json::SchemaSet* schemas,
                 api::Quirks quirks = {})
      : tasks_(tasks), entities_(entities), clock_(clock), schemas_(schemas), quirks_(quirks) {}

  std::string_view Name() const override { return "clusters"; }
  std::vector<api::Route> Routes() const override;
  // clusters_operations.cc
  std::vector<api::Operation> Operations() const override;

 private:
  StatusOr<api::Reply> Create(const std::string& body, const auth::User* user) const;
  StatusOr<api::Reply> Delete(int64_t id, const auth::User* user) const;
  // Puts the task `build(id)` makes in the task store (tasks::StartTask).
  StatusOr<int64_t> StartTask(const tasks::TaskBuilder& build) const;
  // The statuses now of the tasks pending and leaving entities wait on (one store at a time).
  entities::TaskStatuses Statuses() const;

  tasks::TaskStore& tasks_;
  entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  const json::SchemaSet* schemas_;
  api::Quirks quirks_;
};

}  // namespace mock::families
