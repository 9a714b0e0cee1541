// The tasks the mock serves, with their live state: loaded from fixtures, moved forward by the
// simulator as the mock clock runs, changed by operations, and reset to the fixtures on demand.
// Every access holds one mutex, so concurrent operations on a task are applied one at a time
// and every reader sees a consistent state.
//
//   TaskStore store(std::move(tasks), clock);
//   store.Read([](const std::vector<model::Task>& tasks) { ... });     // advanced to now
//   Result<model::Task> t = store.Change(id, [&](model::Task& task, int64_t now) { ... });
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "mock/core/error.h"
#include "mock/model/task.h"
#include "mock/tasks/clock.h"

namespace mock::tasks {

class TaskStore {
 public:
  // `clock` must outlive the store. Running tasks start progressing from the clock's now.
  TaskStore(std::vector<model::Task> fixtures, const MockClock& clock);

  // Calls `fn` with every task, advanced to the clock's now, under the lock.
  void Read(const std::function<void(const std::vector<model::Task>&)>& fn);

  // A copy of task `id` advanced to now, or kTaskNotFound.
  Result<model::Task> Get(int64_t id);

  // Advances task `id` to now and applies `change(task, now)`. On success returns a copy of the
  // changed task; on error the task is as it was. kTaskNotFound for an unknown id.
  Result<model::Task> Change(int64_t id,
                             const std::function<Result<bool>(model::Task&, int64_t)>& change);

  // Puts every task back as the fixtures describe it, progressing from the clock's now.
  void Reset();

  size_t size() const { return fixtures_.size(); }

 private:
  void AdvanceAll(int64_t now_ms);  // requires mutex_

  const std::vector<model::Task> fixtures_;
  const MockClock& clock_;
  std::mutex mutex_;
  std::vector<model::Task> tasks_;
  std::unordered_map<int64_t, size_t> index_;
  // Tasks with a step under way, by position: the only ones AdvanceAll has to look at.
  std::vector<size_t> running_;
};

// kTaskNotFound for task `task_id`.
Error TaskNotFound(int64_t task_id, std::string detail = "");

}  // namespace mock::tasks
