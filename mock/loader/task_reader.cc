#include "mock/loader/task_reader.h"

#include <algorithm>

#include "mock/json/json.h"
#include "mock/model/subtask_log.h"

namespace mock::fixtures {
namespace {

using json::Find;
using json::GetBool;
using json::GetInt64;
using json::GetString;

std::string Str(const rapidjson::Value& obj, std::string_view key) {
  return std::string(GetString(obj, key).value_or(""));
}

int32_t Int32(const rapidjson::Value& obj, std::string_view key, int32_t fallback) {
  return static_cast<int32_t>(GetInt64(obj, key).value_or(fallback));
}

std::vector<int64_t> Ids(const rapidjson::Value& obj, std::string_view key) {
  std::vector<int64_t> ids;
  const rapidjson::Value* v = Find(obj, key);
  if (v == nullptr || !v->IsArray()) return ids;
  ids.reserve(v->Size());  // exact capacities: a million tasks hold several million vectors
  for (const auto& id : v->GetArray()) {
    if (id.IsInt64()) ids.push_back(id.GetInt64());
  }
  return ids;
}

// Reads the timestamps `keys` of `obj` (at JSON Pointer `at`); an error names the bad one.
Status ReadTimes(
    const rapidjson::Value& obj, const std::string& at,
    std::initializer_list<std::pair<const char*, std::optional<model::Timestamp>*>> keys) {
  for (auto [key, target] : keys) {
    auto text = GetString(obj, key);
    if (!text) continue;
    auto ts = model::ParseTimestamp(*text);
    if (!ts) {
      return InvalidArgument(at + "/" + key + ": '" + std::string(*text) +
                             "' is not a valid date and time");
    }
    *target = *ts;
  }
  return {};
}

bool HasRun(model::SubtaskStatus s) {
  return s != model::SubtaskStatus::kPending && s != model::SubtaskStatus::kReady;
}

StatusOr<model::Subtask> ReadSubtask(const rapidjson::Value& s, size_t index,
                                     const model::Task& task, const std::string& at) {
  model::Subtask sub;
  sub.id = GetInt64(s, "id").value_or(0);
  sub.name = Str(s, "name");
  sub.description = Str(s, "description");
  sub.status = model::ParseSubtaskStatus(Str(s, "status")).value_or(model::SubtaskStatus::kPending);
  sub.operation = model::ParseOperation(Str(s, "operation")).value_or(model::Operation::kExecute);
  sub.series_id = GetInt64(s, "seriesId").value_or(static_cast<int64_t>(index));
  sub.timeout = Int32(s, "timeout", 300);
  sub.run_time = Int32(s, "runTime", HasRun(sub.status) ? 1 : 0);
  sub.node_type = std::string(GetString(s, "nodeType").value_or("JAVA_TASK"));
  sub.parallel_idx = Int32(s, "parallelIdx", -1);
  sub.upstreams = Ids(s, "upstreams");
  sub.downstreams = Ids(s, "downstreams");
  sub.prohibit_rollback = GetBool(s, "prohibitRollback").value_or(false);
  if (auto e = GetString(s, "executor")) {
    sub.executor = std::string(*e);
  } else if (HasRun(sub.status)) {
    sub.executor = task.executor;
  }
  auto times = ReadTimes(s, at,
                         {{"createTime", &sub.create_time},
                          {"startTime", &sub.start_time},
                          {"finishTime", &sub.finish_time}});
  if (!times.ok()) return times;
  if (!sub.create_time) sub.create_time = task.create_time ? task.create_time : task.start_time;
  return sub;
}

// A fixture without any `upstreams`/`downstreams` runs its subtasks one after another, in the
// order listed. Given edges are completed in the other direction, so the graph is consistent.
void CompleteGraph(std::vector<model::Subtask>& subtasks, bool graph_given) {
  if (!graph_given) {
    for (size_t i = 0; i < subtasks.size(); ++i) {
      if (i > 0) subtasks[i].upstreams = {subtasks[i - 1].id};
      if (i + 1 < subtasks.size()) subtasks[i].downstreams = {subtasks[i + 1].id};
    }
    return;
  }
  auto add = [](std::vector<int64_t>& ids, int64_t id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (model::Subtask& s : subtasks) {
    for (model::Subtask& other : subtasks) {
      if (std::find(other.upstreams.begin(), other.upstreams.end(), s.id) !=
          other.upstreams.end()) {
        add(s.downstreams, other.id);
      }
      if (std::find(other.downstreams.begin(), other.downstreams.end(), s.id) !=
          other.downstreams.end()) {
        add(s.upstreams, other.id);
      }
    }
  }
}

Status ReadSubtasks(const rapidjson::Value& t, model::Task& task) {
  const rapidjson::Value* subtasks = Find(t, "subtasks");
  if (subtasks == nullptr || !subtasks->IsArray()) return {};
  bool graph_given = false;
  task.subtasks.reserve(subtasks->Size());  // growth by doubling would waste up to half
  for (rapidjson::SizeType i = 0; i < subtasks->Size(); ++i) {
    const rapidjson::Value& s = (*subtasks)[i];
    graph_given = graph_given || Find(s, "upstreams") || Find(s, "downstreams");
    auto sub = ReadSubtask(s, i, task, "/task/subtasks/" + std::to_string(i));
    if (!sub.ok()) return sub.status();
    task.subtasks.push_back(std::move(sub).value());
  }
  CompleteGraph(task.subtasks, graph_given);
  return {};
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

// Fixture-only `scripts` and `logs` beside `task`; each names a subtask of the task.
Status ReadSubtaskExtras(const rapidjson::Value& entry, model::Task& task) {
  for (const char* key : {"scripts", "logs"}) {
    const rapidjson::Value* list = Find(entry, key);
    if (list == nullptr || !list->IsArray()) continue;
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const rapidjson::Value& item = (*list)[i];
      int64_t id = GetInt64(item, "subtaskId").value_or(0);
      model::Subtask* sub = task.FindSubtask(id);
      if (sub == nullptr) {
        return InvalidArgument("/" + std::string(key) + "/" + std::to_string(i) +
                               "/subtaskId: the task has no subtask " + std::to_string(id));
      }
      if (std::string_view(key) == "logs") {
        sub->log = Str(item, "log");
        continue;
      }
      if (const rapidjson::Value* d = Find(item, "durationSeconds"); d && d->IsNumber()) {
        sub->script.duration_ms = static_cast<int64_t>(d->GetDouble() * 1000);
      }
      for (int64_t run : Ids(item, "failOnRuns"))
        sub->script.fail_on_runs.push_back(static_cast<int>(run));
    }
  }
  return {};
}

}  // namespace

StatusOr<model::Task> ReadTaskEntry(const rapidjson::Value& entry) {
  const rapidjson::Value* t = Find(entry, "task");
  if (t == nullptr || !t->IsObject()) {
    return InvalidArgument("/task: missing");
  }
  model::Task task;
  task.id = GetInt64(*t, "id").value_or(0);
  task.name = Str(*t, "name");
  task.status = model::ParseTaskStatus(Str(*t, "status")).value_or(model::TaskStatus::kRunning);
  // The documented list samples carry no `type`; MANUAL is the type of the documented detail.
  task.type = model::ParseTaskType(Str(*t, "type")).value_or(model::TaskType::kManual);
  task.operation = model::ParseOperation(Str(*t, "operation")).value_or(model::Operation::kExecute);
  task.task_definition_id = GetInt64(*t, "taskDefinitionId").value_or(-1);
  if (auto e = GetString(*t, "executor")) task.executor = std::string(*e);
  task.prohibit_rollback = GetBool(*t, "prohibitRollback").value_or(false);
  ReadRelations(*t, task);
  auto times = ReadTimes(*t, "/task",
                         {{"createTime", &task.create_time},
                          {"startTime", &task.start_time},
                          {"finishTime", &task.finish_time}});
  if (!times.ok()) return times;
  if (!task.create_time) task.create_time = task.start_time;
  auto subtasks = ReadSubtasks(*t, task);
  if (!subtasks.ok()) return subtasks;
  task.host_ids = Ids(entry, "hostIds");
  auto extras = ReadSubtaskExtras(entry, task);
  if (!extras.ok()) return extras;
  for (model::Subtask& sub : task.subtasks) {
    sub.initial_log_pending = sub.log.empty();
  }
  return task;
}

}  // namespace mock::fixtures
