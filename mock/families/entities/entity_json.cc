#include "mock/families/entities/entity_json.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

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

void WriteCluster(json::JsonWriter& w, const entities::Row& cluster, int64_t tenant_count) {
  w.StartObject();
  bool counted = false;
  for (const Value::Member* m : SortedMembers(*cluster.doc)) {
    const std::string_view name = Name(m->name);
    if (!counted && name > "tenantCount") {
      w.Field("tenantCount", tenant_count);
      counted = true;
    }
    if (name == "tenantCount") continue;
    Key(w, name);
    WriteSorted(w, m->value);
  }
  if (!counted) {
    w.Field("tenantCount", tenant_count);
  }
  w.EndObject();
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

void WriteTenantDetail(json::JsonWriter& w, const entities::Row& tenant) {
  WriteSorted(w, *tenant.doc);
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
