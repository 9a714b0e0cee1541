// The eight task operations of OCP's task-management API, over the live TaskStore.
//
//   TaskHandlers h(store, envelope);
//   http::Response r = h.Detail("35000312", context);
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mock/api/envelope.h"
#include "mock/api/task_json.h"
#include "mock/core/params.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

class TaskHandlers {
 public:
  // `store` must outlive the handlers.
  TaskHandlers(tasks::TaskStore& store, const EnvelopeSettings& envelope);

  // GET /api/v2/tasks/instances: paged BasicTaskInstances.
  http::Response List(const QueryParams& params, const RequestContext& context) const;
  // GET .../{taskInstanceId}: WrappedTaskInstance.
  http::Response Detail(std::string_view task_id, const RequestContext& context) const;
  // POST .../{id}/retry and .../{id}/rollback: WrappedTaskInstance after the change.
  http::Response RetryTask(std::string_view task_id, const RequestContext& context) const;
  http::Response RollbackTask(std::string_view task_id, const RequestContext& context) const;
  // GET .../{id}/subtasks/{subtaskInstanceId}/log: {"log": "..."}.
  http::Response Log(std::string_view task_id, std::string_view subtask_id,
                     const RequestContext& context) const;
  // POST .../subtasks/{sid}/retry: SubtaskInstance; .../skip and .../cancel: no data.
  http::Response RetrySubtask(std::string_view task_id, std::string_view subtask_id,
                              const RequestContext& context) const;
  http::Response SkipSubtask(std::string_view task_id, std::string_view subtask_id,
                             const RequestContext& context) const;
  http::Response CancelSubtask(std::string_view task_id, std::string_view subtask_id,
                               const RequestContext& context) const;

 private:
  enum class Answer { kSubtask, kNoData };
  using TaskChange = Result<bool> (*)(model::Task&, int64_t);
  using SubtaskChange = Result<bool> (*)(model::Task&, model::Subtask&, int64_t);

  // Applies `change` to task `task_id` and answers the WrappedTaskInstance after it.
  http::Response ChangeTask(std::string_view task_id, TaskChange change,
                            const RequestContext& context) const;

  http::Response Apply(std::string_view task_id, std::string_view subtask_id, SubtaskChange change,
                       Answer answer, const RequestContext& context) const;

  // The BasicTaskInstance JSON of `task`, rendered once per revision: writing JSON was half of
  // a list request's time. Bounded: emptied when it reaches kMaxCachedTasks entries.
  void WriteCachedBasicTask(JsonWriter& w, const model::Task& task) const;

  static constexpr size_t kMaxCachedTasks = 20000;
  struct Rendered {
    uint64_t revision;
    std::string json;
  };

  tasks::TaskStore& store_;
  const EnvelopeSettings& envelope_;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<int64_t, Rendered> rendered_;  // by task id
};

// A path id: a 64-bit decimal integer, else kInvalidParameter naming `name`.
Result<int64_t> ParsePathId(std::string_view value, const char* name);

}  // namespace mock::api
