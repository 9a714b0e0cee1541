// The topology pages (docs/topology.md) in the engine benchmark: what a GET of each costs below
// HTTP over the fixtures' entities, as the family answers it (the statuses snapshot, the cached
// topology, the filter, the JSON written):
//  - topology/zones, topology/servers, topology/servers_idcName, topology/zone_servers,
//    topology/units, topology/units_tenantId, topology/tenant_units, topology/server_stats,
//    topology/stats.
// Each asks for the middle cluster of the set. The first request derives the topology (cached
// until the entities change), so the timings are those of a steady state; derivation itself is
// topology/derive. Before registering, each request runs once and is checked against what the
// set's rows imply (servers: the hosts naming the cluster; units: its tenants' unit counts).
#pragma once

#include "mock/entities/entity_set.h"

namespace mock::bench {

// Registers the "topology/..." benchmarks over `set` (the fixtures' entities, completed from
// their tasks); false, after printing why, when a request answers other than it should.
bool RegisterTopologyBenchmarks(const entities::EntitySet& set);

}  // namespace mock::bench
