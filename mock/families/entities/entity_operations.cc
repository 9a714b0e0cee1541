#include "mock/families/entities/entity_operations.h"

#include <memory>
#include <set>

#include "mock/entities/created_entities.h"
#include "mock/entities/operation_tasks.h"
#include "mock/entities/pending_statuses.h"
#include "mock/families/entities/entity_json.h"
#include "mock/json/json.h"
#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"
#include "mock/reply/request_body.h"

namespace mock::api {
namespace {

using entities::Kind;
using entities::Row;

Status NameExists(Kind kind, const std::string& parameter, const std::string& sentence) {
  return ocp::OcpError(ocp::ErrorKind::kNameExists, sentence,
                       {kind == Kind::kTenant ? "OB_TENANT" : "HOST", parameter});
}

model::Cluster ClusterOf(const Row& c) {
  return {c.id, std::string(entities::Str(*c.doc, "name")), entities::Int(*c.doc, "obClusterId"),
          std::string(entities::Str(*c.doc, "type"))};
}

Reply NoData() { return Reply{}; }

}  // namespace

struct EntityOperations::NewTenant {
  Row cluster;
  Row tenant;
};

StatusOr<rapidjson::Document> EntityOperations::ParseBody(const std::string& body,
                                                          const char* schema) const {
  return CheckedBody(body, schema, *schemas_);
}

std::string EntityOperations::Now() const {
  return std::string(model::MakeTimestamp(clock_.NowMs()).text());
}

StatusOr<EntityOperations::NewTenant> EntityOperations::PrepareTenant(
    int64_t cluster_id, const std::string& body) const {
  if (schemas_ == nullptr) return InternalError("the API was built without schemas");
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  auto cluster = c_.entities.Get(Kind::kCluster, cluster_id, statuses);
  if (!cluster)
    return EntityNotFound(Kind::kCluster, cluster_id, "GET /api/v2/ob/clusters lists them.");
  auto request = ParseBody(body, "create-tenant-request");
  if (!request.ok()) return request.status();
  const rapidjson::Value& r = request.value();
  // Zones must be the cluster's (when the cluster lists its zones).
  std::set<std::string> zones;
  if (auto it = cluster->doc->FindMember("zones");
      it != cluster->doc->MemberEnd() && it->value.IsArray()) {
    for (const auto& z : it->value.GetArray()) zones.emplace(entities::Str(z, "name"));
  }
  for (rapidjson::SizeType i = 0; i < r["zones"].Size(); ++i) {
    const std::string zone(entities::Str(r["zones"][i], "name"));
    if (!zones.empty() && zones.count(zone) == 0) {
      const std::string field = "zones[" + std::to_string(i) + "].name";
      return ocp::InvalidParameter(field, field + ": \"" + zone + "\" is not a zone of cluster " +
                                              std::to_string(cluster_id) + ".");
    }
  }
  const std::string name(entities::Str(r, "name"));
  int64_t ob_tenant_id = 1000;
  for (const Row& t : c_.entities.Rows(Kind::kTenant, statuses)) {
    if (entities::Int(*t.doc, "clusterId") != cluster_id) continue;
    ob_tenant_id = std::max(ob_tenant_id, entities::Int(*t.doc, "obTenantId"));
  }
  const int64_t id = c_.entities.NextId(Kind::kTenant);
  Row tenant{id, entities::MakeTenant(r, *cluster->doc, id, ob_tenant_id + 1, Now()),
             "created by the API"};
  return NewTenant{std::move(*cluster), std::move(tenant)};
}

namespace {

// Refuses a second visible tenant named like `tenant` in its cluster (run under the store's lock;
// `statuses`, taken before, answers for the tasks: no store is called under the lock).
entities::EntityStore::Admission UniqueTenantName(const Row& tenant,
                                                  const entities::TaskStatuses& statuses) {
  return [&tenant, &statuses](const entities::HeldEntities& held) -> Status {
    const int64_t cluster = entities::Int(*tenant.doc, "clusterId");
    const std::string_view name = entities::Str(*tenant.doc, "name");
    for (const Row& t : held.Rows(Kind::kTenant)) {
      if (entities::Int(*t.doc, "clusterId") != cluster || entities::Str(*t.doc, "name") != name)
        continue;
      // A tenant whose creating task failed or is gone does not hold its name.
      auto task = held.PendingTask(Kind::kTenant, t.id);
      if (task) {
        auto status = statuses.Of(*task);
        if (!status || *status == model::TaskStatus::kFailed) continue;
      }
      return NameExists(Kind::kTenant, "name=" + std::string(name),
                        "Cluster " + std::to_string(cluster) + " already has tenant \"" +
                            std::string(name) + "\" (id " + std::to_string(t.id) + ").");
    }
    return Status();
  };
}

}  // namespace

StatusOr<int64_t> EntityOperations::PutTask(model::Task task) const {
  const int64_t id = task.id;
  auto admit = [id](const std::vector<tasks::TaskSnapshot>& current,
                    const std::vector<model::Task>&) -> Status {
    for (const auto& t : current) {
      if (t->id == id) return InternalError("task id " + std::to_string(id) + " is taken");
    }
    return Status();
  };
  std::vector<model::Task> tasks;
  tasks.push_back(std::move(task));
  auto put = c_.tasks.Put(std::move(tasks), admit);
  if (!put.ok()) return put.status();
  return id;
}

model::Creator EntityOperations::CreatorOf(const auth::User* user) {
  return user == nullptr ? model::Creator{100, "admin"} : model::Creator{user->id, user->name};
}

StatusOr<Reply> EntityOperations::CreateTenant(int64_t cluster_id, const std::string& body,
                                               const auth::User* user) const {
  auto created = PrepareTenant(cluster_id, body);
  if (!created.ok()) return created.status();
  NewTenant& n = created.value();
  // Checked before the task starts too, so that a refused name leaves no task behind.
  const auto before = entities::PendingStatuses(c_.entities, c_.tasks);
  if (Status s = c_.entities.Check(UniqueTenantName(n.tenant, before)); !s.ok()) return s;
  entities::TaskSpec spec;
  spec.task_id = NextTaskId();
  spec.start_time = Now();
  spec.creator = CreatorOf(user);
  spec.cluster = ClusterOf(n.cluster);
  spec.tenant = model::Tenant{n.tenant.id, std::string(entities::Str(*n.tenant.doc, "name")),
                              entities::Int(*n.tenant.doc, "obTenantId"),
                              std::string(entities::Str(*n.tenant.doc, "mode"))};
  auto task = entities::CreateTenantTask(spec);
  if (!task.ok()) return task.status();
  auto put = PutTask(std::move(task).value());
  if (!put.ok()) return put.status();
  entities::Pending pending{spec.task_id, entities::WithStatus(n.tenant.doc, "CREATING")};
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);  // as late as can be
  if (Status s =
          c_.entities.Add(Kind::kTenant, n.tenant, pending, UniqueTenantName(n.tenant, statuses));
      !s.ok()) {
    (void)c_.tasks.Remove(spec.task_id);  // nothing changed
    return s;
  }
  auto snapshot = c_.tasks.Get(spec.task_id);
  if (!snapshot.ok()) return snapshot.status();
  AsyncSubject subject{cluster_id, n.tenant.id, std::nullopt};
  return Reply{[task = snapshot.value(), subject](json::JsonWriter& w) {
    WriteAsyncTask(w, *task, subject);
  }};
}

StatusOr<Reply> EntityOperations::CreateTenantNow(int64_t cluster_id, const std::string& body,
                                                  const auth::User*) const {
  auto created = PrepareTenant(cluster_id, body);
  if (!created.ok()) return created.status();
  NewTenant& n = created.value();
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  if (Status s = c_.entities.Add(Kind::kTenant, n.tenant, std::nullopt,
                                 UniqueTenantName(n.tenant, statuses));
      !s.ok()) {
    return s;
  }
  // The documented answer shows the tenant CREATING; the mock's creation is done at once.
  Row answer{n.tenant.id, entities::WithStatus(n.tenant.doc, "CREATING"), n.tenant.origin};
  return Reply{[answer](json::JsonWriter& w) { WriteTenantListItem(w, answer); }};
}

StatusOr<Row> EntityOperations::TenantForChange(int64_t cluster_id, int64_t tenant_id,
                                                TenantOp op) const {
  const auto statuses = entities::PendingStatuses(c_.entities, c_.tasks);
  auto cluster = c_.entities.Get(Kind::kCluster, cluster_id, statuses);
  if (!cluster)
    return EntityNotFound(Kind::kCluster, cluster_id, "GET /api/v2/ob/clusters lists them.");
  auto tenant = c_.entities.Get(Kind::kTenant, tenant_id, statuses);
  if (!tenant || entities::Int(*tenant->doc, "clusterId") != cluster_id) {
    return EntityNotFound(Kind::kTenant, tenant_id,
                          "Cluster " + std::to_string(cluster_id) + " has no such tenant.");
  }
  const char* done = op == TenantOp::kDelete ? "deleted"
                     : op == TenantOp::kLock ? "locked"
                                             : "unlocked";
  const std::string what = "tenant " + std::to_string(tenant_id);
  // OCP's console docs: "Do not lock the sys tenant"; deleting it would delete the cluster's.
  if (entities::Str(*tenant->doc, "name") == "sys" && op != TenantOp::kUnlock)
    return ocp::BadRequest("the sys tenant cannot be " + std::string(done));
  if (entities::Str(*tenant->doc, "status") != "NORMAL") {
    return ocp::BadRequest(what + " is " + std::string(entities::Str(*tenant->doc, "status")) +
                           "; only a NORMAL tenant can be " + done);
  }
  // "You can delete only tenants of the primary cluster"; "lock a tenant only from the primary".
  if (op != TenantOp::kUnlock && entities::Str(*cluster->doc, "type") == "STANDBY") {
    return ocp::BadRequest("only a primary cluster's tenants can be " + std::string(done) +
                           "; cluster " + std::to_string(cluster_id) + " is a standby cluster");
  }
  return std::move(*tenant);
}

int64_t EntityOperations::NextTaskId() const {
  if (next_task_id_.load() == 0) {
    int64_t max = 0;
    for (const auto& t : c_.tasks.All()) max = std::max(max, t->id);
    int64_t expected = 0;
    next_task_id_.compare_exchange_strong(expected, max + 1);
  }
  int64_t id = next_task_id_++;
  while (c_.tasks.Get(id).ok()) id = next_task_id_++;  // a test put a task there since
  return id;
}

StatusOr<Reply> EntityOperations::DeleteTenant(int64_t cluster_id, int64_t tenant_id) const {
  auto tenant = TenantForChange(cluster_id, tenant_id, TenantOp::kDelete);
  if (!tenant.ok()) return tenant.status();
  if (Status s = c_.entities.Remove(Kind::kTenant, tenant_id); !s.ok())
    return EntityNotFound(Kind::kTenant, tenant_id);
  return NoData();
}

StatusOr<Reply> EntityOperations::DeleteHost(int64_t host_id) const {
  if (!c_.entities.Remove(Kind::kHost, host_id).ok()) {
    return EntityNotFound(Kind::kHost, host_id, "GET /api/v2/compute/hosts lists them.");
  }
  return NoData();
}

StatusOr<Reply> EntityOperations::LockTenant(int64_t cluster_id, int64_t tenant_id,
                                             bool lock) const {
  auto tenant = TenantForChange(cluster_id, tenant_id, lock ? TenantOp::kLock : TenantOp::kUnlock);
  if (!tenant.ok()) return tenant.status();
  Status s = c_.entities.Update(Kind::kTenant, tenant_id,
                                [lock](const Row& row) -> StatusOr<entities::Doc> {
                                  return entities::WithBool(row.doc, "locked", lock);
                                });
  if (!s.ok()) return EntityNotFound(Kind::kTenant, tenant_id);
  return NoData();
}

}  // namespace mock::api
