#include "mock/entities/cluster_topology.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace mock::entities {
namespace {

using rapidjson::Value;

// A member that is a non-empty string, as a string.
std::optional<std::string> OptStr(const Value& o, const char* key) {
  const std::string_view s = Str(o, key);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

std::optional<int64_t> OptInt(const Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsInt64()) return std::nullopt;
  return it->value.GetInt64();
}

double Num(const Value& o, const char* key, double fallback) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : fallback;
}

const Value* Member(const Value& o, const char* key, bool (Value::*is)() const) {
  auto it = o.FindMember(key);
  return it != o.MemberEnd() && (it->value.*is)() ? &it->value : nullptr;
}

// A pool id: the number, or a string of digits (the tenant detail types it String); else 0.
int64_t PoolId(const Value& pool) {
  auto it = pool.FindMember("id");
  if (it == pool.MemberEnd()) return 0;
  if (it->value.IsInt64()) return it->value.GetInt64();
  if (!it->value.IsString()) return 0;
  const std::string_view s(it->value.GetString(), it->value.GetStringLength());
  int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  return ec == std::errc() && end == s.data() + s.size() ? id : 0;
}

// A host serving the cluster, before it becomes a Server.
struct Candidate {
  const Row* host = nullptr;
  std::string version;          // its OB_CLUSTER service's
  std::optional<size_t> zone;   // the zone whose servers name it
  std::optional<int64_t> port;  // as that zone's item gives them
  std::optional<int64_t> sql_port;
};

// The hosts a derivation reads, by id, by address and by the OB_CLUSTER services they list.
struct HostIndex {
  std::map<int64_t, const Row*> by_id;
  std::map<std::string, const Row*, std::less<>> by_ip;
  std::map<std::string, std::vector<std::pair<const Row*, std::string>>, std::less<>> by_service;

  explicit HostIndex(const std::vector<Row>& hosts) {
    for (const Row& h : hosts) {
      by_id[h.id] = &h;
      by_ip.emplace(std::string(Str(*h.doc, "innerIpAddress")), &h);
      const Value* services = Member(*h.doc, "services", &Value::IsArray);
      if (services == nullptr) continue;
      for (const Value& s : services->GetArray()) {
        if (!s.IsObject() || Str(s, "type") != "OB_CLUSTER") continue;
        by_service[std::string(Str(s, "name"))].emplace_back(&h, std::string(Str(s, "version")));
      }
    }
  }

  // The host a zone's server item names: {"hostId": ...} or {"ip": ...}, a host id, an address.
  const Row* Named(const Value& item) const {
    std::optional<int64_t> id;
    std::string_view ip;
    if (item.IsObject()) {
      id = OptInt(item, "hostId");
      ip = Str(item, "ip");
    } else if (item.IsInt64()) {
      id = item.GetInt64();
    } else if (item.IsString()) {
      ip = std::string_view(item.GetString(), item.GetStringLength());
    }
    if (id) {
      auto it = by_id.find(*id);
      return it == by_id.end() ? nullptr : it->second;
    }
    auto it = by_ip.find(ip);
    return ip.empty() || it == by_ip.end() ? nullptr : it->second;
  }
};

// The status an OBServer (or a zone, `host` null) of a cluster in `cluster_status` has: the
// cluster's where it is one of the servers' documented values, RUNNING otherwise; a running
// server on an OFFLINE host is UNAVAILABLE.
std::string StatusOf(std::string_view cluster_status, const Row* host) {
  static constexpr std::string_view kShared[] = {"CREATING", "DELETING", "STARTING", "RESTARTING",
                                                 "STOPPING", "STOPPED",  "OPERATING"};
  for (std::string_view s : kShared) {
    if (cluster_status == s) return std::string(s);
  }
  if (host != nullptr && Str(*host->doc, "status") == "OFFLINE") return "UNAVAILABLE";
  return "RUNNING";
}

// The cluster's zones, each with the servers its document names and the count it declares.
std::vector<Zone> ZonesOf(const Value& cluster, std::vector<int64_t>& declared) {
  std::vector<Zone> zones;
  const Value* list = Member(cluster, "zones", &Value::IsArray);
  if (list == nullptr) return zones;
  for (const Value& z : list->GetArray()) {
    if (!z.IsObject() || Str(z, "name").empty()) continue;
    Zone zone;
    zone.name = std::string(Str(z, "name"));
    zone.status = StatusOf(Str(cluster, "status"), nullptr);
    zone.inner_status = zone.status == "STOPPED" ? "INACTIVE" : "ACTIVE";
    zone.idc = OptStr(z, "idcName");
    zone.region = OptStr(z, "regionName");
    zones.push_back(std::move(zone));
    declared.push_back(Int(z, "serverCount"));
  }
  return zones;
}

// The hosts serving `cluster`, each placed in a zone when the cluster's document names it.
std::map<int64_t, Candidate> CandidatesOf(const Value& cluster, const HostIndex& hosts,
                                          const std::vector<Zone>& zones) {
  std::map<int64_t, Candidate> out;
  const std::string service =
      std::string(Str(cluster, "name")) + ":" + std::to_string(Int(cluster, "obClusterId"));
  if (auto it = hosts.by_service.find(service); it != hosts.by_service.end()) {
    for (const auto& [host, version] : it->second) out[host->id] = {host, version, {}, {}, {}};
  }
  const Value* list = Member(cluster, "zones", &Value::IsArray);
  if (list == nullptr) return out;
  for (const Value& z : list->GetArray()) {
    const Value* items = z.IsObject() ? Member(z, "servers", &Value::IsArray) : nullptr;
    if (items == nullptr) continue;
    const std::string_view name = Str(z, "name");
    auto zone =
        std::find_if(zones.begin(), zones.end(), [&](const Zone& x) { return x.name == name; });
    if (zone == zones.end()) continue;
    for (const Value& item : items->GetArray()) {
      const Row* host = hosts.Named(item);
      if (host == nullptr) continue;
      Candidate& c = out[host->id];
      c.host = host;
      if (c.zone) continue;  // named by two zones: the first
      c.zone = static_cast<size_t>(zone - zones.begin());
      if (item.IsObject()) {
        c.port = OptInt(item, "port");
        c.sql_port = OptInt(item, "sqlPort");
      }
    }
  }
  return out;
}

// Places the candidates no zone names: the first zone short of its declared count, else the
// zone with the fewest servers.
void Place(std::map<int64_t, Candidate>& candidates, const std::vector<int64_t>& declared) {
  std::vector<int64_t> placed(declared.size(), 0);
  for (const auto& [id, c] : candidates) {
    if (c.zone) ++placed[*c.zone];
  }
  for (auto& [id, c] : candidates) {
    if (c.zone) continue;
    size_t at = 0;
    while (at < declared.size() && placed[at] >= declared[at]) ++at;
    if (at == declared.size()) {
      at = static_cast<size_t>(std::min_element(placed.begin(), placed.end()) - placed.begin());
    }
    c.zone = at;
    ++placed[at];
  }
}

Server ServerOf(const Row& cluster, const Candidate& c, const Zone& zone) {
  const Value& h = *c.host->doc;
  Server s;
  s.id = ServerId(cluster.id, c.host->id);
  s.cluster_id = cluster.id;
  s.host_id = c.host->id;
  s.ip = std::string(Str(h, "innerIpAddress"));
  s.port = c.port.value_or(kDefaultRpcPort);
  s.sql_port = c.sql_port.value_or(kDefaultSqlPort);
  s.version = c.version.empty() ? std::string(Str(*cluster.doc, "obVersion")) : c.version;
  s.zone = zone.name;
  s.region = OptStr(h, "regionName");
  if (!s.region) s.region = zone.region;
  s.idc = OptStr(h, "idcName");
  if (!s.idc) s.idc = zone.idc;
  s.host_type = OptStr(h, "typeName");
  s.status = StatusOf(Str(*cluster.doc, "status"), c.host);
  s.inner_status = s.status == "UNAVAILABLE" || s.status == "STOPPED" ? "INACTIVE" : "ACTIVE";
  s.start_time = std::string(Str(*cluster.doc, "createTime"));
  if (s.start_time.empty()) s.start_time = std::string(Str(h, "createTime"));
  s.update_time = std::string(Str(h, "updateTime"));
  if (s.update_time.empty()) s.update_time = s.start_time;
  return s;
}

// "10.0.0.1:2882" or "10.0.0.1": the address and the port, if any.
std::pair<std::string_view, std::optional<int64_t>> SplitAddress(std::string_view address) {
  const size_t colon = address.rfind(':');
  if (colon == std::string_view::npos) return {address, std::nullopt};
  int64_t port = 0;
  const std::string_view digits = address.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size()) return {address, std::nullopt};
  return {address.substr(0, colon), port};
}

// The root servers the document's rootServers name by address ("ip:port" or "ip").
void MarkGivenRoots(ClusterTopology& t) {
  const Value* roots = Member(*t.cluster.doc, "rootServers", &Value::IsArray);
  if (roots == nullptr) return;
  for (const Value& r : roots->GetArray()) {
    if (!r.IsObject()) continue;
    const auto [ip, port] = SplitAddress(Str(r, "address"));
    for (Server& s : t.servers) {
      if (s.root || s.ip != ip || (port && *port != s.port)) continue;
      s.root = true;
      s.role = Str(r, "role") == "LEADER" ? "LEADER" : "FOLLOWER";
      t.roots_given = true;
      break;
    }
  }
}

// Marks the root servers: those the document names, else each zone's first, the first zone's
// the LEADER; and each zone's own.
void MarkRoots(ClusterTopology& t) {
  MarkGivenRoots(t);
  bool leader = false;
  for (Zone& z : t.zones) {
    if (!t.roots_given && !z.servers.empty()) {
      Server& first = t.servers[z.servers.front()];
      first.root = true;
      first.role = leader ? "FOLLOWER" : "LEADER";
      leader = true;
    }
    for (size_t i : z.servers) {
      if (t.servers[i].root) {
        z.root = i;
        break;
      }
    }
  }
}

void AddUnits(ClusterTopology& t, const std::vector<const Row*>& tenants) {
  for (const Row* tenant : tenants) {
    const Value& d = *tenant->doc;
    const Value* zones = Member(d, "zones", &Value::IsArray);
    if (zones == nullptr) continue;
    int64_t k = 0;
    for (const Value& z : zones->GetArray()) {
      if (!z.IsObject()) continue;
      const Zone* zone = t.FindZone(Str(z, "name"));
      if (zone == nullptr || zone->servers.empty()) continue;
      const Value* pool = Member(z, "resourcePool", &Value::IsObject);
      // At most one unit of a pool per server, as OceanBase places them: a pool asking more
      // (the create-tenant request is not checked for it) gets one per server, so a derivation
      // stays bounded by the hosts.
      const auto n = static_cast<int64_t>(zone->servers.size());
      const int64_t count =
          std::min(n, pool == nullptr ? 1 : OptInt(*pool, "unitCount").value_or(1));
      UnitConfig config = kDefaultUnitConfig;
      if (const Value* c =
              pool == nullptr ? nullptr : Member(*pool, "unitConfig", &Value::IsObject)) {
        config = {Num(*c, "maxCpuCoreCount", config.max_cpu),
                  Num(*c, "minCpuCoreCount", config.min_cpu),
                  OptInt(*c, "maxMemorySize").value_or(config.max_memory_gb),
                  OptInt(*c, "minMemorySize").value_or(config.min_memory_gb)};
      }
      for (int64_t j = 0; j < count; ++j) {
        t.units.push_back({UnitId(tenant->id, ++k), tenant->id, std::string(Str(d, "name")),
                           Int(d, "obTenantId"), pool == nullptr ? 0 : PoolId(*pool), zone->name,
                           zone->servers[static_cast<size_t>((tenant->id + j) % n)], config});
      }
    }
  }
}

ClusterTopology DeriveOne(const Row& cluster, const HostIndex& hosts,
                          const std::vector<const Row*>& tenants) {
  ClusterTopology t;
  t.cluster = cluster;
  std::vector<int64_t> declared;
  t.zones = ZonesOf(*cluster.doc, declared);
  if (t.zones.empty()) return t;
  std::map<int64_t, Candidate> candidates = CandidatesOf(*cluster.doc, hosts, t.zones);
  Place(candidates, declared);
  for (const auto& [host_id, c] : candidates) {  // host id ascending: server id ascending
    Zone& zone = t.zones[*c.zone];
    zone.servers.push_back(t.servers.size());
    t.servers.push_back(ServerOf(cluster, c, zone));
    if (zone.servers.size() == 1) {
      if (!zone.idc) zone.idc = t.servers.back().idc;
      if (!zone.region) zone.region = t.servers.back().region;
      zone.idc_id = OptInt(*c.host->doc, "idcId");
    }
  }
  MarkRoots(t);
  t.tenant_count = static_cast<int64_t>(tenants.size());
  AddUnits(t, tenants);
  return t;
}

}  // namespace

const Zone* ClusterTopology::FindZone(std::string_view name) const {
  for (const Zone& z : zones) {
    if (z.name == name) return &z;
  }
  return nullptr;
}

const ClusterTopology* Topology::Of(int64_t id) const {
  auto it = clusters_.find(id);
  return it == clusters_.end() ? nullptr : &it->second;
}

Topology DeriveTopology(const std::vector<Row>& clusters, const std::vector<Row>& tenants,
                        const std::vector<Row>& hosts) {
  const HostIndex index(hosts);
  std::map<int64_t, std::vector<const Row*>> by_cluster;
  for (const Row& t : tenants) by_cluster[Int(*t.doc, "clusterId")].push_back(&t);
  Topology out;
  for (const Row& c : clusters) {
    std::vector<const Row*>& own = by_cluster[c.id];
    std::sort(own.begin(), own.end(), [](const Row* a, const Row* b) { return a->id < b->id; });
    out.clusters().emplace(c.id, DeriveOne(c, index, own));
  }
  return out;
}

}  // namespace mock::entities
