// The rules of the topology rows (issue #27; checks.h): a cluster's zones, servers and units and
// its resource statistics, judged from answers that topology_probe.cc fetched. The facts behind
// each rule: docs/reference/ocp-cluster-topology.md (the sections named at each function); each
// row's provenance, and why: docs/live-checks.md, "The topology and configuration rows".
//
//   Outcome o = ServersInZones(servers, zones, contract, strict);  // kPass, kFail, kObserved
//
// A consistency rule the docs imply (a server's zone is one of its cluster's zones) is `doc`; one
// they do not state (a tenant's units are the cluster's units of that tenant; the cluster's
// statistics are the sums of its servers') is `mock`, and Probe::Judge makes its failure an
// observation. A consistency rule is n/a when an answer it reads is not a list: the row of that
// answer judges it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "tools/compat/checks.h"
#include "tools/compat/flow_rules.h"
#include "tools/compat/outcome.h"

namespace compat {

// `text` percent-encoded as one path segment (RFC 3986 unreserved characters kept): a zone, user
// or role name in a request's path.
std::string PathSegment(const std::string& text);

// zones (§2, Z1): the zone list schema; and, when `listed` (the cluster list's row of that
// cluster) lists zones, the same zone names: both pages document the zones of the cluster.
Outcome ZonesOfCluster(const FlowAnswer& zones, const rapidjson::Value* listed, const Contract& c,
                       bool strict);

// servers (§3, S10): the server list schema; every server's zoneName one of the zones the zone
// list (§2) shows, as S10 is "the zone to which the server belongs".
Outcome ServersInZones(const FlowAnswer& servers, const FlowAnswer& zones, const Contract& c,
                       bool strict);

// zone-servers (§4): `zone`'s server list schema, and the servers of `servers` (§3) whose
// zoneName is `zone`, no more and no fewer (compared by ip:port).
Outcome ZoneServers(const FlowAnswer& zone_servers, const std::string& zone,
                    const FlowAnswer& servers, const Contract& c, bool strict);

// One filtered request of a list: `param`=`value` and its answer.
struct Filtered {
  std::string param;  // "regionName"
  std::string value;
  FlowAnswer answer;
};

// What a list's row holds for a filter's parameter: its value as text, "" when unknown.
using FilterField = std::function<std::string(const rapidjson::Value& row, const std::string&)>;

// The value of `param` that the fewest rows of `rows` hold (ties: the first seen), so that a
// filter the server ignores shows; nullopt when no row holds one.
std::optional<std::string> RarestValue(const rapidjson::Value& rows, const std::string& param,
                                       const FilterField& field);

// A value no row of `rows` holds for `param`: "ocp-compat-no-such-PARAM".
std::string AbsentValue(const std::string& param);

// The filters narrow as documented (servers-filter-each: §3's regionName and idcName;
// tenant-units: §6's zoneName): every row of each filtered answer holds the value asked, and
// the answer has as many rows as `whole` holds with it (only, and all). An answer of an error
// status to a value no row holds passes: the docs name no error for it, nor an empty list.
Outcome Narrows(const FlowAnswer& whole, const std::vector<Filtered>& asked,
                const FilterField& field);

// The servers' field `param` ("regionName", "idcName"): the server's own, else its zone's in
// `zones` (the servers sample carries neither; the zones carry both, §2 Z2, Z3).
FilterField ServerFieldVia(const FlowAnswer& zones);

// units-agree (mock: §5 and §6 name the same units, no page says they agree): the tenant's units
// (§6, serverIp:serverPort in zoneName) are the cluster's units (§5, svrIp:svrPort in zone)
// whose tenantId is `tenant`, as multisets. n/a when the cluster's units are not served.
Outcome UnitsAgree(const FlowAnswer& tenant_units, int64_t tenant, const FlowAnswer& units);

// stats (client: no doc page, §7): 200, the statistics schema, data.clusterId the cluster asked.
// n/a when not served.
Outcome StatsOfCluster(const FlowAnswer& stats, int64_t cluster, const Contract& c, bool strict);

// stats-add-up (mock: §7's derivation): serverStats has one row per server of `servers` (by
// ip:port), and each total both the cluster's statistics and the servers' carry (cpuTotal,
// memoryTotalByte, ... ) is the sum of the servers'. n/a when either is not served.
Outcome StatsAddUp(const FlowAnswer& stats, const FlowAnswer& server_stats,
                   const FlowAnswer& servers);

}  // namespace compat
