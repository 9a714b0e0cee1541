#include "mock/families/inspection/inspection_run.h"

#include <array>
#include <string>

#include "mock/model/task_state.h"
#include "mock/model/timestamp.h"
#include "mock/reply/task_json.h"

namespace mock::families::inspection {
namespace {

constexpr std::array<const char*, 2> kSubtasks = {"Collect inspection data",
                                                  "Generate inspection report"};

}  // namespace

StatusOr<model::Task> InspectionTask(int64_t task_id, const model::Creator& creator, int64_t now_ms,
                                     size_t objects) {
  const model::Timestamp start = model::MakeTimestamp(now_ms);
  model::Task task;
  task.id = task_id;
  task.name = "Inspection";
  task.status = model::TaskStatus::kRunning;
  task.type = model::TaskType::kManual;
  task.creator = creator;
  task.create_time = start;
  task.start_time = start;
  // Subtask ids follow from the task's, as the other operations' do: unique in the mock.
  for (size_t i = 0; i < kSubtasks.size(); ++i) {
    model::Subtask s;
    s.id = task_id * 100 + static_cast<int64_t>(i);
    s.name = kSubtasks[i];
    s.description = std::string(kSubtasks[i]) + " of " + std::to_string(objects) + " object(s)";
    s.status = i == 0 ? model::SubtaskStatus::kReady : model::SubtaskStatus::kPending;
    s.operation = model::Operation::kExecute;
    s.series_id = static_cast<int64_t>(i);
    if (i > 0) s.upstreams = {s.id - 1};
    if (i + 1 < kSubtasks.size()) s.downstreams = {s.id + 1};
    s.create_time = start;
    s.initial_log_pending = true;
    task.subtasks.push_back(std::move(s));
  }
  if (auto impossible = model::ImpossibleState(task)) {
    return InternalError("Inspection task: " + *impossible);
  }
  return task;
}

void WriteInspectionTask(json::JsonWriter& w, const model::Task& task) {
  // The fields and order of the entity operations' answer (async-task-instance.schema.json).
  w.StartObject();
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

}  // namespace mock::families::inspection
