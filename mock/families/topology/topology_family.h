// A cluster's topology and resources as OCP documents them (docs/reference/ocp-cluster-topology.md
// §2 to §8; docs/topology.md), derived from the clusters, tenants and hosts the mock serves
// (entities/cluster_topology.h), so that every page agrees with the cluster, tenant and host
// pages and with the others:
//  - GET /api/v2/ob/clusters/{id}/zones: the zones, each with its servers (§2);
//  - GET /api/v2/ob/clusters/{clusterId}/servers: the OBServers, `regionName` and `idcName`
//    exact filters (§3); .../zones/{zoneName}/servers: one zone's (§4);
//  - GET /api/v2/ob/clusters/{id}/units: the units (UnitInfo), `tenantId`, `serverIp`,
//    `serverPort`, `obUnitIdList` filters (§5); .../tenants/{tenantId}/units: a tenant's,
//    `zoneName` filter (§6);
//  - GET /api/v2/ob/clusters/{id}/stats and .../serverStats: resource statistics, the cluster's
//    the sum of its servers' (§7, §8; resource_stats.h).
// Lists answer `data.contents` without `page`, as every sample does; none is paged or sorted.
// An unknown cluster (one the cluster list does not show: being created, deleted) is
// kClusterNotFound, an unknown tenant of the cluster recordNotFound (OB_TENANT), an unknown zone
// kZoneNotFound; a filter OCP could not bind is invalidParameter naming it. The state is the
// entity store's: nothing here changes, resets or reloads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/entities/entity_store.h"
#include "mock/entities/topology_cache.h"
#include "mock/reply/family.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::families {

class TopologyFamily : public api::Family {
 public:
  // The stores and `clock` must outlive the family.
  TopologyFamily(tasks::TaskStore& tasks, const entities::EntityStore& entities,
                 const tasks::MockClock& clock)
      : tasks_(tasks), entities_(entities), clock_(clock) {}

  std::string_view Name() const override { return "topology"; }
  std::vector<api::Route> Routes() const override;
  // topology_operations.cc
  std::vector<api::Operation> Operations() const override;

 private:
  // A cluster's topology and the whole it belongs to (which keeps it alive).
  struct Seen {
    std::shared_ptr<const entities::Topology> all;
    const entities::ClusterTopology* cluster = nullptr;
  };
  // The statuses now of the tasks pending entities wait on (one store at a time).
  entities::TaskStatuses Statuses() const;
  // Cluster `id`'s topology as the entity store shows it by `statuses` (the cluster list's
  // visibility), else kClusterNotFound.
  StatusOr<Seen> Cluster(int64_t id, const entities::TaskStatuses& statuses) const;

  StatusOr<api::Reply> Zones(int64_t cluster_id) const;
  StatusOr<api::Reply> Servers(int64_t cluster_id, const QueryParams& params) const;
  StatusOr<api::Reply> ZoneServers(int64_t cluster_id, const std::string& zone) const;
  StatusOr<api::Reply> Units(int64_t cluster_id, const QueryParams& params) const;
  StatusOr<api::Reply> TenantUnits(int64_t cluster_id, int64_t tenant_id,
                                   const QueryParams& params) const;
  StatusOr<api::Reply> Stats(int64_t cluster_id) const;
  StatusOr<api::Reply> ServerStats(int64_t cluster_id) const;

  tasks::TaskStore& tasks_;
  const entities::EntityStore& entities_;
  const tasks::MockClock& clock_;
  entities::TopologyCache cache_;
};

}  // namespace mock::families
