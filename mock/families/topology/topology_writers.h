// The topology pages' objects as JSON, keys in alphabetical order as OCP's samples write them
// (docs/reference/ocp-cluster-topology.md §2 to §8; the servers and a tenant's units are
// entities/topology_json.h's, which the cluster and tenant pages share). Where the docs give
// no sample (§5, §7, §8) every field the docs' tables and the clients' field lists name that the
// mock knows is written; docs/topology.md lists each with its provenance.
#pragma once

#include <cstdint>

#include "mock/entities/cluster_topology.h"
#include "mock/families/topology/resource_stats.h"
#include "mock/json/json_writer.h"

namespace mock::families::topology {

// A zone as GET .../zones answers it (§2: Z1 to Z8 and the sample's compactionStatus,
// createTime, idcId, innerStatus, rootServer, status, updateTime), with its servers.
void WriteZone(json::JsonWriter& w, const entities::ClusterTopology& cluster,
               const entities::Zone& zone);

// A unit as GET .../units answers it (UnitInfo, §5: U1 to U15 and the MCP server's
// dataDiskUsedByte and UnitConfig).
void WriteUnitInfo(json::JsonWriter& w, const entities::ClusterTopology& cluster,
                   const entities::Unit& unit);

// ServerResourceStats (§8), `timestamp` in epoch milliseconds.
void WriteServerStats(json::JsonWriter& w, const ResourceStats& server, int64_t timestamp);

// ClusterResourceStats (§7): the cluster's ids and names, its tenant count and `sum`.
void WriteClusterStats(json::JsonWriter& w, const entities::ClusterTopology& cluster,
                       const ResourceStats& sum, int64_t timestamp);

}  // namespace mock::families::topology
