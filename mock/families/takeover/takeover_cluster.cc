#include "mock/families/takeover/takeover_cluster.h"

#include "mock/reply/task_json.h"

namespace mock::families::takeover {
namespace {

using rapidjson::Value;
using Alloc = rapidjson::Document::AllocatorType;

Value S(std::string_view s, Alloc& a) {
  return Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), a);
}

std::optional<std::string> OptStr(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<int64_t> OptInt(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsInt64()) return std::nullopt;
  return it->value.GetInt64();
}

}  // namespace

Setting ParseSetting(const rapidjson::Value& doc) {
  Setting s;
  if (auto p = doc.FindMember("precheck"); p != doc.MemberEnd()) {
    s.valid = p->value["valid"].GetBool();
    if (auto m = p->value.FindMember("messages"); m != p->value.MemberEnd()) {
      for (const auto& text : m->value.GetArray()) s.messages.emplace_back(text.GetString());
    }
  }
  if (auto c = doc.FindMember("cluster"); c != doc.MemberEnd()) {
    s.cluster_name = OptStr(c->value, "name");
    s.ob_cluster_id = OptInt(c->value, "obClusterId");
    s.ob_version = OptStr(c->value, "obVersion");
    if (auto z = c->value.FindMember("zones"); z != c->value.MemberEnd()) {
      for (const auto& zone : z->value.GetArray()) {
        std::vector<std::string> servers;
        for (const auto& ip : zone["servers"].GetArray()) servers.emplace_back(ip.GetString());
        s.zones.emplace_back(zone["name"].GetString(), std::move(servers));
      }
    }
  }
  s.fail_subtask = OptStr(doc, "failSubtask");
  return s;
}

void WriteSetting(json::JsonWriter& w, const Setting& s) {
  w.StartObject();
  w.Key("precheck");
  w.StartObject();
  w.Field("valid", s.valid);
  w.Key("messages");
  w.StartArray();
  for (const auto& m : s.messages) w.String(m.c_str());
  w.EndArray();
  w.EndObject();
  w.Key("cluster");
  w.StartObject();
  w.OptionalField("name", s.cluster_name);
  w.OptionalField("obClusterId", s.ob_cluster_id);
  w.OptionalField("obVersion", s.ob_version);
  if (!s.zones.empty()) {
    w.Key("zones");
    w.StartArray();
    for (const auto& [name, servers] : s.zones) {
      w.StartObject();
      w.Field("name", name);
      w.Key("servers");
      w.StartArray();
      for (const auto& ip : servers) w.String(ip.c_str());
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.FieldOrNull("failSubtask", s.fail_subtask);
  w.EndObject();
}

Target TargetOf(const rapidjson::Value& request, const Setting& setting, int64_t cluster_id) {
  Target t;
  t.name = OptStr(request, "clusterName").value_or(setting.cluster_name.value_or("obcluster"));
  t.ob_cluster_id =
      OptInt(request, "obClusterId").value_or(setting.ob_cluster_id.value_or(200000 + cluster_id));
  t.ob_version = setting.ob_version.value_or("4.2.1.0");
  t.zones = setting.zones;
  if (t.zones.empty()) t.zones.push_back({"zone1", {*OptStr(request, "address")}});
  t.sql_port = static_cast<int>(OptInt(request, "port").value_or(2881));
  return t;
}

entities::Doc ClusterDoc(const Target& t, int64_t cluster_id,
                         const std::map<std::string, int64_t>& host_of, const std::string& now,
                         const std::string& creator) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  Value zones(rapidjson::kArrayType);
  Value roots(rapidjson::kArrayType);
  int64_t servers = 0;
  for (const auto& [zone_name, ips] : t.zones) {
    Value list(rapidjson::kArrayType);
    for (const std::string& ip : ips) {
      Value server(rapidjson::kObjectType);
      server.AddMember("hostId", host_of.at(ip), a).AddMember("ip", S(ip, a), a);
      server.AddMember("port", t.sql_port + 1, a).AddMember("sqlPort", t.sql_port, a);
      server.AddMember("status", "RUNNING", a);
      list.PushBack(server, a);
      // The first server of each zone is its root server, the first zone's the leader.
      if (&ip == &ips.front()) {
        Value root(rapidjson::kObjectType);
        root.AddMember("address", S(ip, a), a);
        root.AddMember("role", rapidjson::StringRef(roots.Empty() ? "LEADER" : "FOLLOWER"), a);
        root.AddMember("sql_port", t.sql_port, a);
        roots.PushBack(root, a);
      }
    }
    Value zone(rapidjson::kObjectType);
    zone.AddMember("name", S(zone_name, a), a).AddMember("idcName", "idc1", a);
    zone.AddMember("regionName", "region1", a);
    zone.AddMember("serverCount", static_cast<int64_t>(ips.size()), a);
    zone.AddMember("servers", list, a);
    zones.PushBack(zone, a);
    servers += static_cast<int64_t>(ips.size());
  }
  d.AddMember("id", cluster_id, a).AddMember("name", S(t.name, a), a);
  d.AddMember("obClusterId", t.ob_cluster_id, a).AddMember("type", "PRIMARY", a);
  d.AddMember("status", "RUNNING", a).AddMember("obVersion", S(t.ob_version, a), a);
  d.AddMember("creator", S(creator, a), a).AddMember("createTime", S(now, a), a);
  d.AddMember("regionCount", 1, a).AddMember("serverCount", servers, a);
  d.AddMember("rootServers", roots, a)
      .AddMember("standbyClusters", Value(rapidjson::kArrayType), a);
  d.AddMember("zones", zones, a);
  return entities::MakeDoc(std::move(d));
}

entities::Doc HostDoc(const Target& t, const rapidjson::Value& host_info, int64_t id,
                      const std::string& ip, const std::string& now) {
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  Value service(rapidjson::kObjectType);
  service.AddMember("name", S(t.name + ":" + std::to_string(t.ob_cluster_id), a), a);
  service.AddMember("softwarePackageId", Value(rapidjson::kNullType), a);
  service.AddMember("type", "OB_CLUSTER", a).AddMember("version", S(t.ob_version, a), a);
  Value services(rapidjson::kArrayType);
  services.PushBack(service, a);
  d.AddMember("id", id, a).AddMember("name", S(ip, a), a).AddMember("innerIpAddress", S(ip, a), a);
  d.AddMember("sshPort", OptInt(host_info, "sshPort").value_or(22), a);
  d.AddMember("kind", S(OptStr(host_info, "kind").value_or("DEDICATED_PHYSICAL_MACHINE"), a), a);
  d.AddMember("typeId", OptInt(host_info, "hostTypeId").value_or(0), a);
  d.AddMember("idcId", 1, a).AddMember("idcName", "idc1", a);
  d.AddMember("regionId", 1, a).AddMember("regionName", "region1", a);
  d.AddMember("status", "ONLINE", a).AddMember("hostAgentStatus", "AVAILABLE", a);
  d.AddMember("services", services, a);
  d.AddMember("createTime", S(now, a), a).AddMember("updateTime", S(now, a), a);
  return entities::MakeDoc(std::move(d));
}

void WriteTakeoverTask(json::JsonWriter& w, const model::Task& task, int64_t cluster_id) {
  // The fields and order of the entity operations' answer (mock/families/entities/entity_json.cc,
  // WriteAsyncTask), which async-task-instance.schema.json describes.
  w.StartObject();
  w.Field("clusterId", cluster_id);
  w.Field("creator", task.creator.name);
  if (task.executor) w.Field("executor", *task.executor);
  w.Field("id", task.id);
  w.Field("name", task.name);
  w.Field("operation", model::ToString(task.operation));
  w.Field("prohibitRollback", task.prohibit_rollback);
  if (task.start_time) w.Field("startTime", task.start_time->text());
  w.Field("status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) api::WriteSubtask(w, s);
  w.EndArray();
  w.Field("taskDefinitionId", task.task_definition_id);
  w.Field("type", model::ToString(task.type));
  w.EndObject();
}

}  // namespace mock::families::takeover
