// OCP's operations on tenants and hosts (docs/reference/ocp-resources-api.md section 6): the
// asynchronous create-tenant and add-hosts, which start a task and tie the new entity to it
// (entity_store.h), and the synchronous create, delete, lock and unlock tenant, which change
// the entities at once and start no task. A refused request changes nothing.
//
// Bodies are checked against their documented schema (create-tenant-request,
// batch-create-hosts-request): a violation is invalidParameter naming the field
// ("zones[0].resourcePool.unitCount"). Rules from OCP's docs: a tenant's name is unique in its
// cluster (nameExists), as a host's IP is among hosts; only a primary cluster's tenants may be
// deleted or locked; the sys tenant is never locked or deleted; a tenant still being created
// takes no operation. docs/entities.md lists every decision where the docs are silent.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include <rapidjson/document.h>

#include "mock/families/entities/entity_handlers.h"
#include "mock/json/schema_set.h"
#include "mock/quirks/quirks.h"
#include "mock/tasks/clock.h"

namespace mock::api {

class EntityOperations {
 public:
  // `schemas` (the version's) checks bodies and builds tasks; nullptr refuses every operation.
  // `quirks`: client-ids adds `id` (the first host's task) and `hostIds` to batchCreate's answer.
  EntityOperations(EntityContext context, const tasks::MockClock& clock,
                   const json::SchemaSet* schemas, api::Quirks quirks = {})
      : c_(std::move(context)), clock_(clock), schemas_(schemas), quirks_(quirks) {}

  // POST /api/v2/ob/clusters/{id}/tenants/createTenant: the "Create tenant" task.
  // `user` (nullptr without authentication: admin) is the task's creator.
  StatusOr<Reply> CreateTenant(int64_t cluster_id, const std::string& body,
                               const auth::User* user = nullptr) const;
  // POST /api/v2/ob/clusters/{id}/tenants: the tenant, CREATING in the answer, NORMAL after.
  StatusOr<Reply> CreateTenantNow(int64_t cluster_id, const std::string& body,
                                  const auth::User* user = nullptr) const;
  // DELETE /api/v2/ob/clusters/{id}/tenants/{tenantId}, POST .../lock, POST .../unlock: no data.
  StatusOr<Reply> DeleteTenant(int64_t cluster_id, int64_t tenant_id) const;
  StatusOr<Reply> LockTenant(int64_t cluster_id, int64_t tenant_id, bool lock) const;
  // POST /api/v2/compute/hosts/batchCreate: {"contents": [one "Prepare host" task per host]};
  // with --quirks client-ids also `hostIds` and `id`, the first host's task, which the
  // terraform provider reads and polls.
  StatusOr<Reply> BatchCreateHosts(const std::string& body, const auth::User* user = nullptr) const;
  // DELETE /api/v2/compute/hosts/{hostId}: the host goes at once (no task, no data, as
  // documented); an unknown host is recordNotFound (the terraform provider reads that 404 as
  // "already gone").
  StatusOr<Reply> DeleteHost(int64_t host_id) const;

 private:
  struct NewTenant;
  enum class TenantOp { kDelete, kLock, kUnlock };
  StatusOr<NewTenant> PrepareTenant(int64_t cluster_id, const std::string& body) const;
  StatusOr<entities::Row> TenantForChange(int64_t cluster_id, int64_t tenant_id, TenantOp op) const;
  // A task id no task has: one more than the largest, found once, then counted on.
  int64_t NextTaskId() const;
  // Puts `task` in the task store, refusing to replace a task with its id.
  StatusOr<int64_t> PutTask(model::Task task) const;
  std::string Now() const;
  static model::Creator CreatorOf(const auth::User* user);
  // The body, parsed and checked against schema `schema`: badRequest or invalidParameter naming
  // the field otherwise.
  StatusOr<rapidjson::Document> ParseBody(const std::string& body, const char* schema) const;

  EntityContext c_;
  const tasks::MockClock& clock_;
  const json::SchemaSet* schemas_;
  api::Quirks quirks_;
  mutable std::atomic<int64_t> next_task_id_{0};
};

}  // namespace mock::api
