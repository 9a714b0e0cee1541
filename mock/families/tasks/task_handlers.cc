#include "mock/families/tasks/task_handlers.h"

#include "mock/model/subtask_log.h"
#include "mock/ocp/error_kinds.h"
#include "mock/query/query_params.h"
#include "mock/reply/page_json.h"
#include "mock/reply/task_json.h"
#include "mock/tasks/operations.h"

namespace mock::api {
namespace {

// OCP answers an unknown subtask of a known task as taskNotFound, naming the subtask.
Status SubtaskNotFound(int64_t task_id, int64_t subtask_id) {
  return ocp::OcpError(
      ocp::ErrorKind::kTaskNotFound,
      "Task " + std::to_string(task_id) + " has no subtask " + std::to_string(subtask_id) + ".",
      {std::to_string(subtask_id)});
}

Reply WrappedTask(tasks::TaskSnapshot task) {
  return Reply{[task = std::move(task)](JsonWriter& w) { WriteWrappedTask(w, *task); }};
}

}  // namespace

StatusOr<Reply> TaskHandlers::List(const QueryParams& params) const {
  auto query = query::ParseTaskQuery(params);
  if (!query.ok()) return query.status();
  auto page = std::make_shared<const tasks::SnapshotPage>(store_.Query(query.value()));
  return Reply{[this, page](JsonWriter& w) {
    w.StartObject();
    w.Key("contents");
    w.StartArray();
    for (const tasks::TaskSnapshot& task : page->items) cache_.WriteBasicTask(w, *task);
    w.EndArray();
    WritePage(w, page->page, page->total_elements);
    w.EndObject();
  }};
}

StatusOr<Reply> TaskHandlers::Detail(int64_t task_id) const {
  auto task = store_.Get(task_id);
  if (!task.ok()) return task.status();
  return WrappedTask(std::move(task).value());
}

StatusOr<Reply> TaskHandlers::ChangeTask(int64_t task_id, const tasks::TaskChange& change) const {
  auto task = store_.Change(task_id, change);
  if (!task.ok()) return task.status();
  return WrappedTask(std::move(task).value());
}

StatusOr<Reply> TaskHandlers::RetryTask(int64_t task_id) const {
  return ChangeTask(task_id, tasks::RetryTask);
}

StatusOr<Reply> TaskHandlers::RollbackTask(int64_t task_id) const {
  return ChangeTask(task_id, tasks::RollbackTask);
}

StatusOr<Reply> TaskHandlers::Log(int64_t task_id, int64_t subtask_id) const {
  auto task = store_.Get(task_id);
  if (!task.ok()) return task.status();
  const model::Subtask* subtask = task.value()->FindSubtask(subtask_id);
  if (subtask == nullptr) return SubtaskNotFound(task_id, subtask_id);
  return Reply{[task = std::move(task).value(), subtask](JsonWriter& w) {
    w.StartObject();
    w.Key("log");
    w.String(model::LogText(*subtask));
    w.EndObject();
  }};
}

StatusOr<Reply> TaskHandlers::ChangeSubtask(int64_t task_id, int64_t subtask_id,
                                            SubtaskChange change, Answer answer) const {
  auto task = store_.Change(task_id, [&](model::Task& t, int64_t now) -> Status {
    model::Subtask* subtask = t.FindSubtask(subtask_id);
    if (subtask == nullptr) return SubtaskNotFound(task_id, subtask_id);
    return change(t, *subtask, now);
  });
  if (!task.ok()) return task.status();
  if (answer == Answer::kNoData) return Reply{};
  const model::Subtask* subtask = task.value()->FindSubtask(subtask_id);
  return Reply{
      [task = std::move(task).value(), subtask](JsonWriter& w) { WriteSubtask(w, *subtask); }};
}

StatusOr<Reply> TaskHandlers::RetrySubtask(int64_t task_id, int64_t subtask_id) const {
  return ChangeSubtask(task_id, subtask_id, tasks::RetrySubtask, Answer::kSubtask);
}

StatusOr<Reply> TaskHandlers::SkipSubtask(int64_t task_id, int64_t subtask_id) const {
  return ChangeSubtask(task_id, subtask_id, tasks::SkipSubtask, Answer::kNoData);
}

StatusOr<Reply> TaskHandlers::CancelSubtask(int64_t task_id, int64_t subtask_id) const {
  return ChangeSubtask(task_id, subtask_id, tasks::CancelSubtask, Answer::kNoData);
}

}  // namespace mock::api
