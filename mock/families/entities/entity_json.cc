#include "mock/families/entities/entity_json.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "mock/entities/topology_json.h"
#include "mock/reply/task_json.h"

namespace mock::api {
namespace {

using rapidjson::Value;

// The tenant list item's fields (ob-tenant.schema.json).
constexpr std::array<const char*, 16> kTenantListFields = {
    "clusterId",   "clusterName", "clusterType", "createTime", "description", "id",
    "locality",    "locked",      "mode",        "name",       "obClusterId", "obVersion",
    "primaryZone", "readonly",    "status",      "zoneList"};

// Every documented Host field (host.schema.json), alphabetically.
constexpr std::array<const char*, 28> kHostFields = {"alias",
                                                     "architecture",
                                                     "createTime",
                                                     "description",
                                                     "hostAgentId",
                                                     "hostAgentStatus",
                                                     "hostAgentVersion",
                                                     "id",
                                                     "idcDescription",
                                                     "idcId",
                                                     "idcName",
                                                     "innerIpAddress",
                                                     "kind",
                                                     "name",
                                                     "operatingSystem",
                                                     "operatingSystemRelease",
                                                     "publishPorts",
                                                     "regionDescription",
                                                     "regionId",
                                                     "regionName",
                                                     "serialNumber",
                                                     "services",
                                                     "sshPort",
                                                     "status",
                                                     "typeDescription",
                                                     "typeId",
                                                     "typeName",
                                                     "updateTime"};

std::string_view Name(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

void WriteNumber(json::JsonWriter& w, const Value& v) {
  if (v.IsInt64()) {
    w.Int64(v.GetInt64());
  } else if (v.IsUint64()) {
    w.Uint64(v.GetUint64());
  } else {
    char text[64];
    const int n = std::snprintf(text, sizeof text, "%.2f", v.GetDouble());
    w.RawValue(text, static_cast<size_t>(n), rapidjson::kNumberType);
  }
}

// The members of `object`, sorted by key.
std::vector<const Value::Member*> SortedMembers(const Value& object) {
  std::vector<const Value::Member*> members;
  for (const auto& m : object.GetObject()) members.push_back(&m);
  std::sort(members.begin(), members.end(), [](const Value::Member* a, const Value::Member* b) {
    return Name(a->name) < Name(b->name);
  });
  return members;
}

void Key(json::JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

// A member written in place of an object's own (or where its key sorts, when it has none).
using Override = std::pair<std::string_view, std::function<void(json::JsonWriter&)>>;

// `object` with its keys sorted (WriteSorted), each of `with` written by its function instead.
void WriteWith(json::JsonWriter& w, const Value& object, std::vector<Override> with) {
  std::sort(with.begin(), with.end(),
            [](const Override& a, const Override& b) { return a.first < b.first; });
  auto next = with.begin();
  w.StartObject();
  for (const Value::Member* m : SortedMembers(object)) {
    const std::string_view name = Name(m->name);
    for (; next != with.end() && next->first <= name; ++next) {
      Key(w, next->first);
      next->second(w);
    }
    if (std::any_of(with.begin(), with.end(),
                    [name](const Override& o) { return o.first == name; }))
      continue;
    Key(w, name);
    WriteSorted(w, m->value);
  }
  for (; next != with.end(); ++next) {
    Key(w, next->first);
    next->second(w);
  }
  w.EndObject();
}

// A cluster's zones as its document gives them, each with the servers the topology places in
// it (entities/cluster_topology.h) and their count.
void WriteClusterZones(json::JsonWriter& w, const Value& zones,
                       const entities::ClusterTopology& t) {
  w.StartArray();
  for (const Value& z : zones.GetArray()) {
    const entities::Zone* zone = z.IsObject() ? t.FindZone(entities::Str(z, "name")) : nullptr;
    if (zone == nullptr) {
      WriteSorted(w, z);
      continue;
    }
    const auto count = static_cast<int64_t>(zone->servers.size());
    std::vector<Override> with = {{"serverCount", [count](json::JsonWriter& o) { o.Int64(count); }},
                                  {"servers", [zone, &t](json::JsonWriter& o) {
                                     o.StartArray();
                                     for (size_t i : zone->servers)
                                       entities::WriteServer(o, t.servers[i]);
                                     o.EndArray();
                                   }}};
    if (z.HasMember("hostCount"))
      with.emplace_back("hostCount", [count](json::JsonWriter& o) { o.Int64(count); });
    WriteWith(w, z, std::move(with));
  }
  w.EndArray();
}

// What a cluster's topology puts in its document: its server count, its zones' servers and,
// unless the document names them, its root servers.
void AddTopology(const Value& cluster, const entities::ClusterTopology& t,
                 std::vector<Override>& with) {
  const auto count = static_cast<int64_t>(t.servers.size());
  with.emplace_back("serverCount", [count](json::JsonWriter& o) { o.Int64(count); });
  auto zones = cluster.FindMember("zones");
  if (zones != cluster.MemberEnd() && zones->value.IsArray()) {
    const Value& list = zones->value;
    with.emplace_back("zones", [&list, &t](json::JsonWriter& o) { WriteClusterZones(o, list, t); });
  }
  const bool any = std::any_of(t.zones.begin(), t.zones.end(),
                               [](const entities::Zone& z) { return z.root.has_value(); });
  if (t.roots_given || (!any && !cluster.HasMember("rootServers"))) return;
  with.emplace_back("rootServers", [&t](json::JsonWriter& o) {
    o.StartArray();
    for (const entities::Zone& z : t.zones) {
      if (z.root) entities::WriteRootServer(o, t.servers[*z.root]);
    }
    o.EndArray();
  });
}

// A tenant's zones as its document gives them, each with the units the topology places there.
void WriteTenantZones(json::JsonWriter& w, const Value& zones, const entities::ClusterTopology& t,
                      int64_t tenant_id) {
  w.StartArray();
  for (const Value& z : zones.GetArray()) {
    if (!z.IsObject()) {
      WriteSorted(w, z);
      continue;
    }
    const std::string_view name = entities::Str(z, "name");
    WriteWith(w, z, {{"units", [&t, name, tenant_id](json::JsonWriter& o) {
                        o.StartArray();
                        for (const entities::Unit& u : t.units) {
                          if (u.tenant_id == tenant_id && u.zone == name)
                            entities::WriteTenantUnit(o, u, t.servers[u.server]);
                        }
                        o.EndArray();
                      }}});
  }
  w.EndArray();
}

}  // namespace

void WriteSorted(json::JsonWriter& w, const Value& value) {
  if (value.IsObject()) {
    w.StartObject();
    for (const Value::Member* m : SortedMembers(value)) {
      Key(w, Name(m->name));
      WriteSorted(w, m->value);
    }
    w.EndObject();
  } else if (value.IsArray()) {
    w.StartArray();
    for (const Value& v : value.GetArray()) WriteSorted(w, v);
    w.EndArray();
  } else if (value.IsNumber()) {
    WriteNumber(w, value);
  } else {
    value.Accept(w);
  }
}

void WriteCluster(json::JsonWriter& w, const entities::Row& cluster, int64_t tenant_count,
                  const entities::ClusterTopology* topology) {
  std::vector<Override> with = {
      {"tenantCount", [tenant_count](json::JsonWriter& o) { o.Int64(tenant_count); }}};
  if (topology != nullptr) AddTopology(*cluster.doc, *topology, with);
  WriteWith(w, *cluster.doc, std::move(with));
}

void WriteTenantListItem(json::JsonWriter& w, const entities::Row& tenant) {
  w.StartObject();
  for (const char* field : kTenantListFields) {
    auto it = tenant.doc->FindMember(field);
    if (it == tenant.doc->MemberEnd()) continue;
    w.Key(field);
    WriteSorted(w, it->value);
  }
  w.EndObject();
}

void WriteTenantDetail(json::JsonWriter& w, const entities::Row& tenant,
                       const entities::ClusterTopology* topology) {
  auto zones = tenant.doc->FindMember("zones");
  if (topology == nullptr || zones == tenant.doc->MemberEnd() || !zones->value.IsArray()) {
    WriteSorted(w, *tenant.doc);
    return;
  }
  const Value& list = zones->value;
  WriteWith(w, *tenant.doc, {{"zones", [&list, topology, id = tenant.id](json::JsonWriter& o) {
                                WriteTenantZones(o, list, *topology, id);
                              }}});
}

void WriteHost(json::JsonWriter& w, const entities::Row& host) {
  w.StartObject();
  for (const char* field : kHostFields) {
    w.Key(field);
    auto it = host.doc->FindMember(field);
    if (it == host.doc->MemberEnd()) {
      w.Null();
    } else {
      WriteSorted(w, it->value);
    }
  }
  w.EndObject();
}

void WriteAsyncTask(json::JsonWriter& w, const model::Task& task, const AsyncSubject& subject) {
  w.StartObject();
  w.OptionalField("clusterId", subject.cluster_id);
  // As a const char*, up to a first NUL, as these three always were.
  w.Field("creator", task.creator.name.c_str());
  if (task.executor) w.Field("executor", task.executor->c_str());
  w.OptionalField("hostId", subject.host_id);
  w.Field("id", task.id);
  w.Field("name", task.name.c_str());
  w.Field("operation", model::ToString(task.operation));
  // The host sample has neither prohibitRollback nor taskDefinitionId; the tenant sample both.
  if (!subject.host_id) w.Field("prohibitRollback", task.prohibit_rollback);
  if (task.start_time) w.Field("startTime", task.start_time->text());
  w.Field("status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) WriteSubtask(w, s);
  w.EndArray();
  if (!subject.host_id) w.Field("taskDefinitionId", task.task_definition_id);
  w.OptionalField("tenantId", subject.tenant_id);
  w.Field("type", model::ToString(task.type));
  w.EndObject();
}

}  // namespace mock::api
