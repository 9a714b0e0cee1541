#include "mock/families/takeover/takeover_cluster.h"

#include "mock/entities/created_entities.h"
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
  // The document a created cluster has too (mock/entities/created_entities.h), in OCP's IDC and
  // region the takeover's hosts are given (HostDoc).
  entities::NewCluster c;
  c.name = t.name;
  c.ob_cluster_id = t.ob_cluster_id;
  c.ob_version = t.ob_version;
  c.sql_port = t.sql_port;
  c.creator = creator;
  c.now = now;
  for (const auto& [zone_name, ips] : t.zones) {
    entities::NewCluster::Zone zone{zone_name, "idc1", "region1", {}};
    for (const std::string& ip : ips) zone.servers.push_back({host_of.at(ip), ip});
    c.zones.push_back(std::move(zone));
  }
  return entities::MakeCluster(c, cluster_id);
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
