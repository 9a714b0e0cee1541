#include "mock/store/task_reader.h"

#include "mock/json/json.h"

namespace mock::store {
namespace {

using json::Find;
using json::GetInt64;
using json::GetString;

std::string Str(const rapidjson::Value& obj, std::string_view key) {
  return std::string(GetString(obj, key).value_or(""));
}

// Reads an optional timestamp member; an error names its pointer.
Result<std::optional<model::Timestamp>> ReadTime(const rapidjson::Value& obj, std::string_view key,
                                                 const std::string& at) {
  auto text = GetString(obj, key);
  if (!text) return std::optional<model::Timestamp>();
  auto ts = model::ParseTimestamp(*text);
  if (!ts) {
    return Error{ErrorKind::kInvalidParameter, at + "/" + std::string(key),
                 "'" + std::string(*text) + "' is not a valid date and time"};
  }
  return std::optional<model::Timestamp>(std::move(*ts));
}

Result<bool> ReadTimes(const rapidjson::Value& t, model::Task& task) {
  for (auto [key, target] :
       {std::pair{"createTime", &task.create_time}, std::pair{"startTime", &task.start_time},
        std::pair{"finishTime", &task.finish_time}}) {
    auto time = ReadTime(t, key, "/task");
    if (!time.ok()) return time.error();
    *target = std::move(time).value();
  }
  return true;
}

model::Subtask ReadSubtask(const rapidjson::Value& s) {
  model::Subtask sub;
  sub.id = GetInt64(s, "id").value_or(0);
  sub.name = Str(s, "name");
  sub.description = Str(s, "description");
  sub.status = model::ParseSubtaskStatus(Str(s, "status")).value_or(model::SubtaskStatus::kPending);
  sub.operation = model::ParseOperation(Str(s, "operation")).value_or(model::Operation::kExecute);
  return sub;
}

void ReadRelations(const rapidjson::Value& t, model::Task& task) {
  if (const auto* c = Find(t, "cluster")) {
    task.cluster = model::Cluster{GetInt64(*c, "id").value_or(0), Str(*c, "name"),
                                  GetInt64(*c, "obClusterId").value_or(0), Str(*c, "type")};
  }
  if (const auto* n = Find(t, "tenant")) {
    task.tenant = model::Tenant{GetInt64(*n, "id").value_or(0), Str(*n, "name"),
                                GetInt64(*n, "obTenantId").value_or(0), Str(*n, "mode")};
  }
  if (const auto* c = Find(t, "creator")) {
    task.creator = model::Creator{GetInt64(*c, "id").value_or(0), Str(*c, "name")};
  }
}

}  // namespace

Result<model::Task> ReadTaskEntry(const rapidjson::Value& entry) {
  const rapidjson::Value* t = Find(entry, "task");
  if (t == nullptr || !t->IsObject()) {
    return Error{ErrorKind::kInvalidParameter, "/task", "missing"};
  }
  model::Task task;
  task.id = GetInt64(*t, "id").value_or(0);
  task.name = Str(*t, "name");
  task.status = model::ParseTaskStatus(Str(*t, "status")).value_or(model::TaskStatus::kRunning);
  // The documented list samples carry no `type`; MANUAL is the type of the documented detail.
  task.type = model::ParseTaskType(Str(*t, "type")).value_or(model::TaskType::kManual);
  ReadRelations(*t, task);
  auto times = ReadTimes(*t, task);
  if (!times.ok()) return times.error();
  if (const auto* subtasks = Find(*t, "subtasks"); subtasks && subtasks->IsArray()) {
    for (const auto& s : subtasks->GetArray()) task.subtasks.push_back(ReadSubtask(s));
  }
  if (const auto* hosts = Find(entry, "hostIds"); hosts && hosts->IsArray()) {
    for (const auto& h : hosts->GetArray()) {
      if (h.IsInt64()) task.host_ids.push_back(h.GetInt64());
    }
  }
  return task;
}

}  // namespace mock::store
