#include "mock/entities/created_entities.h"

#include <algorithm>
#include <functional>

namespace mock::entities {
namespace {

using rapidjson::Value;
using Alloc = rapidjson::Document::AllocatorType;

Value S(std::string_view s, Alloc& a) {
  return Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

std::string_view Or(std::string_view v, std::string_view fallback) {
  return v.empty() ? fallback : v;
}

// The zones the request names, joined by `sep`.
std::string ZoneNames(const Value& zones, std::string_view sep) {
  std::string out;
  for (const Value& z : zones.GetArray()) {
    if (!out.empty()) out += sep;
    out += Str(z, "name");
  }
  return out;
}

// OCP's locality text: "FULL{1}@zone1, FULL{1}@zone2" (the create sample's).
std::string Locality(const Value& zones) {
  std::string out;
  for (const Value& z : zones.GetArray()) {
    if (!out.empty()) out += ", ";
    out += std::string(Str(z, "replicaType")) + "{1}@" + std::string(Str(z, "name"));
  }
  return out;
}

Value Zones(const Value& zones, const std::string& tenant, int64_t id, Alloc& a) {
  Value out(rapidjson::kArrayType);
  int64_t pool_id = id * 10;
  for (const Value& z : zones.GetArray()) {
    const Value& pool = z["resourcePool"];
    Value p(rapidjson::kObjectType);
    p.AddMember("id", ++pool_id, a);
    p.AddMember("name", S(tenant + "_pool_" + std::string(Str(z, "name")), a), a);
    p.AddMember("unitCount", Int(pool, "unitCount"), a);
    Value zone(rapidjson::kObjectType);
    zone.AddMember("name", S(Str(z, "name"), a), a);
    zone.AddMember("replicaType", S(Str(z, "replicaType"), a), a);
    zone.AddMember("resourcePool", p, a);
    out.PushBack(zone, a);
  }
  return out;
}

Doc Copy(const Doc& doc, const std::function<void(rapidjson::Document&)>& change) {
  rapidjson::Document d;
  d.CopyFrom(*doc, d.GetAllocator());
  change(d);
  return MakeDoc(std::move(d));
}

void Set(rapidjson::Document& d, const char* key, Value v) {
  auto it = d.FindMember(key);
  if (it != d.MemberEnd()) {
    it->value = v;
  } else {
    d.AddMember(Value(key, d.GetAllocator()), v, d.GetAllocator());
  }
}

}  // namespace

Doc MakeTenant(const Value& request, const Value& cluster, int64_t id, int64_t ob_tenant_id,
               const std::string& now) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  const std::string name(Str(request, "name"));
  const std::string_view mode = Or(Str(request, "mode"), "MYSQL");
  const Value& zones = request["zones"];
  d.AddMember("id", id, a).AddMember("name", S(name, a), a);
  d.AddMember("clusterId", Int(cluster, "id"), a);
  d.AddMember("clusterName", S(Str(cluster, "name"), a), a);
  d.AddMember("clusterType", S(Or(Str(cluster, "type"), "PRIMARY"), a), a);
  d.AddMember("obClusterId", Int(cluster, "obClusterId"), a);
  if (!Str(cluster, "obVersion").empty())
    d.AddMember("obVersion", S(Str(cluster, "obVersion"), a), a);
  d.AddMember("obTenantId", ob_tenant_id, a).AddMember("mode", S(mode, a), a);
  d.AddMember("createTime", S(now, a), a).AddMember("status", "NORMAL", a);
  d.AddMember("locked", false, a).AddMember("readonly", false, a);
  d.AddMember("primaryZone", S(Or(Str(request, "primaryZone"), ZoneNames(zones, ",")), a), a);
  d.AddMember("zoneList", S(ZoneNames(zones, ";"), a), a);
  d.AddMember("locality", S(Locality(zones), a), a);
  if (request.HasMember("description"))
    d.AddMember("description", S(Str(request, "description"), a), a);
  d.AddMember("charset", S(Or(Str(request, "charset"), "utf8mb4"), a), a);
  if (mode == "MYSQL")
    d.AddMember("collation", S(Or(Str(request, "collation"), "utf8mb4_general_ci"), a), a);
  d.AddMember("whitelist", S(Or(Str(request, "whitelist"), "%"), a), a);
  d.AddMember("zones", Zones(zones, name, id, a), a);
  return MakeDoc(std::move(d));
}

Doc MakeHost(const Value& request, const Value& data, int64_t id, const std::string& now) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  const std::string_view ip = Str(data, "innerIpAddress");
  d.AddMember("id", id, a).AddMember("name", S(ip, a), a);
  d.AddMember("innerIpAddress", S(ip, a), a);
  if (!Str(data, "serialNumber").empty())
    d.AddMember("serialNumber", S(Str(data, "serialNumber"), a), a);
  if (!Str(request, "alias").empty()) d.AddMember("alias", S(Str(request, "alias"), a), a);
  if (!Str(request, "description").empty())
    d.AddMember("description", S(Str(request, "description"), a), a);
  d.AddMember("sshPort", Int(request, "sshPort"), a);
  d.AddMember("kind", S(Str(request, "kind"), a), a);
  d.AddMember("idcId", Int(request, "idcId"), a).AddMember("typeId", Int(request, "typeId"), a);
  d.AddMember("status", "AVAILABLE", a).AddMember("hostAgentStatus", "AVAILABLE", a);
  d.AddMember("services", Value(rapidjson::kArrayType), a);
  d.AddMember("createTime", S(now, a), a).AddMember("updateTime", S(now, a), a);
  return MakeDoc(std::move(d));
}

Doc MakeCluster(const NewCluster& c, int64_t id) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  Value zones(rapidjson::kArrayType);
  Value roots(rapidjson::kArrayType);
  std::vector<std::string_view> regions;
  int64_t servers = 0;
  for (const NewCluster::Zone& z : c.zones) {
    Value list(rapidjson::kArrayType);
    for (const NewCluster::Server& s : z.servers) {
      Value server(rapidjson::kObjectType);
      server.AddMember("hostId", s.host_id, a).AddMember("ip", S(s.ip, a), a);
      server.AddMember("port", c.sql_port + 1, a).AddMember("sqlPort", c.sql_port, a);
      server.AddMember("status", "RUNNING", a);
      list.PushBack(server, a);
    }
    if (!z.servers.empty()) {
      Value root(rapidjson::kObjectType);
      root.AddMember("address", S(z.servers.front().ip, a), a);
      root.AddMember("role", rapidjson::StringRef(roots.Empty() ? "LEADER" : "FOLLOWER"), a);
      root.AddMember("sql_port", c.sql_port, a);
      roots.PushBack(root, a);
    }
    Value zone(rapidjson::kObjectType);
    zone.AddMember("name", S(z.name, a), a).AddMember("idcName", S(z.idc_name, a), a);
    if (!z.region_name.empty()) zone.AddMember("regionName", S(z.region_name, a), a);
    zone.AddMember("serverCount", static_cast<int64_t>(z.servers.size()), a);
    zone.AddMember("servers", list, a);
    zones.PushBack(zone, a);
    servers += static_cast<int64_t>(z.servers.size());
    if (std::find(regions.begin(), regions.end(), z.region_name) == regions.end())
      regions.push_back(z.region_name);
  }
  d.AddMember("id", id, a).AddMember("name", S(c.name, a), a);
  d.AddMember("obClusterId", c.ob_cluster_id, a).AddMember("type", S(c.type, a), a);
  d.AddMember("status", "RUNNING", a).AddMember("obVersion", S(c.ob_version, a), a);
  d.AddMember("creator", S(c.creator, a), a).AddMember("createTime", S(c.now, a), a);
  d.AddMember("regionCount", static_cast<int64_t>(regions.size()), a);
  d.AddMember("serverCount", servers, a);
  d.AddMember("rootServers", roots, a)
      .AddMember("standbyClusters", Value(rapidjson::kArrayType), a);
  d.AddMember("zones", zones, a);
  return MakeDoc(std::move(d));
}

Doc WithStatus(const Doc& doc, const char* status) {
  return Copy(doc, [status](rapidjson::Document& d) {
    Set(d, "status", Value(rapidjson::StringRef(status)));
    if (d.HasMember("hostAgentStatus")) Set(d, "hostAgentStatus", Value(rapidjson::kNullType));
  });
}

Doc WithClusterService(const Doc& host, const std::string& name, const std::string& version) {
  return Copy(host, [&name, &version](rapidjson::Document& d) {
    auto& a = d.GetAllocator();
    Value service(rapidjson::kObjectType);
    service.AddMember("name", S(name, a), a);
    service.AddMember("softwarePackageId", Value(rapidjson::kNullType), a);
    service.AddMember("type", "OB_CLUSTER", a).AddMember("version", S(version, a), a);
    if (!d.HasMember("services") || !d["services"].IsArray())
      Set(d, "services", Value(rapidjson::kArrayType));
    d["services"].PushBack(service, a);
  });
}

Doc WithoutService(const Doc& host, const std::string& name) {
  return Copy(host, [&name](rapidjson::Document& d) {
    auto it = d.FindMember("services");
    if (it == d.MemberEnd() || !it->value.IsArray()) return;
    Value& services = it->value;
    for (auto s = services.Begin(); s != services.End();) {
      s = s->IsObject() && Str(*s, "name") == name ? services.Erase(s) : s + 1;
    }
  });
}

Doc WithBool(const Doc& doc, const char* key, bool value) {
  return Copy(doc, [key, value](rapidjson::Document& d) { Set(d, key, Value(value)); });
}

}  // namespace mock::entities
