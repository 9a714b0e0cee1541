// The tasks the mock serves, with their live state: loaded from fixtures, moved forward by the
// simulator as the mock clock runs, changed by operations, and reset to the fixtures on demand.
// Every access holds one mutex, so concurrent operations on a task are applied one at a time
// and every reader sees a consistent state.
//
// Built for a million tasks: the store holds one copy of the tasks plus the fixture version of
// each task that has changed since the last reset (not a second copy of everything); only tasks
// with a step due are advanced, found through a queue ordered by due time; and task-list
// queries go through a query::TaskIndex kept up to date with every change.
//
//   TaskStore store(std::move(tasks), clock);
//   store.Query(query, [](const query::TaskPage& page) { ... });     // advanced to now
//   store.Read([](const std::vector<model::Task>& tasks) { ... });     // advanced to now
//   Result<model::Task> t = store.Change(id, [&](model::Task& task, int64_t now) { ... });
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <queue>
#include <unordered_map>
#include <vector>

#include "mock/core/error.h"
#include "mock/model/task.h"
#include "mock/query/task_index.h"
#include "mock/tasks/clock.h"

namespace mock::tasks {

class TaskStore {
 public:
  // `clock` must outlive the store. Running tasks start progressing from the clock's now.
  TaskStore(std::vector<model::Task> fixtures, const MockClock& clock);

  // Calls `fn` with every task, advanced to the clock's now, under the lock.
  void Read(const std::function<void(const std::vector<model::Task>&)>& fn);

  // Runs `query` over the tasks advanced to now and calls `fn` with the page, under the lock
  // (the page points into the store).
  void Query(const query::TaskQuery& query, const std::function<void(const query::TaskPage&)>& fn);

  // A copy of task `id` advanced to now, or kTaskNotFound.
  Result<model::Task> Get(int64_t id);

  // Advances task `id` to now and applies `change(task, now)`. On success returns a copy of the
  // changed task; on error the task is as it was. kTaskNotFound for an unknown id.
  Result<model::Task> Change(int64_t id,
                             const std::function<Result<bool>(model::Task&, int64_t)>& change);

  // Puts every task back as the fixtures describe it, progressing from the clock's now.
  void Reset();

  size_t size() const { return tasks_.size(); }

 private:
  // All of these require mutex_.
  void AdvanceDue(int64_t now_ms);
  void ArmRunning(int64_t now_ms);
  void Touch(size_t pos);    // before tasks_[pos] changes: keeps its fixture version
  void Changed(size_t pos);  // after: updates the index and the due queue

  using Due = std::pair<int64_t, size_t>;  // (when the next step ends, position)

  const MockClock& clock_;
  std::mutex mutex_;
  std::vector<model::Task> tasks_;
  std::unordered_map<int64_t, size_t> position_;  // by task id
  std::unordered_map<size_t, model::Task> originals_;
  std::optional<query::TaskIndex> index_;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due_;
  // The one live entry of each queued position; queue entries that differ are stale.
  std::unordered_map<size_t, int64_t> due_at_;
  uint64_t revision_ = 0;  // the last Task::revision given out
};

// kTaskNotFound for task `task_id`.
Error TaskNotFound(int64_t task_id, std::string detail = "");

}  // namespace mock::tasks
