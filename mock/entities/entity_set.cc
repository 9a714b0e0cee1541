#include "mock/entities/entity_set.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace mock::entities {
namespace {

using rapidjson::Value;

// The defaults of derived entities (docs/entities.md).
constexpr std::string_view kDefaultTime = "2023-01-01T00:00:00+08:00";
constexpr std::string_view kDefaultObVersion = "4.2.1.0";

// What the tasks say about one cluster, tenant or host.
struct Seen {
  std::string earliest;  // the earliest createTime (or startTime) of its tasks
  int64_t earliest_ms = INT64_MAX;
  std::set<int64_t> clusters;  // for a host: the clusters of its tasks
  std::set<int64_t> hosts;     // for a cluster: the hosts of its tasks
};

void See(Seen& seen, const model::Task& task) {
  const auto& t = task.create_time ? task.create_time : task.start_time;
  if (t && t->epoch_ms < seen.earliest_ms) {
    seen.earliest_ms = t->epoch_ms;
    seen.earliest = std::string(t->text());
  }
}

std::string TimeOf(const Seen& seen) {
  return seen.earliest.empty() ? std::string(kDefaultTime) : seen.earliest;
}

class Builder {
 public:
  Builder() { doc_.SetObject(); }
  Builder& S(const char* key, std::string_view v) {
    doc_.AddMember(Value(key, a()),
                   Value(v.data(), static_cast<rapidjson::SizeType>(v.size()), a()), a());
    return *this;
  }
  Builder& I(const char* key, int64_t v) {
    doc_.AddMember(Value(key, a()), Value(v), a());
    return *this;
  }
  Builder& B(const char* key, bool v) {
    doc_.AddMember(Value(key, a()), Value(v), a());
    return *this;
  }
  Builder& Null(const char* key) {
    doc_.AddMember(Value(key, a()), Value(rapidjson::kNullType), a());
    return *this;
  }
  Builder& V(const char* key, Value v) {
    doc_.AddMember(Value(key, a()), v, a());
    return *this;
  }
  rapidjson::Document::AllocatorType& a() { return doc_.GetAllocator(); }
  Doc Done() { return MakeDoc(std::move(doc_)); }

 private:
  rapidjson::Document doc_;
};

Value JStr(std::string_view s, rapidjson::Document::AllocatorType& a) {
  return Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

Doc DeriveCluster(const model::Cluster& c, const Seen& seen) {
  Builder b;
  auto& a = b.a();
  Value zone(rapidjson::kObjectType);
  zone.AddMember("name", "zone1", a).AddMember("idcName", "idc1", a);
  zone.AddMember("regionName", "region1", a);
  zone.AddMember("serverCount", static_cast<int64_t>(seen.hosts.size()), a);
  zone.AddMember("servers", Value(rapidjson::kArrayType), a);
  Value zones(rapidjson::kArrayType);
  zones.PushBack(zone, a);
  b.I("id", c.id).S("name", c.name).I("obClusterId", c.ob_cluster_id).S("type", c.type);
  b.S("status", "RUNNING").S("obVersion", kDefaultObVersion).S("creator", "admin");
  b.S("createTime", TimeOf(seen)).I("regionCount", 1);
  b.I("serverCount", static_cast<int64_t>(seen.hosts.size()));
  b.V("rootServers", Value(rapidjson::kArrayType))
      .V("standbyClusters", Value(rapidjson::kArrayType));
  return b.V("zones", std::move(zones)).Done();
}

Doc DeriveTenant(const model::Tenant& t, const rapidjson::Value& cluster, const Seen& seen) {
  Builder b;
  auto& a = b.a();
  Value config(rapidjson::kObjectType);
  config.AddMember("maxCpuCoreCount", 2.0, a).AddMember("minCpuCoreCount", 2.0, a);
  config.AddMember("maxMemorySize", 8, a).AddMember("minMemorySize", 8, a);
  Value pool(rapidjson::kObjectType);
  pool.AddMember("id", t.id, a).AddMember("name", JStr(t.name + "_pool", a), a);
  pool.AddMember("unitCount", 1, a).AddMember("unitConfig", config, a);
  Value zone(rapidjson::kObjectType);
  zone.AddMember("name", "zone1", a).AddMember("replicaType", "FULL", a);
  zone.AddMember("resourcePool", pool, a).AddMember("units", Value(rapidjson::kArrayType), a);
  Value zones(rapidjson::kArrayType);
  zones.PushBack(zone, a);
  b.I("id", t.id).S("name", t.name).I("obTenantId", t.ob_tenant_id).S("mode", t.mode);
  b.I("clusterId", Int(cluster, "id")).S("clusterName", entities::Str(cluster, "name"));
  b.I("obClusterId", Int(cluster, "obClusterId")).S("clusterType", entities::Str(cluster, "type"));
  b.S("obVersion", entities::Str(cluster, "obVersion")).S("status", "NORMAL");
  b.B("locked", false).B("readonly", false).S("createTime", TimeOf(seen));
  b.S("primaryZone", "zone1").S("zoneList", "zone1").S("locality", "FULL{1}@zone1");
  b.S("charset", "utf8mb4");
  if (t.mode == "MYSQL") b.S("collation", "utf8mb4_general_ci");
  return b.S("whitelist", "%").V("zones", std::move(zones)).Done();
}

std::string IpOf(int64_t id) {
  auto octet = [&](int shift) { return std::to_string((id >> shift) & 0xff); };
  return "10." + octet(16) + "." + octet(8) + "." + octet(0);
}

Doc DeriveHost(int64_t id, const Seen& seen, const EntitySet& set) {
  Builder b;
  auto& a = b.a();
  Value services(rapidjson::kArrayType);
  for (int64_t cluster_id : seen.clusters) {
    const Row* c = set.Find(Kind::kCluster, cluster_id);
    if (c == nullptr) continue;
    Value s(rapidjson::kObjectType);
    s.AddMember("name",
                JStr(std::string(entities::Str(*c->doc, "name")) + ":" +
                         std::to_string(Int(*c->doc, "obClusterId")),
                     a),
                a);
    s.AddMember("softwarePackageId", Value(rapidjson::kNullType), a);
    s.AddMember("type", "OB_CLUSTER", a);
    s.AddMember("version", JStr(entities::Str(*c->doc, "obVersion"), a), a);
    services.PushBack(s, a);
  }
  b.I("id", id).S("name", "host-" + std::to_string(id)).S("innerIpAddress", IpOf(id));
  b.I("sshPort", 22).S("kind", "DEDICATED_PHYSICAL_MACHINE").S("status", "ONLINE");
  b.S("architecture", "x86_64").S("operatingSystem", "Linux").S("operatingSystemRelease", "el7");
  b.I("idcId", 1).S("idcName", "idc1").I("regionId", 1).S("regionName", "region1");
  b.I("typeId", 1).S("typeName", "default").S("hostAgentStatus", "AVAILABLE");
  b.S("createTime", TimeOf(seen)).S("updateTime", TimeOf(seen));
  return b.V("services", std::move(services)).Done();
}

Status Mismatch(const model::Task& task, std::string_view what, int64_t id, std::string_view field,
                const std::string& described, const std::string& named, const Row& row) {
  return InvalidArgument("task " + std::to_string(task.id) + ": " + std::string(what) + " " +
                         std::to_string(id) + " has " + std::string(field) + " \"" + named +
                         "\" in the task but \"" + described + "\" in " + row.origin.str());
}

Status CheckTask(const model::Task& task, const EntitySet& set) {
  if (task.cluster) {
    const model::Cluster& c = *task.cluster;
    const Row* row = set.Find(Kind::kCluster, c.id);
    if (row != nullptr) {
      const auto& d = *row->doc;
      if (Str(d, "name") != c.name)
        return Mismatch(task, "cluster", c.id, "name", std::string(Str(d, "name")), c.name, *row);
      if (Int(d, "obClusterId") != c.ob_cluster_id)
        return Mismatch(task, "cluster", c.id, "obClusterId", std::to_string(Int(d, "obClusterId")),
                        std::to_string(c.ob_cluster_id), *row);
      if (Str(d, "type") != c.type)
        return Mismatch(task, "cluster", c.id, "type", std::string(Str(d, "type")), c.type, *row);
    }
  }
  if (task.tenant && task.cluster) {
    const model::Tenant& t = *task.tenant;
    const Row* row = set.Find(Kind::kTenant, t.id);
    if (row != nullptr) {
      const auto& d = *row->doc;
      if (Str(d, "name") != t.name)
        return Mismatch(task, "tenant", t.id, "name", std::string(Str(d, "name")), t.name, *row);
      if (Str(d, "mode") != t.mode)
        return Mismatch(task, "tenant", t.id, "mode", std::string(Str(d, "mode")), t.mode, *row);
      if (Int(d, "clusterId") != task.cluster->id)
        return Mismatch(task, "tenant", t.id, "clusterId", std::to_string(Int(d, "clusterId")),
                        std::to_string(task.cluster->id), *row);
      if (d.HasMember("obTenantId") && Int(d, "obTenantId") != t.ob_tenant_id)
        return Mismatch(task, "tenant", t.id, "obTenantId", std::to_string(Int(d, "obTenantId")),
                        std::to_string(t.ob_tenant_id), *row);
    }
  }
  return Status();
}

// A described tenant's cluster must be described or named by a task, and agree with it.
Status CheckTenantClusters(const EntitySet& set) {
  for (const Row& t : set.tenants) {
    const int64_t cluster_id = Int(*t.doc, "clusterId");
    const Row* c = set.Find(Kind::kCluster, cluster_id);
    if (c == nullptr) {
      return InvalidArgument(t.origin.str() + ": tenant " + std::to_string(t.id) +
                             " names cluster " + std::to_string(cluster_id) +
                             ", which no entity file describes and no task names");
    }
    if (t.doc->HasMember("clusterName") && Str(*t.doc, "clusterName") != Str(*c->doc, "name")) {
      return InvalidArgument(t.origin.str() + ": tenant " + std::to_string(t.id) +
                             " has clusterName \"" + std::string(Str(*t.doc, "clusterName")) +
                             "\" but cluster " + std::to_string(cluster_id) + " is \"" +
                             std::string(Str(*c->doc, "name")) + "\" in " + c->origin.str());
    }
  }
  return Status();
}

}  // namespace

std::string_view KindName(Kind kind) {
  switch (kind) {
    case Kind::kCluster:
      return "cluster";
    case Kind::kTenant:
      return "tenant";
    case Kind::kHost:
      return "host";
  }
  return "";
}

std::vector<Row>& EntitySet::Of(Kind kind) {
  return kind == Kind::kCluster ? clusters : kind == Kind::kTenant ? tenants : hosts;
}

const std::vector<Row>& EntitySet::Of(Kind kind) const {
  return kind == Kind::kCluster ? clusters : kind == Kind::kTenant ? tenants : hosts;
}

const Row* EntitySet::Find(Kind kind, int64_t id) const {
  for (const Row& row : Of(kind)) {
    if (row.id == id) return &row;
  }
  return nullptr;
}

std::string_view Str(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

int64_t Int(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

bool Bool(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

Doc MakeDoc(rapidjson::Document doc) {
  return std::make_shared<const rapidjson::Document>(std::move(doc));
}

Status Complete(EntitySet& set, const std::vector<model::Task>& tasks) {
  std::map<int64_t, Seen> clusters, tenants, hosts;
  std::map<int64_t, const model::Task*> cluster_of, tenant_of;
  for (const model::Task& task : tasks) {
    if (Status s = CheckTask(task, set); !s.ok()) return s;
    if (task.cluster) {
      Seen& c = clusters[task.cluster->id];
      See(c, task);
      c.hosts.insert(task.host_ids.begin(), task.host_ids.end());
      cluster_of.emplace(task.cluster->id, &task);
      if (task.tenant) {
        See(tenants[task.tenant->id], task);
        tenant_of.emplace(task.tenant->id, &task);
      }
    }
    for (int64_t h : task.host_ids) {
      See(hosts[h], task);
      if (task.cluster) hosts[h].clusters.insert(task.cluster->id);
    }
  }
  for (const auto& [id, task] : cluster_of) {
    if (set.Find(Kind::kCluster, id) == nullptr)
      set.clusters.push_back({id, DeriveCluster(*task->cluster, clusters[id]), kDerived});
  }
  for (const auto& [id, task] : tenant_of) {
    if (set.Find(Kind::kTenant, id) != nullptr) continue;
    const Row* cluster = set.Find(Kind::kCluster, task->cluster->id);
    set.tenants.push_back({id, DeriveTenant(*task->tenant, *cluster->doc, tenants[id]), kDerived});
  }
  for (const auto& [id, seen] : hosts) {
    if (set.Find(Kind::kHost, id) == nullptr)
      set.hosts.push_back({id, DeriveHost(id, seen, set), kDerived});
  }
  if (Status s = CheckTenantClusters(set); !s.ok()) return s;
  for (Kind k : {Kind::kCluster, Kind::kTenant, Kind::kHost}) {
    std::sort(set.Of(k).begin(), set.Of(k).end(),
              [](const Row& a, const Row& b) { return a.id < b.id; });
  }
  return Status();
}

}  // namespace mock::entities
