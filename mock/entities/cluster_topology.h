// What the clusters, tenants and hosts the mock serves imply about each cluster's topology: its
// zones, its OBServers and its tenants' resource units, derived from the rows alone, so that the
// cluster, tenant and host pages and the topology pages (docs/topology.md) always agree. Pure
// functions: no lock, no store.
//
//   Topology t = DeriveTopology(clusters, tenants, hosts);   // the rows visible now
//   const ClusterTopology* c = t.Of(1);
//   c->servers[0].ip;                 // "10.0.0.1": the host's address
//   c->zones[0].servers;              // indexes into c->servers
//
// The rules (docs/topology.md gives each with its provenance):
//  - A host serves a cluster when one of its `services` is OB_CLUSTER "<name>:<obClusterId>" of
//    the cluster, or when the cluster's `zones[].servers` name it (by `hostId` or `ip`): one
//    OBServer per such host, id ServerId(cluster, host), at the host's innerIpAddress.
//  - Its zone: the zone whose `servers` name the host; else, hosts by id ascending, the first
//    zone (the cluster's order) with fewer servers than its `serverCount`; else the zone with
//    the fewest servers (the first of them). A cluster listing no zone has no servers.
//  - Ports: the `port` and `sqlPort` the zone's server item gives, else 2882 and 2881.
//  - Root servers: those the cluster's `rootServers` name by address; when it names none, the
//    first server of each zone, the first zone's the LEADER.
//  - Units: each visible tenant of the cluster (id ascending), each of its zones that is one of
//    the cluster's (the tenant's order), `resourcePool.unitCount` units (at most one per server
//    of the zone) with the pool's `unitConfig` (kDefaultUnitConfig without one), unit j of
//    tenant t on the zone's server (t + j) mod n of its n servers by id; id UnitId(t, k) for the
//    tenant's k-th unit (1-based).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/entities/entity_set.h"

namespace mock::entities {

inline constexpr int64_t kDefaultRpcPort = 2882;
inline constexpr int64_t kDefaultSqlPort = 2881;

// An OBServer's id: unique while host ids stay under 1,000,000.
inline int64_t ServerId(int64_t cluster_id, int64_t host_id) {
  return cluster_id * 1'000'000 + host_id;
}
// A unit's id: the tenant's `k`-th unit (1-based); unique while a tenant has under 1,000.
inline int64_t UnitId(int64_t tenant_id, int64_t k) { return tenant_id * 1'000 + k; }

struct Server {
  int64_t id = 0;
  int64_t cluster_id = 0;
  int64_t host_id = 0;
  std::string ip;
  int64_t port = kDefaultRpcPort;  // RPC
  int64_t sql_port = kDefaultSqlPort;
  std::string version;                   // the host's service's, else the cluster's obVersion
  std::string zone;                      // its zone's name
  std::optional<std::string> region;     // the host's regionName, else the zone's
  std::optional<std::string> idc;        // the host's idcName, else the zone's
  std::optional<std::string> host_type;  // the host's typeName
  bool root = false;                     // withRootserver
  std::string role;                      // root servers: LEADER or FOLLOWER
  std::string status;                    // RUNNING, UNAVAILABLE, or the cluster's (STOPPED...)
  std::string inner_status;              // ACTIVE; INACTIVE when UNAVAILABLE or STOPPED
  std::string start_time;                // the cluster's createTime, else the host's
  std::string update_time;               // the host's updateTime, else start_time
};

// A resource pool's unit config, as the tenant detail gives it (cores; memory in GB).
struct UnitConfig {
  double max_cpu = 0;
  double min_cpu = 0;
  int64_t max_memory_gb = 0;
  int64_t min_memory_gb = 0;
};
// The config of a pool that gives none (a tenant created through the API): the bundled
// fixtures' (2 cores, 8 GB).
inline constexpr UnitConfig kDefaultUnitConfig{2.0, 2.0, 8, 8};

struct Unit {
  int64_t id = 0;
  int64_t tenant_id = 0;
  std::string tenant_name;
  int64_t ob_tenant_id = 0;
  int64_t resource_pool_id = 0;
  std::string zone;
  size_t server = 0;  // index into ClusterTopology::servers
  UnitConfig config;
};

struct Zone {
  std::string name;
  std::string status;              // RUNNING, or the cluster's where servers share it (STOPPED...)
  std::string inner_status;        // ACTIVE; INACTIVE when STOPPED
  std::optional<std::string> idc;  // the zone's idcName, else its first server's host's
  std::optional<std::string> region;  // likewise regionName
  std::optional<int64_t> idc_id;      // its first server's host's idcId
  std::vector<size_t> servers;        // indexes into ClusterTopology::servers, by id
  std::optional<size_t> root;         // its root server, if any
};

struct ClusterTopology {
  Row cluster;
  std::vector<Zone> zones;      // the cluster document's order
  std::vector<Server> servers;  // by id ascending
  std::vector<Unit> units;      // by tenant id, then the tenant's zones' order, then j
  int64_t tenant_count = 0;     // visible tenants
  bool roots_given = false;     // the document's rootServers names some
  const Zone* FindZone(std::string_view name) const;
};

class Topology {
 public:
  // Cluster `id`'s, or nullptr when it was not among the rows derived from.
  const ClusterTopology* Of(int64_t id) const;
  // Where DeriveTopology puts each cluster's.
  std::map<int64_t, ClusterTopology>& clusters() { return clusters_; }

 private:
  std::map<int64_t, ClusterTopology> clusters_;
};

// Every cluster's topology from the rows visible now (any order).
Topology DeriveTopology(const std::vector<Row>& clusters, const std::vector<Row>& tenants,
                        const std::vector<Row>& hosts);

}  // namespace mock::entities
