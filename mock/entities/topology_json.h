// The topology's objects as OCP's JSON writes them, for every page that shows them: the cluster
// pages (their zones' servers and root servers), the tenant detail (its zones' units) and the
// topology pages (docs/topology.md). Keys in alphabetical order, as in OCP's samples
// (docs/reference/ocp-cluster-topology.md §2 to §6).
#pragma once

#include "mock/entities/cluster_topology.h"
#include "mock/json/json_writer.h"

namespace mock::entities {

// An OBServer as the zones, servers and zone-servers samples show it (§2, §3, §4): the
// documented fields the mock knows and the samples' innerStatus and updateTime; `withRootserver`
// spelled as every sample spells it; an unknown region, IDC or host type left out.
void WriteServer(json::JsonWriter& w, const Server& server);

// A root server as the cluster list's rootServers and a zone's rootServer give it:
// {"address": "ip:port", "role", "sql_port"} (the RPC port in the address).
void WriteRootServer(json::JsonWriter& w, const Server& server);

// A unit as a tenant's units and the tenant detail's zones[].units give it (§6, TU1 to TU7).
void WriteTenantUnit(json::JsonWriter& w, const Unit& unit, const Server& server);

}  // namespace mock::entities
