// What a tenant's databases, users and roles are derived from: the tenant as the entity store
// shows it, its cluster, and the address its connection strings name. Pure: no store, no lock.
//
//   TenantFacts t = FactsOf(tenant_row, cluster_row, ClusterAddress(topology->Of(cluster_id)));
//   t.mode == Mode::kOracle;          // tenant 169 "zhiqiong"
//   t.ip;                              // "10.0.0.1": cluster 1's first host
//
// Where the docs are silent (docs/tenant-objects.md, each choice tagged `mock`):
//  - the connection strings name the address of the cluster's OBServer on the lowest host id, as
//    GET .../servers lists them (docs/topology.md: the hosts whose OB_CLUSTER service is the
//    cluster, "name:obClusterId", or that its zones name), else 127.0.0.1, and port 2881, the
//    samples' (docs/reference/ocp-tenant-objects-and-obproxy.md §5.3, §6.3);
//  - a tenant whose obVersion (else its cluster's) starts with 1, 2 or 3 gets OceanBase 3.x's
//    database ids (its obTenantId shifted 40 bits, plus the inner id, as the docs' sample:
//    §5.4), any other OceanBase 4.x's (201001..., 500001).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mock/entities/cluster_topology.h"
#include "mock/entities/entity_set.h"

namespace mock::families::tenant_objects {

enum class Mode { kMysql, kOracle };

struct TenantFacts {
  int64_t cluster_id = 0;
  int64_t tenant_id = 0;
  std::string name;  // the tenant's name, as connection strings give it: root@<name>
  Mode mode = Mode::kMysql;
  int64_t ob_tenant_id = 0;
  std::string create_time;  // the tenant's createTime, which its built-in objects share
  std::string charset;      // the tenant's, else utf8mb4
  std::string collation;    // the tenant's, else utf8mb4_general_ci
  bool ob3_ids = false;     // OceanBase 3.x's database ids (above)
  std::string ip;           // the address connection strings name (above)
};

// The facts of `tenant` (a row of cluster `cluster`) whose connection strings name `ip`
// (ClusterAddress; empty: 127.0.0.1).
TenantFacts FactsOf(const entities::Row& tenant, const entities::Row& cluster, std::string_view ip);

// The address connection strings name for a cluster whose topology is `cluster` (above); empty
// when it has no server (or no topology: null).
std::string ClusterAddress(const entities::ClusterTopology* cluster);

// OceanBase's sys tenant (obTenantId 1), which alone has the proxyro user (docs/tenant-objects.md).
inline bool IsSysTenant(const TenantFacts& t) { return t.ob_tenant_id == 1; }

}  // namespace mock::families::tenant_objects
