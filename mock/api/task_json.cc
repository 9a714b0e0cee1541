#include "mock/api/task_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace mock::api {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void Int(Writer& w, const char* key, int64_t value) {
  w.Key(key);
  w.Int64(value);
}

void Time(Writer& w, const char* key, const std::optional<model::Timestamp>& t) {
  if (t) Str(w, key, t->text);
}

void WriteCluster(Writer& w, const model::Cluster& c) {
  w.Key("cluster");
  w.StartObject();
  Int(w, "id", c.id);
  Str(w, "name", c.name);
  Int(w, "obClusterId", c.ob_cluster_id);
  Str(w, "type", c.type);
  w.EndObject();
}

void WriteTenant(Writer& w, const model::Tenant& t) {
  w.Key("tenant");
  w.StartObject();
  Int(w, "id", t.id);
  Str(w, "mode", t.mode);
  Str(w, "name", t.name);
  Int(w, "obTenantId", t.ob_tenant_id);
  w.EndObject();
}

void WriteSubtasks(Writer& w, const std::vector<model::Subtask>& subtasks) {
  w.Key("subtasks");
  w.StartArray();
  for (const model::Subtask& s : subtasks) {
    w.StartObject();
    Str(w, "description", s.description);
    Int(w, "id", s.id);
    Str(w, "name", s.name);
    Str(w, "operation", model::ToString(s.operation));
    Str(w, "status", model::ToString(s.status));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string RenderBasicTask(const model::Task& task) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  if (task.cluster) WriteCluster(w, *task.cluster);
  w.Key("creator");
  w.StartObject();
  Int(w, "id", task.creator.id);
  Str(w, "name", task.creator.name);
  w.EndObject();
  Time(w, "finishTime", task.finish_time);
  Int(w, "id", task.id);
  Str(w, "name", task.name);
  Time(w, "startTime", task.start_time);
  Str(w, "status", model::ToString(task.status));
  WriteSubtasks(w, task.subtasks);
  if (task.tenant) WriteTenant(w, *task.tenant);
  w.EndObject();
  return {buf.GetString(), buf.GetSize()};
}

}  // namespace mock::api
