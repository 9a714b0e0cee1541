// OCP's read endpoints for clusters, tenants and hosts (docs/reference/ocp-resources-api.md
// sections 2 to 4), over the live EntityStore. The route table binds them to paths; Api::Handle
// answers them. An unknown id is OCP's recordNotFound (404) naming the type and the id. Lists bind
// their parameters as the task list does (entity_query.h); docs/entities.md gives every decision.
//
//   EntityHandlers h({entities, tasks, rules});
//   StatusOr<Reply> r = h.Clusters({{"status", "RUNNING"}});
#pragma once

#include <cstdint>

#include "mock/core/params.h"
#include "mock/entities/entity_query.h"
#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/reply/route.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

// What the entity endpoints work on; the stores must outlive the handlers.
struct EntityContext {
  entities::EntityStore& entities;
  tasks::TaskStore& tasks;
  entities::ListRules rules;
};

// OCP's recordNotFound for entity `id` of `kind`.
Status EntityNotFound(entities::Kind kind, int64_t id, const std::string& detail = "");

class EntityHandlers {
 public:
  explicit EntityHandlers(EntityContext context) : c_(std::move(context)) {}

  // The lists' declarations, for the OpenAPI operations (entity_family_operations.cc).
  const entities::ListRules& rules() const { return c_.rules; }

  // GET /api/v2/ob/clusters: paged ObClusters.
  StatusOr<Reply> Clusters(const QueryParams& params) const;
  // GET /api/v2/ob/clusters/{id}: one ObCluster (undocumented; the list item's shape).
  StatusOr<Reply> Cluster(int64_t id) const;
  // GET /api/v2/ob/clusters/{clusterId}/tenants and GET /api/v2/ob/tenants: paged tenants.
  StatusOr<Reply> ClusterTenants(int64_t cluster_id, const QueryParams& params) const;
  // Only the tenants of clusters the caller may read are listed, as the docs say: all of them
  // with CLUSTER_VIEWER (`may_view_clusters`), none without (the mock has no per-cluster grants).
  StatusOr<Reply> Tenants(const QueryParams& params, bool may_view_clusters = true) const;
  // GET /api/v2/ob/clusters/{clusterId}/tenants/{tenantId}: the tenant's details.
  StatusOr<Reply> Tenant(int64_t cluster_id, int64_t tenant_id) const;
  // GET /api/v2/compute/hosts: paged Hosts; GET /api/v2/compute/hosts/{hostId}: one Host.
  StatusOr<Reply> Hosts(const QueryParams& params) const;
  StatusOr<Reply> Host(int64_t id) const;

 private:
  StatusOr<Reply> TenantList(const QueryParams& params, std::optional<int64_t> cluster_id,
                             bool may_view_clusters) const;
  StatusOr<Reply> List(entities::Kind kind, const entities::ListQuery& query,
                       bool visible = true) const;

  EntityContext c_;
  // The clusters' zones, servers and units the cluster and tenant pages show
  // (docs/topology.md), derived again only when the entities change.
  entities::TopologyCache topology_;
};

}  // namespace mock::api
