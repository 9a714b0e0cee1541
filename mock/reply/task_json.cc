#include "mock/reply/task_json.h"

namespace mock::api {
namespace {

void Str(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Int(JsonWriter& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}

void Time(JsonWriter& w, const char* key, const std::optional<model::Timestamp>& t) {
  if (t) Str(w, key, t->text());
}

void Ids(JsonWriter& w, const char* key, const std::vector<int64_t>& ids) {
  w.Key(key);
  w.StartArray();
  for (int64_t id : ids) w.Int64(id);
  w.EndArray();
}

void WriteCluster(JsonWriter& w, const model::Cluster& c) {
  w.Key("cluster");
  w.StartObject();
  Int(w, "id", c.id);
  Str(w, "name", c.name);
  Int(w, "obClusterId", c.ob_cluster_id);
  Str(w, "type", c.type);
  w.EndObject();
}

void WriteTenant(JsonWriter& w, const model::Tenant& t) {
  w.Key("tenant");
  w.StartObject();
  Int(w, "id", t.id);
  Str(w, "mode", t.mode);
  Str(w, "name", t.name);
  Int(w, "obTenantId", t.ob_tenant_id);
  w.EndObject();
}

void WriteCreator(JsonWriter& w, const model::Creator& c) {
  w.Key("creator");
  w.StartObject();
  Int(w, "id", c.id);
  Str(w, "name", c.name);
  w.EndObject();
}

void WriteBasicSubtask(JsonWriter& w, const model::Subtask& s) {
  w.StartObject();
  Str(w, "description", s.description);
  Int(w, "id", s.id);
  Str(w, "name", s.name);
  Str(w, "operation", model::ToString(s.operation));
  Str(w, "status", model::ToString(s.status));
  w.EndObject();
}

}  // namespace

void WriteBasicTask(JsonWriter& w, const model::Task& task) {
  w.StartObject();
  if (task.cluster) WriteCluster(w, *task.cluster);
  WriteCreator(w, task.creator);
  Time(w, "finishTime", task.finish_time);
  Int(w, "id", task.id);
  Str(w, "name", task.name);
  Time(w, "startTime", task.start_time);
  Str(w, "status", model::ToString(task.status));
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
  if (task.executor) Str(w, "executor", *task.executor);
  Time(w, "finishTime", task.finish_time);
  Int(w, "id", task.id);
  Str(w, "name", task.name);
  Str(w, "operation", model::ToString(task.operation));
  w.Key("prohibitRollback");
  w.Bool(task.prohibit_rollback);
  Time(w, "startTime", task.start_time);
  Str(w, "status", model::ToString(task.status));
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : task.subtasks) WriteSubtask(w, s);
  w.EndArray();
  Int(w, "taskDefinitionId", task.task_definition_id);
  if (task.tenant) WriteTenant(w, *task.tenant);
  Str(w, "type", model::ToString(task.type));
  w.EndObject();
}

void WriteSubtask(JsonWriter& w, const model::Subtask& s) {
  w.StartObject();
  Time(w, "createTime", s.create_time);
  Str(w, "description", s.description);
  Ids(w, "downstreams", s.downstreams);
  if (s.executor) Str(w, "executor", *s.executor);
  Time(w, "finishTime", s.finish_time);
  Int(w, "id", s.id);
  Str(w, "name", s.name);
  Str(w, "nodeType", s.node_type);
  Str(w, "operation", model::ToString(s.operation));
  Int(w, "parallelIdx", s.parallel_idx);
  w.Key("prohibitRollback");
  w.Bool(s.prohibit_rollback);
  Int(w, "runTime", s.run_time);
  Int(w, "seriesId", s.series_id);
  Time(w, "startTime", s.start_time);
  Str(w, "status", model::ToString(s.status));
  Int(w, "timeout", s.timeout);
  Ids(w, "upstreams", s.upstreams);
  w.EndObject();
}

}  // namespace mock::api
