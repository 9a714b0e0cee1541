#include "mock/families/topology/topology_family.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "mock/entities/pending_statuses.h"
#include "mock/entities/topology_json.h"
#include "mock/families/topology/resource_stats.h"
#include "mock/families/topology/topology_writers.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/param_binding.h"

namespace mock::families {
namespace {

using api::Access;
using api::Call;
using entities::ClusterTopology;

constexpr char kClusters[] = "/api/v2/ob/clusters";

// A String filter: blank is no filter (mock: the docs give no rule).
std::optional<std::string> TextFilter(const QueryParams& params, std::string_view key) {
  std::optional<std::string> v = query::Scalar(params, key);
  if (v && v->empty()) return std::nullopt;
  return v;
}

// What GET .../units keeps (docs/reference/ocp-cluster-topology.md §5, EP-CU3's filters).
struct UnitFilter {
  std::optional<int64_t> tenant_id;
  std::optional<std::string> server_ip;
  std::optional<int64_t> server_port;
  std::vector<int64_t> unit_ids;

  bool Keeps(const ClusterTopology& c, const entities::Unit& u) const {
    const entities::Server& s = c.servers[u.server];
    return (!tenant_id || u.tenant_id == *tenant_id) && (!server_ip || s.ip == *server_ip) &&
           (!server_port || s.port == *server_port) &&
           (unit_ids.empty() ||
            std::find(unit_ids.begin(), unit_ids.end(), u.id) != unit_ids.end());
  }
};

StatusOr<UnitFilter> BindUnitFilter(const QueryParams& params) {
  UnitFilter f;
  auto tenant = query::ParseId(params, "tenantId");
  if (!tenant.ok()) return tenant.status();
  f.tenant_id = tenant.value();
  f.server_ip = TextFilter(params, "serverIp");
  auto port = query::ParseId(params, "serverPort");
  if (!port.ok()) return port.status();
  if (port.value() && (*port.value() < std::numeric_limits<int32_t>::min() ||
                       *port.value() > std::numeric_limits<int32_t>::max())) {
    return ocp::InvalidParameter("serverPort", "serverPort: " + std::to_string(*port.value()) +
                                                   " is not an Integer (32 bits).");
  }
  f.server_port = port.value();
  auto ids = query::ParseIdList(params, "obUnitIdList");
  if (!ids.ok()) return ids.status();
  f.unit_ids = std::move(ids).value();
  return f;
}

// A reply that writes `{"contents": [...]}`, each item by `write`, keeping `all` alive.
template <typename Items, typename Write>
api::Reply ContentsReply(std::shared_ptr<const entities::Topology> all, Items items, Write write) {
  return api::Reply{[all = std::move(all), items = std::move(items),
                     write = std::move(write)](json::JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const auto& item : items) write(w, item);
    w.EndArray();
    w.EndObject();
  }};
}

// The indexes of `c`'s servers that `keep` keeps.
template <typename Keep>
std::vector<size_t> ServersWhere(const ClusterTopology& c, const Keep& keep) {
  std::vector<size_t> out;
  for (size_t i = 0; i < c.servers.size(); ++i) {
    if (keep(c.servers[i])) out.push_back(i);
  }
  return out;
}

api::Reply ServersReply(std::shared_ptr<const entities::Topology> all, const ClusterTopology* c,
                        std::vector<size_t> servers) {
  return ContentsReply(std::move(all), std::move(servers), [c](json::JsonWriter& w, size_t i) {
    entities::WriteServer(w, c->servers[i]);
  });
}

}  // namespace

std::vector<api::Route> TopologyFamily::Routes() const {
  const std::string c = kClusters;
  // Read permission on the cluster where the page names it (zones, servers, tenant units: doc);
  // authentication only where it names none (units, serverStats: en.oceanbase.com) or there is
  // no page (stats: the MCP server's docstring, client).
  return {
      {"GET", c + "/{id}/zones", Access::kClusterViewer,
       [this](const Call& call) { return Zones(call.ids[0]); }},
      {"GET", c + "/{clusterId}/servers", Access::kClusterViewer,
       [this](const Call& call) { return Servers(call.ids[0], call.request.query); }},
      {"GET", c + "/{clusterId}/zones/{zoneName}/servers", Access::kClusterViewer,
       [this](const Call& call) { return ZoneServers(call.ids[0], call.texts[0]); }},
      {"GET", c + "/{id}/units", Access::kAuthenticated,
       [this](const Call& call) { return Units(call.ids[0], call.request.query); }},
      {"GET", c + "/{clusterId}/tenants/{tenantId}/units", Access::kClusterViewer,
       [this](const Call& call) {
         return TenantUnits(call.ids[0], call.ids[1], call.request.query);
       }},
      {"GET", c + "/{id}/stats", Access::kAuthenticated,
       [this](const Call& call) { return Stats(call.ids[0]); }},
      {"GET", c + "/{id}/serverStats", Access::kAuthenticated,
       [this](const Call& call) { return ServerStats(call.ids[0]); }},
  };
}

entities::TaskStatuses TopologyFamily::Statuses() const {
  return entities::PendingStatuses(entities_, tasks_);
}

StatusOr<TopologyFamily::Seen> TopologyFamily::Cluster(
    int64_t id, const entities::TaskStatuses& statuses) const {
  Seen seen{cache_.Get(entities_, statuses), nullptr};
  seen.cluster = seen.all->Of(id);  // the clusters the cluster list shows, and only those
  if (seen.cluster == nullptr) {
    return ocp::OcpError(ocp::ErrorKind::kClusterNotFound,
                         "Path id=" + std::to_string(id) + ": GET /api/v2/ob/clusters lists them.",
                         {std::to_string(id)});
  }
  return seen;
}

StatusOr<api::Reply> TopologyFamily::Zones(int64_t cluster_id) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  const ClusterTopology* c = seen.value().cluster;
  std::vector<size_t> zones(c->zones.size());
  for (size_t i = 0; i < zones.size(); ++i) zones[i] = i;
  return ContentsReply(
      std::move(seen.value().all), std::move(zones),
      [c](json::JsonWriter& w, size_t i) { topology::WriteZone(w, *c, c->zones[i]); });
}

StatusOr<api::Reply> TopologyFamily::Servers(int64_t cluster_id, const QueryParams& params) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  const ClusterTopology* c = seen.value().cluster;
  const std::optional<std::string> region = TextFilter(params, "regionName");
  const std::optional<std::string> idc = TextFilter(params, "idcName");
  return ServersReply(std::move(seen.value().all), c,
                      ServersWhere(*c, [&](const entities::Server& s) {
                        return (!region || s.region == region) && (!idc || s.idc == idc);
                      }));
}

StatusOr<api::Reply> TopologyFamily::ZoneServers(int64_t cluster_id,
                                                 const std::string& zone_name) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  const ClusterTopology* c = seen.value().cluster;
  const entities::Zone* zone = c->FindZone(zone_name);
  if (zone == nullptr) {
    // OCP's zone-not-found (§14 R17); that this page answers it is the mock's choice.
    return ocp::OcpError(
        ocp::ErrorKind::kZoneNotFound,
        "GET /api/v2/ob/clusters/" + std::to_string(cluster_id) + "/zones lists its zones.",
        {std::to_string(cluster_id), zone_name});
  }
  return ServersReply(std::move(seen.value().all), c, zone->servers);
}

StatusOr<api::Reply> TopologyFamily::Units(int64_t cluster_id, const QueryParams& params) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  auto filter = BindUnitFilter(params);
  if (!filter.ok()) return filter.status();
  const ClusterTopology* c = seen.value().cluster;
  std::vector<size_t> units;
  for (size_t i = 0; i < c->units.size(); ++i) {
    if (filter.value().Keeps(*c, c->units[i])) units.push_back(i);
  }
  return ContentsReply(
      std::move(seen.value().all), std::move(units),
      [c](json::JsonWriter& w, size_t i) { topology::WriteUnitInfo(w, *c, c->units[i]); });
}

StatusOr<api::Reply> TopologyFamily::TenantUnits(int64_t cluster_id, int64_t tenant_id,
                                                 const QueryParams& params) const {
  const entities::TaskStatuses statuses = Statuses();
  auto seen = Cluster(cluster_id, statuses);
  if (!seen.ok()) return seen.status();
  auto tenant = entities_.Get(entities::Kind::kTenant, tenant_id, statuses);
  if (!tenant || entities::Int(*tenant->doc, "clusterId") != cluster_id) {
    // The tenant pages' own answer (docs/entities.md, "Errors").
    return ocp::OcpError(ocp::ErrorKind::kRecordNotFound,
                         "No tenant has id " + std::to_string(tenant_id) + ". Cluster " +
                             std::to_string(cluster_id) + " has no such tenant; GET " + kClusters +
                             "/" + std::to_string(cluster_id) + "/tenants lists its tenants.",
                         {"OB_TENANT", "id=" + std::to_string(tenant_id)});
  }
  const std::optional<std::string> zone = TextFilter(params, "zoneName");
  const ClusterTopology* c = seen.value().cluster;
  std::vector<size_t> units;
  for (size_t i = 0; i < c->units.size(); ++i) {
    const entities::Unit& u = c->units[i];
    if (u.tenant_id == tenant_id && (!zone || u.zone == *zone)) units.push_back(i);
  }
  return ContentsReply(std::move(seen.value().all), std::move(units),
                       [c](json::JsonWriter& w, size_t i) {
                         const entities::Unit& u = c->units[i];
                         entities::WriteTenantUnit(w, u, c->servers[u.server]);
                       });
}

StatusOr<api::Reply> TopologyFamily::Stats(int64_t cluster_id) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  const ClusterTopology* c = seen.value().cluster;
  const topology::ResourceStats sum = topology::Sum(topology::ServerStatsOf(*c));
  return api::Reply{[all = std::move(seen.value().all), c, sum, now = clock_.NowMs()](
                        json::JsonWriter& w) { topology::WriteClusterStats(w, *c, sum, now); }};
}

StatusOr<api::Reply> TopologyFamily::ServerStats(int64_t cluster_id) const {
  auto seen = Cluster(cluster_id, Statuses());
  if (!seen.ok()) return seen.status();
  return ContentsReply(
      std::move(seen.value().all), topology::ServerStatsOf(*seen.value().cluster),
      [now = clock_.NowMs()](json::JsonWriter& w, const topology::ResourceStats& s) {
        topology::WriteServerStats(w, s, now);
      });
}

}  // namespace mock::families
