// The eight task operations of OCP's task-management API, over the live TaskStore. Each
// returns the envelope's `data` or a failure; the route table (route_table.cc) binds them to
// paths and Api::Handle answers them. Nothing is rendered while the store is locked: the
// replies own the task snapshots they write.
//
//   TaskHandlers h(store);
//   StatusOr<Reply> r = h.Detail(35000312);
#pragma once

#include <cstdint>

#include "mock/core/params.h"
#include "mock/families/tasks/render_cache.h"
#include "mock/reply/route.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

class TaskHandlers {
 public:
  // `store` must outlive the handlers.
  explicit TaskHandlers(tasks::TaskStore& store) : store_(store) {}

  // GET /api/v2/tasks/instances: paged BasicTaskInstances.
  StatusOr<Reply> List(const QueryParams& params) const;
  // GET .../{taskInstanceId}: WrappedTaskInstance.
  StatusOr<Reply> Detail(int64_t task_id) const;
  // POST .../{id}/retry and .../{id}/rollback: WrappedTaskInstance after the change.
  StatusOr<Reply> RetryTask(int64_t task_id) const;
  StatusOr<Reply> RollbackTask(int64_t task_id) const;
  // GET .../{id}/subtasks/{subtaskInstanceId}/log: {"log": "..."}.
  StatusOr<Reply> Log(int64_t task_id, int64_t subtask_id) const;
  // POST .../subtasks/{sid}/retry: SubtaskInstance; .../skip and .../cancel: no data.
  StatusOr<Reply> RetrySubtask(int64_t task_id, int64_t subtask_id) const;
  StatusOr<Reply> SkipSubtask(int64_t task_id, int64_t subtask_id) const;
  StatusOr<Reply> CancelSubtask(int64_t task_id, int64_t subtask_id) const;

 private:
  enum class Answer { kSubtask, kNoData };
  using SubtaskChange = Status (*)(model::Task&, model::Subtask&, int64_t);

  StatusOr<Reply> ChangeTask(int64_t task_id, const tasks::TaskChange& change) const;
  StatusOr<Reply> ChangeSubtask(int64_t task_id, int64_t subtask_id, SubtaskChange change,
                                Answer answer) const;

  tasks::TaskStore& store_;
  RenderCache cache_;
};

}  // namespace mock::api
