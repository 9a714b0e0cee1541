#include "mock/entities/operation_tasks.h"

#include <array>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/loader/fixture_loader.h"

namespace mock::entities {
namespace {

struct SubtaskDef {
  const char* name;
  int series_id;
  int timeout;
};

// In the documented chain's order; the first is READY, the others PENDING.
constexpr std::array<SubtaskDef, 10> kCreateTenant = {{
    {"Prepare create tenant", 6, 30},
    {"Create ob tenant", 4, 1200},
    {"Sync tenant information", 5, 300},
    {"Set super user password", 0, 300},
    {"Set whitelist", 3, 300},
    {"Set system variables", 7, 300},
    {"Set ob tenant parameters", 2, 300},
    {"Update tenant status", 8, 300},
    {"Import tenant srs info", 9, 600},
    {"Import tenant time zone info", 1, 600},
}};

constexpr std::array<SubtaskDef, 5> kPrepareHost = {{
    {"Pre check for create host", 1, 1800},
    {"Uninstall legacy obagent", 3, 2100},
    {"Uninstall legacy ocp agent", 2, 600},
    {"Install ocp agent", 0, 5400},
    {"Update host status", 4, 1800},
}};

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Ids(Writer& w, const char* key, std::optional<int64_t> id) {
  w.Key(key);
  w.StartArray();
  if (id) w.Int64(*id);
  w.EndArray();
}

template <size_t N>
void Subtasks(Writer& w, const std::array<SubtaskDef, N>& defs, int64_t task_id) {
  // Subtask ids follow from the task's, in series order, so they are unique in the mock.
  auto id_of = [&](size_t i) { return task_id * 100 + defs[i].series_id; };
  w.Key("subtasks");
  w.StartArray();
  for (size_t i = 0; i < N; ++i) {
    w.StartObject();
    w.Key("id");
    w.Int64(id_of(i));
    w.Key("name");
    w.String(defs[i].name);
    w.Key("description");
    w.String(defs[i].name);
    w.Key("status");
    w.String(i == 0 ? "READY" : "PENDING");
    w.Key("operation");
    w.String("EXECUTE");
    w.Key("seriesId");
    w.Int(defs[i].series_id);
    w.Key("timeout");
    w.Int(defs[i].timeout);
    Ids(w, "upstreams", i == 0 ? std::nullopt : std::optional<int64_t>(id_of(i - 1)));
    Ids(w, "downstreams", i + 1 == N ? std::nullopt : std::optional<int64_t>(id_of(i + 1)));
    w.EndObject();
  }
  w.EndArray();
}

template <size_t N>
StatusOr<model::Task> Build(const TaskSpec& spec, const char* name,
                            const std::array<SubtaskDef, N>& defs, const json::SchemaSet& schemas) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("format");
  w.String("ocp-mock-fixtures/1");
  w.Key("tasks");
  w.StartArray();
  w.StartObject();
  w.Key("hostIds");
  w.StartArray();
  for (int64_t h : spec.host_ids) w.Int64(h);
  w.EndArray();
  w.Key("task");
  w.StartObject();
  w.Key("id");
  w.Int64(spec.task_id);
  w.Key("name");
  w.String(name);
  w.Key("status");
  w.String("RUNNING");
  w.Key("type");
  w.String("MANUAL");
  w.Key("creator");
  w.StartObject();
  w.Key("id");
  w.Int64(spec.creator.id);
  w.Key("name");
  w.String(spec.creator.name.c_str());
  w.EndObject();
  if (spec.cluster) {
    w.Key("cluster");
    w.StartObject();
    w.Key("id");
    w.Int64(spec.cluster->id);
    w.Key("name");
    w.String(spec.cluster->name.c_str());
    w.Key("obClusterId");
    w.Int64(spec.cluster->ob_cluster_id);
    w.Key("type");
    w.String(spec.cluster->type.c_str());
    w.EndObject();
  }
  if (spec.tenant) {
    w.Key("tenant");
    w.StartObject();
    w.Key("id");
    w.Int64(spec.tenant->id);
    w.Key("name");
    w.String(spec.tenant->name.c_str());
    w.Key("obTenantId");
    w.Int64(spec.tenant->ob_tenant_id);
    w.Key("mode");
    w.String(spec.tenant->mode.c_str());
    w.EndObject();
  }
  w.Key("createTime");
  w.String(spec.start_time.c_str());
  w.Key("startTime");
  w.String(spec.start_time.c_str());
  Subtasks(w, defs, spec.task_id);
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  auto tasks = fixtures::ParseTaskFixtures(std::string_view(buffer.GetString(), buffer.GetSize()),
                                           name, schemas);
  if (!tasks.ok()) return InternalError(std::string(name) + " task: " + tasks.status().message());
  return std::move(tasks.value().front());
}

}  // namespace

StatusOr<model::Task> CreateTenantTask(const TaskSpec& spec, const json::SchemaSet& schemas) {
  return Build(spec, "Create tenant", kCreateTenant, schemas);
}

StatusOr<model::Task> PrepareHostTask(const TaskSpec& spec, const json::SchemaSet& schemas) {
  return Build(spec, "Prepare host", kPrepareHost, schemas);
}

}  // namespace mock::entities
