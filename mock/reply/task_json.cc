#include "mock/reply/task_json.h"

namespace mock::api {
namespace {

void Time(JsonWriter& w, const char* key, const std::optional<model::Timestamp>& t) {
  if (t) w.Field(key, t->text());
}

void WriteCluster(JsonWriter& w, const model::Cluster& c) {
  w.Key("cluster");
  w.StartObject();
  w.Field("id", c.id);
  w.Field("name", c.name);
  w.Field("obClusterId", c.ob_cluster_id);
  w.Field("type", c.type);
  w.EndObject();
}

void WriteTenant(JsonWriter& w, const model::Tenant& t) {
  w.Key("tenant");
  w.StartObject();
  w.Field("id", t.id);
  w.Field("mode", t.mode);
  w.Field("name", t.name);
  w.Field("obTenantId", t.ob_tenant_id);
  w.EndObject();
}

void WriteCreator(JsonWriter& w, const model::Creator& c) {
  w.Key("creator");
  w.StartObject();
  w.Field("id", c.id);
  w.Field("name", c.name);
  w.EndObject();
}

void WriteBasicSubtask(JsonWriter& w, const model::Subtask& s) {
  w.StartObject();
  w.Field("description", s.description);
  w.Field("id", s.id);
  w.Field("name", s.name);
  w.Field("operation", model::ToString(s.operation));
  w.Field("status", model::ToString(s.status));
  w.EndObject();
}

}  // namespace

void WriteBasicTask(JsonWriter& w, const model::Task& task) {
  w.StartObject();
  if (task.cluster) WriteCluster(w, *task.cluster);
  WriteCreator(w, task.creator);
  Time(w, "finishTime", task.finish_time);
  w.Field("id", task.id);
  w.Field("name", task.name);
  Time(w, "startTime", task.start_time);
  w.Field("status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) WriteBasicSubtask(w, s);
  w.EndArray();
  if (task.tenant) WriteTenant(w, *task.tenant);
  w.EndObject();
}

void WriteWrappedTask(JsonWriter& w, const model::Task& task) {
  w.StartObject();
  if (task.cluster) WriteCluster(w, *task.cluster);
  Time(w, "createTime", task.create_time);
  WriteCreator(w, task.creator);
  if (task.executor) w.Field("executor", *task.executor);
  Time(w, "finishTime", task.finish_time);
  w.Field("id", task.id);
  w.Field("name", task.name);
  w.Field("operation", model::ToString(task.operation));
  w.Field("prohibitRollback", task.prohibit_rollback);
  Time(w, "startTime", task.start_time);
  w.Field("status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) WriteSubtask(w, s);
  w.EndArray();
  w.Field("taskDefinitionId", task.task_definition_id);
  if (task.tenant) WriteTenant(w, *task.tenant);
  w.Field("type", model::ToString(task.type));
  w.EndObject();
}

void WriteSubtask(JsonWriter& w, const model::Subtask& s) {
  w.StartObject();
  Time(w, "createTime", s.create_time);
  w.Field("description", s.description);
  w.Array("downstreams", s.downstreams);
  if (s.executor) w.Field("executor", *s.executor);
  Time(w, "finishTime", s.finish_time);
  w.Field("id", s.id);
  w.Field("name", s.name);
  w.Field("nodeType", s.node_type);
  w.Field("operation", model::ToString(s.operation));
  w.Field("parallelIdx", int64_t{s.parallel_idx});
  w.Field("prohibitRollback", s.prohibit_rollback);
  w.Field("runTime", int64_t{s.run_time});
  w.Field("seriesId", s.series_id);
  Time(w, "startTime", s.start_time);
  w.Field("status", model::ToString(s.status));
  w.Field("timeout", int64_t{s.timeout});
  w.Array("upstreams", s.upstreams);
  w.EndObject();
}

}  // namespace mock::api
