#include "mock/families/clusters/cluster_task_json.h"

#include "mock/entities/entity_set.h"
#include "mock/quirks/client_ids.h"

namespace mock::families::clusters {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return "[" + out + "]";
}

std::string Ids(const std::vector<int64_t>& ids) {
  std::vector<std::string> text;
  for (int64_t id : ids) text.push_back(std::to_string(id));
  return Joined(text);
}

std::string Context(const std::vector<std::pair<std::string, std::string>>& strings,
                    const std::vector<std::pair<std::string, std::string>>& lists) {
  auto map = [](const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out;
    for (const auto& [key, value] : entries) out += (out.empty() ? "" : ", ") + key + "=" + value;
    return "{" + out + "}";
  };
  return "Context(parallelIdx=-1, stringMap=" + map(strings) + ", listMap=" + map(lists) + ")";
}

}  // namespace

std::string CreateContext(const ClusterPlan& plan, int64_t cluster_id, int64_t ob_cluster_id) {
  std::vector<std::string> zones;
  for (const ClusterPlan::Zone& z : plan.zones) zones.push_back(z.name);
  const std::string obid = std::to_string(ob_cluster_id);
  return Context({{"cluster_version", plan.ob_version},
                  {"cluster_name", plan.name},
                  {"ob_version", plan.ob_version},
                  {"service_name", plan.name + ":" + obid},
                  {"cluster_type", plan.type},
                  {"ob_cluster_id", obid},
                  {"service_type", "OB_CLUSTER"},
                  {"cluster_id", std::to_string(cluster_id)},
                  {"rpm_name", plan.rpm_name},
                  {"target_cluster_status", "RUNNING"}},
                 {{"host_ids", Ids(plan.HostIds())}, {"zone_names", Joined(zones)}});
}

std::string DeleteContext(const rapidjson::Value& cluster, int64_t cluster_id,
                          const std::vector<int64_t>& host_ids) {
  const std::string name(entities::Str(cluster, "name"));
  const std::string obid = std::to_string(entities::Int(cluster, "obClusterId"));
  return Context({{"cluster_name", name},
                  {"cluster_id", std::to_string(cluster_id)},
                  {"service_type", "OB_CLUSTER"},
                  {"former_cluster_status", std::string(entities::Str(cluster, "status"))},
                  {"service_name", name + ":" + obid},
                  {"service_version", std::string(entities::Str(cluster, "obVersion"))},
                  {"ob_cluster_id", obid}},
                 {{"host_ids", Ids(host_ids)}});
}

void WriteClusterTask(json::JsonWriter& w, const model::Task& task, const std::string& context,
                      const api::Quirks& quirks, bool created) {
  // Keys in alphabetical order, as the samples write them.
  const model::Cluster cluster = task.cluster.value_or(model::Cluster{});
  w.StartObject();
  w.Key("cluster");
  w.StartObject();
  w.Field("id", cluster.id);
  w.Field("name", cluster.name);
  w.Field("obClusterId", cluster.ob_cluster_id);
  w.EndObject();
  if (created) api::WriteClientId(w, quirks, "clusterId", cluster.id);
  w.Field("context", context);
  w.Key("creator");
  w.StartObject();
  w.Field("id", task.creator.id);
  w.Field("name", task.creator.name);
  w.EndObject();
  w.Field("id", task.id);
  w.Field("name", task.name);
  if (task.start_time) w.Field("startTime", task.start_time->text());
  w.Field("status", model::ToString(task.status));
  w.Key("tasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) {
    w.StartObject();
    w.Field("description", s.description);
    w.Array("downstreams", s.downstreams);
    w.Field("id", s.id);
    w.Field("name", s.name);
    w.Field("operation", model::ToString(s.operation));
    w.Field("status", model::ToString(s.status));
    w.Array("upstreams", s.upstreams);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace mock::families::clusters
