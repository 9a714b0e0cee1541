#include "mock/families/tenant_objects/tenant_objects_family.h"

#include <memory>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/families/tenant_objects/tenant_items.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using api::Reply;
using entities::Kind;
using tenant_objects::Mode;
using tenant_objects::Object;

constexpr char kTenantRoutePattern[] = "/api/v2/ob/clusters/{id}/tenants/{tenantId}";

std::string TenantPath(int64_t cluster_id, int64_t tenant_id) {
  return "/api/v2/ob/clusters/" + std::to_string(cluster_id) + "/tenants/" +
         std::to_string(tenant_id);
}

Reply ContentsReply(std::vector<Object> objects) {
  return Reply{[objects = std::move(objects)](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const Object& o : objects) o->Accept(w);
    w.EndArray();
    w.EndObject();
  }};
}

Reply OneReply(Object object) {
  return Reply{[object = std::move(object)](json::JsonWriter& w) { object->Accept(w); }};
}

// The mode a page needs, else its refusal (tenant_objects_family.h).
Status NeedMode(const tenant_objects::TenantFacts& t, Mode mode, const char* what) {
  if (t.mode == mode) return Status();
  const bool oracle = mode == Mode::kOracle;
  return ocp::OcpError(
      oracle ? ocp::ErrorKind::kMysqlTenantNotSupported : ocp::ErrorKind::kOracleTenantNotSupported,
      "Tenant " + std::to_string(t.tenant_id) + " (" + t.name + ") is a " +
          (oracle ? "MySQL" : "Oracle") + " tenant; " + what + " are " +
          (oracle ? "Oracle" : "MySQL") + " tenants' only.");
}

}  // namespace

const resources::ResourceSpec TenantObjectsFamily::kSpec{.name = "tenantObjects",
                                                         .folder = "tenant-objects",
                                                         .schema = "tenant-object",
                                                         .items = "tenantObjects",
                                                         .scope = "tenantId"};

TenantObjectsFamily::TenantObjectsFamily(std::vector<resources::Row> rows,
                                         const json::SchemaSet* schemas,
                                         std::optional<resources::ResourceSource> source,
                                         tasks::TaskStore& tasks,
                                         const entities::EntityStore& entities)
    : ResourceFamily(kSpec, std::move(rows), schemas, std::move(source)),
      tasks_(tasks),
      entities_(entities) {}

std::vector<api::Route> TenantObjectsFamily::OcpRoutes() const {
  const std::string base = kTenantRoutePattern;
  return {{"GET", base + "/databases", Access::kClusterViewer,
           [this](const Call& c) { return Databases(c.ids[0], c.ids[1]); }},
          {"GET", base + "/users", Access::kClusterViewer,
           [this](const Call& c) { return Users(c.ids[0], c.ids[1]); }},
          {"GET", base + "/users/{username}", Access::kClusterViewer,
           [this](const Call& c) { return User(c.ids[0], c.ids[1], c.texts[0]); }},
          {"GET", base + "/roles", Access::kClusterViewer,
           [this](const Call& c) { return Roles(c.ids[0], c.ids[1]); }},
          {"GET", base + "/roles/{roleName}", Access::kClusterViewer,
           [this](const Call& c) { return Role(c.ids[0], c.ids[1], c.texts[0]); }},
          {"GET", base + "/objects", Access::kClusterViewer,
           [this](const Call& c) { return Objects(c.ids[0], c.ids[1]); }}};
}

StatusOr<TenantObjectsFamily::Tenant> TenantObjectsFamily::Find(int64_t cluster_id,
                                                                int64_t tenant_id) const {
  // The statuses of the tasks pending entities wait on, read before the entity store's lock is
  entities::TaskStatuses snapshot = entities::PendingStatuses(entities_, tasks_);
  auto cluster = entities_.Get(Kind::kCluster, cluster_id, snapshot);
  if (!cluster) {
    return ocp::OcpError(
        ocp::ErrorKind::kClusterNotFound,
        "Path id=" + std::to_string(cluster_id) + ": GET /api/v2/ob/clusters lists them.",
        {std::to_string(cluster_id)});
  }
  auto tenant = entities_.Get(Kind::kTenant, tenant_id, snapshot);
  if (!tenant || entities::Int(*tenant->doc, "clusterId") != cluster_id) {
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "No tenant has id " + std::to_string(tenant_id) + ". Cluster " +
                             std::to_string(cluster_id) + " has no such tenant; GET " +
                             "/api/v2/ob/clusters/" + std::to_string(cluster_id) +
                             "/tenants lists its tenants.",
                         {"OB_TENANT", "id=" + std::to_string(tenant_id)});
  }
  const std::shared_ptr<const entities::Topology> topology = topology_.Get(entities_, snapshot);
  Tenant found{tenant_objects::FactsOf(*tenant, *cluster,
                                       tenant_objects::ClusterAddress(topology->Of(cluster_id))),
               store().RowsIn(tenant_id)};
  std::erase_if(found.rows, [&](const resources::Row& r) {
    return entities::Int(*r.doc, "clusterId") != cluster_id;
  });
  return found;
}

StatusOr<Reply> TenantObjectsFamily::Databases(int64_t cluster_id, int64_t tenant_id) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  if (Status s = NeedMode(t.value().facts, Mode::kMysql, "databases"); !s.ok()) return s;
  return ContentsReply(tenant_objects::Databases(t.value().facts, t.value().rows));
}

StatusOr<Reply> TenantObjectsFamily::Users(int64_t cluster_id, int64_t tenant_id) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  return ContentsReply(tenant_objects::Users(t.value().facts, t.value().rows));
}

StatusOr<Reply> TenantObjectsFamily::User(int64_t cluster_id, int64_t tenant_id,
                                          const std::string& name) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  const std::vector<Object> users = tenant_objects::Users(t.value().facts, t.value().rows);
  const Object* user = tenant_objects::Named(users, "username", name);
  if (user == nullptr) {
    return ocp::OcpError(ocp::ErrorKind::kDbUserNotFound,
                         "Tenant " + std::to_string(tenant_id) + " has no user of that name; GET " +
                             TenantPath(cluster_id, tenant_id) + "/users lists them.",
                         {Excerpt(name)});
  }
  return OneReply(*user);
}

StatusOr<Reply> TenantObjectsFamily::Roles(int64_t cluster_id, int64_t tenant_id) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  if (Status s = NeedMode(t.value().facts, Mode::kOracle, "roles"); !s.ok()) return s;
  return ContentsReply(tenant_objects::Roles(t.value().facts, t.value().rows));
}

StatusOr<Reply> TenantObjectsFamily::Role(int64_t cluster_id, int64_t tenant_id,
                                          const std::string& name) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  if (Status s = NeedMode(t.value().facts, Mode::kOracle, "roles"); !s.ok()) return s;
  const std::vector<Object> roles = tenant_objects::Roles(t.value().facts, t.value().rows);
  const Object* role = tenant_objects::Named(roles, "name", name);
  if (role == nullptr) {
    return ocp::OcpError(ocp::ErrorKind::kDbRoleNotFound,
                         "Tenant " + std::to_string(tenant_id) + " has no role of that name; GET " +
                             TenantPath(cluster_id, tenant_id) + "/roles lists them.",
                         {Excerpt(name)});
  }
  return OneReply(*role);
}

StatusOr<Reply> TenantObjectsFamily::Objects(int64_t cluster_id, int64_t tenant_id) const {
  auto t = Find(cluster_id, tenant_id);
  if (!t.ok()) return t.status();
  if (Status s = NeedMode(t.value().facts, Mode::kOracle, "database objects"); !s.ok()) return s;
  return ContentsReply(tenant_objects::DbObjects(t.value().rows));
}

}  // namespace mock::families
