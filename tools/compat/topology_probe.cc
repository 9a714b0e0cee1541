// The requests of the topology rows (issue #27; checks.h) and which rule judges each
// (topology_rules.h). All GETs, sent after the client flows' reads (they read the first listed
// cluster and tenant that entity_probe.cc fetched).
//
//   zones                doc     GET /api/v2/ob/clusters/{first listed id}/zones
//   servers              doc     GET .../servers
//   servers-filter-each  doc     GET .../servers?regionName=R and ?idcName=I, R and I the rarest
//                                the servers (or their zones) show, and each with a value no
//                                server shows
//   zone-servers         doc     GET .../zones/{the first zone}/servers
//   units                client  GET .../units (en.oceanbase.com's pages only)
//   tenant-units         doc     GET /api/v2/ob/clusters/{cid}/tenants/{first listed id}/units,
//                                then ?zoneName=Z (the rarest of its units' zones) and a zone
//                                none of them is in
//   units-agree          mock    GET /api/v2/ob/clusters/{that tenant's cluster}/units
//   stats                client  GET .../stats
//   server-stats         client  GET .../serverStats
//   stats-add-up         mock    those two answers and the servers'
#include <string>
#include <vector>

#include <rapidjson/pointer.h>

#include "tools/compat/checks.h"
#include "tools/compat/judging.h"
#include "tools/compat/topology_rules.h"

namespace compat {
namespace {

// The rows whose requests need a listed cluster.
constexpr const char* kClusterTopologyRows[] = {
    "zones", "servers", "servers-filter-each", "zone-servers",
    "units", "stats",   "server-stats",        "stats-add-up"};

// The filters of the server list (§3), and of a tenant's units (§6).
constexpr const char* kServerFilters[] = {"regionName", "idcName"};
constexpr char kUnitZoneFilter[] = "zoneName";

// What more_ keeps a filtered answer under: "servers-filter regionName=R".
constexpr char kServersFiltered[] = "servers-filter ";
constexpr char kUnitsFiltered[] = "tenant-units-filter ";

// An integer at `pointer` of an answer, or nullopt.
std::optional<int64_t> TopologyId(const std::optional<rapidjson::Document>& json,
                                  const char* pointer) {
  const rapidjson::Value* v = json ? rapidjson::Pointer(pointer).Get(*json) : nullptr;
  return v != nullptr && v->IsInt64() ? std::optional<int64_t>(v->GetInt64()) : std::nullopt;
}

// A unit's own zoneName (§6), for the zoneName filter.
std::string UnitZoneField(const rapidjson::Value& row, const std::string& param) {
  const rapidjson::Value* v = At(row, {param.c_str()});
  return v != nullptr && v->IsString() ? std::string(v->GetString()) : std::string();
}

}  // namespace

void Probe::ProbeTopology() {
  const auto cluster = TopologyId(exchanges_[CheckNamed("clusters")].json, "/data/contents/0/id");
  const auto& tenants = exchanges_[CheckNamed("tenants")].json;
  const auto tenant = TopologyId(tenants, "/data/contents/0/id");
  const auto tenant_cluster = TopologyId(tenants, "/data/contents/0/clusterId");
  if (!tenant || !tenant_cluster) {
    for (const char* row : {"tenant-units", "units-agree"}) {
      exchanges_[CheckNamed(row)].not_applicable = "the tenant list shows no tenant";
    }
  } else {
    const std::string units = "/api/v2/ob/clusters/" + std::to_string(*tenant_cluster) +
                              "/tenants/" + std::to_string(*tenant) + "/units";
    Exchange& mine = exchanges_[CheckNamed("tenant-units")];
    mine = Get(units);
    const rapidjson::Value* rows = mine.json ? Contents(*mine.json) : nullptr;
    if (auto zone =
            rows != nullptr ? RarestValue(*rows, kUnitZoneFilter, UnitZoneField) : std::nullopt) {
      for (const std::string& z : {*zone, AbsentValue(kUnitZoneFilter)}) {
        const std::string ask = std::string(kUnitZoneFilter) + "=" + z;
        more_[kUnitsFiltered + ask] = Get(units + "?" + kUnitZoneFilter + "=" + PathSegment(z));
      }
    }
    exchanges_[CheckNamed("units-agree")] =
        Get("/api/v2/ob/clusters/" + std::to_string(*tenant_cluster) + "/units");
    exchanges_[CheckNamed("units-agree")].sent = std::to_string(*tenant);
  }
  if (!cluster) {
    for (const char* row : kClusterTopologyRows) {
      exchanges_[CheckNamed(row)].not_applicable = "the cluster list shows no cluster";
    }
    return;
  }
  const std::string base = "/api/v2/ob/clusters/" + std::to_string(*cluster);
  exchanges_[CheckNamed("zones")] = Get(base + "/zones");
  exchanges_[CheckNamed("servers")] = Get(base + "/servers");
  exchanges_[CheckNamed("units")] = Get(base + "/units");
  exchanges_[CheckNamed("stats")] = Get(base + "/stats");
  exchanges_[CheckNamed("stats")].sent = std::to_string(*cluster);  // the id it must name
  exchanges_[CheckNamed("server-stats")] = Get(base + "/serverStats");
  const Exchange& zones = exchanges_[CheckNamed("zones")];
  const Exchange& servers = exchanges_[CheckNamed("servers")];
  const FilterField field = ServerFieldVia({zones.request, zones.response, zones.json, zones.sent});
  const rapidjson::Value* server_rows = servers.json ? Contents(*servers.json) : nullptr;
  for (const char* param : kServerFilters) {
    const auto value =
        server_rows != nullptr ? RarestValue(*server_rows, param, field) : std::nullopt;
    if (!value) continue;
    for (const std::string& v : {*value, AbsentValue(param)}) {
      more_[kServersFiltered + (param + ("=" + v))] =
          Get(base + "/servers?" + param + "=" + PathSegment(v));
    }
  }
  // The first zone the zone list shows, else the first server's.
  const rapidjson::Value* zone_rows = zones.json ? Contents(*zones.json) : nullptr;
  const rapidjson::Value* zone =
      zone_rows != nullptr && !zone_rows->Empty()       ? At((*zone_rows)[0], {"name"})
      : server_rows != nullptr && !server_rows->Empty() ? At((*server_rows)[0], {"zoneName"})
                                                        : nullptr;
  Exchange& in_zone = exchanges_[CheckNamed("zone-servers")];
  if (zone == nullptr || !zone->IsString()) {
    in_zone.not_applicable = "neither the zone list nor the server list shows a zone";
    return;
  }
  in_zone = Get(base + "/zones/" + PathSegment(zone->GetString()) + "/servers");
  in_zone.sent = zone->GetString();
}

std::optional<Outcome> Probe::JudgeTopology(size_t check, const Contract& c) const {
  const std::string_view row = kChecks[check].name;
  auto answer = [&](const Exchange& e) {
    return FlowAnswer{e.request, e.response, e.json, e.sent};
  };
  auto named = [&](const char* name) { return answer(exchanges_[CheckNamed(name)]); };
  // The filtered answers more_ keeps under `prefix`, each with what it asked.
  auto filtered = [&](const std::string& prefix) {
    std::vector<Filtered> out;
    for (auto it = more_.lower_bound(prefix); it != more_.end() && it->first.starts_with(prefix);
         ++it) {
      const std::string ask = it->first.substr(prefix.size());
      const size_t eq = ask.find('=');
      out.push_back({ask.substr(0, eq), ask.substr(eq + 1), answer(it->second)});
    }
    return out;
  };
  const FlowAnswer a = answer(exchanges_[check]);
  const bool s = strict_;
  if (row == "zones") {
    const auto& clusters = exchanges_[CheckNamed("clusters")].json;
    const rapidjson::Value* first =
        clusters ? rapidjson::Pointer("/data/contents/0").Get(*clusters) : nullptr;
    return ZonesOfCluster(a, first, c, s);
  }
  if (row == "servers") return ServersInZones(a, named("zones"), c, s);
  if (row == "servers-filter-each") {
    std::vector<Filtered> asked = filtered(kServersFiltered);
    if (asked.empty()) return NotApplicable("no server, nor its zone, shows a region or an IDC");
    return Narrows(named("servers"), asked, ServerFieldVia(named("zones")));
  }
  if (row == "zone-servers") return ZoneServers(a, a.sent, named("servers"), c, s);
  if (row == "units") {
    if (NotServed(a.response)) {
      return NotApplicable(a.request + ": not served (HTTP " + std::to_string(a.response.status) +
                           "): no ocp-doc page has a cluster's units (only en.oceanbase.com's)");
    }
    return Conforms(a.request, a.response, a.json, 200, "ob-unit-list-response", c, s);
  }
  if (row == "tenant-units") {
    Outcome o = Conforms(a.request, a.response, a.json, 200, "ob-tenant-unit-list-response", c, s);
    if (Failed(o)) return o;
    std::vector<Filtered> asked = filtered(kUnitsFiltered);
    if (asked.empty()) return o;  // no unit to filter by
    Outcome narrows = Narrows(a, asked, UnitZoneField);
    return Failed(narrows) ? narrows : o;
  }
  if (row == "units-agree") {
    return UnitsAgree(named("tenant-units"), std::stoll(a.sent), a);
  }
  if (row == "stats") {
    return StatsOfCluster(a, std::stoll(a.sent), c, s);
  }
  if (row == "server-stats") {
    if (NotServed(a.response)) {
      return NotApplicable(a.request + ": not served (HTTP " + std::to_string(a.response.status) +
                           "): no ocp-doc page has it (only en.oceanbase.com's)");
    }
    return Conforms(a.request, a.response, a.json, 200, "server-resource-stats-list-response", c,
                    s);
  }
  if (row == "stats-add-up")
    return StatsAddUp(named("stats"), named("server-stats"), named("servers"));
  return std::nullopt;
}

}  // namespace compat
