// A tenant's database objects, as OCP's tenant pages and the MCP server's tenant tools read
// them (docs/reference/ocp-tenant-objects-and-obproxy.md §5 to §9, §2.3;
// docs/reference/ocp-client-calls.md §1.2), documented alike in every version from 3.1.1 to 4.2.2:
//  - GET /api/v2/ob/clusters/{id}/tenants/{tenantId}/databases: a MySQL tenant's databases;
//  - GET .../users, GET .../users/{username}: the database users, one by name;
//  - GET .../roles, GET .../roles/{roleName}: an Oracle tenant's roles, one by name;
//  - GET .../objects: an Oracle tenant's tables, views and stored procedures.
// Lists are `{"contents": [...]}` with no page (§2.2): no parameter is documented, so every
// query parameter is ignored, as Spring ignores one it does not bind (`framework`: the samples'
// `?id=&tenantId=`, the MCP server's `hostName`). Each needs the read permission on the tenant
// (§2.1): CLUSTER_VIEWER, the mock's one permission on clusters and their tenants.
//
// Every tenant the entity store shows has the objects OceanBase gives a tenant of its mode
// (builtin_objects.h), from the moment it shows (a tenant being created included), plus the rows
// of fixtures/tenant-objects/ that name it (tenant_items.h), with /__mock/tenantObjects, reset
// and reload from ResourceFamily. Refusals, in this order (docs/tenant-objects.md, `mock` where
// no page says which endpoint answers which code of §10):
//  - a cluster not shown: clusterNotFound (11001 / OBE11001);
//  - a tenant not shown, or of another cluster: recordNotFound naming OB_TENANT, as the tenant's
//    own page answers it;
//  - databases of an Oracle tenant: oracleTenantNotSupported (15206 / OBE61006); roles and
//    objects of a MySQL tenant: mysqlTenantNotSupported (15256 / OBE62006), as OCP Express
//    refuses them (§5.4, §8.3: Oracle tenants and their roles are Enterprise-only);
//  - a user or role not held: dbUserNotFound (15252 / OBE62002), dbRoleNotFound (15302 /
//    OBE62102).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/families/tenant_objects/tenant_facts.h"
#include "mock/resources/resource_family.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class TenantObjectsFamily : public resources::ResourceFamily {
 public:
  static const resources::ResourceSpec kSpec;

  // The stores and `schemas` must outlive the family.
  TenantObjectsFamily(std::vector<resources::Row> rows, const json::SchemaSet* schemas,
                      std::optional<resources::ResourceSource> source, tasks::TaskStore& tasks,
                      const entities::EntityStore& entities);

 protected:
  std::vector<api::Route> OcpRoutes() const override;
  // tenant_objects_operations.cc
  std::vector<api::Operation> OcpOperations() const override;

 private:
  // A tenant as the entity store shows it now, with its rows (by row id).
  struct Tenant {
    tenant_objects::TenantFacts facts;
    std::vector<resources::Row> rows;
  };
  // Tenant `tenant_id` of cluster `cluster_id`, else the refusals above.
  StatusOr<Tenant> Find(int64_t cluster_id, int64_t tenant_id) const;

  StatusOr<api::Reply> Databases(int64_t cluster_id, int64_t tenant_id) const;
  StatusOr<api::Reply> Users(int64_t cluster_id, int64_t tenant_id) const;
  StatusOr<api::Reply> User(int64_t cluster_id, int64_t tenant_id, const std::string& name) const;
  StatusOr<api::Reply> Roles(int64_t cluster_id, int64_t tenant_id) const;
  StatusOr<api::Reply> Role(int64_t cluster_id, int64_t tenant_id, const std::string& name) const;
  StatusOr<api::Reply> Objects(int64_t cluster_id, int64_t tenant_id) const;

  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  entities::TopologyCache topology_;  // the clusters' servers, whose first names the address
};

}  // namespace mock::families
