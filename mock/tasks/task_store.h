// The tasks the mock serves, with their live state: loaded from fixtures, moved forward by the
// simulator as the mock clock runs, changed by operations, and reset to the fixtures on demand.
// One mutex guards the state, so concurrent operations on a task are applied one at a time
// and every reader sees a consistent state. Under it the store calls no other store; it reads
// the mock clock, whose lock is a leaf (the clock calls nothing), so the order store -> clock is
// fixed. The changes and admissions callers pass run under it too, and must call no store.
//
// Tasks are immutable snapshots (`TaskSnapshot`): a change copies the task, changes the copy and
// puts it in the old one's place. So a reader gets owned snapshots and lets go of the lock
// before it renders anything: a slow client or a page of 2,000 tasks never holds up a change.
//
// Built for a million tasks: the store holds one snapshot per task plus, for each task that
// changed since the last reset, the snapshot the fixtures gave (shared, not copied); only tasks
// with a step due are advanced, found through a queue ordered by due time; and task-list
// queries go through a query::TaskIndex kept up to date with every change.
//
//   TaskStore store(std::move(tasks), clock);
//   SnapshotPage page = store.Query(query);                       // advanced to now
//   StatusOr<TaskSnapshot> t = store.Change(id, [&](model::Task& task, int64_t now) { ... });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <unordered_map>
#include <vector>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/model/task.h"
#include "mock/query/task_index.h"
#include "mock/tasks/clock.h"

namespace mock::tasks {

// A task as it was at one instant; never changes.
using TaskSnapshot = std::shared_ptr<const model::Task>;
// A page of a task-list query, owning its tasks.
using SnapshotPage = query::Page<TaskSnapshot>;
// A change to a task at mock-clock instant `now_ms`; a failure leaves the task as it was.
using TaskChange = std::function<Status(model::Task& task, int64_t now_ms)>;
// Approves `incoming` tasks about to be put in the store, given every task it holds now; a
// failure puts nothing.
using TaskAdmission = std::function<Status(const std::vector<TaskSnapshot>& current,
                                           const std::vector<model::Task>& incoming)>;

struct StoreOptions {
  query::NameOrder name_order = query::NameOrder::kCaseInsensitive;
  // Given to every task (and subtask that has run) that enters the store without an executor, as
  // every documented sample has one and polling clients copy it; empty: none given.
  std::string default_executor;
};

class TaskStore {
 public:
  // `clock` must outlive the store. Running tasks start progressing from the clock's now.
  TaskStore(std::vector<model::Task> fixtures, const MockClock& clock, StoreOptions options = {});

  // Every task, advanced to the clock's now, in fixture order.
  std::vector<TaskSnapshot> All() OCPMOCK_EXCLUDES(mutex_);

  // Runs `query` over the tasks advanced to now.
  SnapshotPage Query(const query::TaskQuery& query) OCPMOCK_EXCLUDES(mutex_);

  // Task `id` advanced to now, or kNotFound (OCP's taskNotFound).
  StatusOr<TaskSnapshot> Get(int64_t id) OCPMOCK_EXCLUDES(mutex_);

  // The status now of each task `ids` names, in their order (nullopt: no such task), under one
  // lock: what an entity read needs (entities::TaskStatuses).
  std::vector<std::optional<model::TaskStatus>> Statuses(const std::vector<int64_t>& ids)
      OCPMOCK_EXCLUDES(mutex_);

  // Advances task `id` to now and applies `change(task, now)` to a copy, which replaces the
  // task when the change succeeds. Returns the changed task, or the change's failure (the task
  // stays as it was), or kNotFound for an unknown id. `change` runs under the store's lock.
  StatusOr<TaskSnapshot> Change(int64_t id, const TaskChange& change) OCPMOCK_EXCLUDES(mutex_);

  // Tasks a test adds at runtime (PUT /__mock/tasks/{id}), beyond the fixtures' count.
  static constexpr size_t kMaxAddedTasks = 10000;

  // Puts each of `tasks` in the store: a new id is added (listed after the others), a known one
  // replaced. `admit` runs first, under the store's lock, so nothing changes between its check
  // and the change. RUNNING tasks start progressing from the clock's now. Returns how many ids
  // were new; kFailedPrecondition past kMaxAddedTasks; nothing changes on any failure.
  // Re-indexes every task: meant for a test's handful of tasks, not for bulk loading.
  StatusOr<size_t> Put(std::vector<model::Task> tasks, const TaskAdmission& admit)
      OCPMOCK_EXCLUDES(mutex_);

  // Removes task `id`, or kNotFound (OCP's taskNotFound).
  Status Remove(int64_t id) OCPMOCK_EXCLUDES(mutex_);

  // Puts every task back as the fixtures describe it, progressing from the clock's now: tasks
  // put or removed at runtime too.
  void Reset() OCPMOCK_EXCLUDES(mutex_);

  // Serves `fixtures` from now on, as if the store had started with them (a reload of the
  // fixture files): every change and runtime task is forgotten.
  void ReplaceFixtures(std::vector<model::Task> fixtures) OCPMOCK_EXCLUDES(mutex_);

  size_t size() const OCPMOCK_EXCLUDES(mutex_) {
    MutexLock lock(mutex_);
    return tasks_.size();
  }

 private:
  void LoadLocked(std::vector<model::Task> fixtures) OCPMOCK_REQUIRES(mutex_);
  void AdvanceDueLocked(int64_t now_ms) OCPMOCK_REQUIRES(mutex_);
  void ArmRunningLocked(int64_t now_ms) OCPMOCK_REQUIRES(mutex_);
  // A copy of tasks_[pos] with its logs settled, to change and then Replace with.
  std::shared_ptr<model::Task> DraftLocked(size_t pos) const OCPMOCK_REQUIRES(mutex_);
  // Puts `draft` in tasks_[pos]'s place, keeping the fixture version, and updates the index
  // and the due queue.
  void ReplaceLocked(size_t pos, std::shared_ptr<model::Task> draft) OCPMOCK_REQUIRES(mutex_);
  // Before the first runtime Put or Remove since the last reset: keeps the fixtures' tasks,
  // which positions no longer describe once tasks come and go.
  void KeepFixtureStateLocked() OCPMOCK_REQUIRES(mutex_);
  // After tasks came or went: positions, the index and the due queue made anew.
  void ReindexLocked() OCPMOCK_REQUIRES(mutex_);
  // Gives `task` the default executor (reads only what the constructor set).
  void GiveExecutor(model::Task& task) const;

  using Due = std::pair<int64_t, size_t>;  // (when the next step ends, position)

  const MockClock& clock_;
  // Set by the constructor, then only read.
  const query::NameOrder name_order_;
  const std::string default_executor_;

  mutable Mutex mutex_;
  size_t fixture_count_ OCPMOCK_GUARDED_BY(mutex_) = 0;
  // The fixtures' tasks, once runtime Puts or Removes made positions unreliable; Reset restores
  // them whole.
  std::optional<std::vector<TaskSnapshot>> fixture_state_ OCPMOCK_GUARDED_BY(mutex_);
  std::vector<TaskSnapshot> tasks_ OCPMOCK_GUARDED_BY(mutex_);
  std::unordered_map<int64_t, size_t> position_ OCPMOCK_GUARDED_BY(mutex_);  // by task id
  std::unordered_map<size_t, TaskSnapshot> originals_ OCPMOCK_GUARDED_BY(mutex_);
  std::optional<query::TaskIndex> index_ OCPMOCK_GUARDED_BY(mutex_);
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due_ OCPMOCK_GUARDED_BY(mutex_);
  // The one live entry of each queued position; queue entries that differ are stale.
  std::unordered_map<size_t, int64_t> due_at_ OCPMOCK_GUARDED_BY(mutex_);
  uint64_t revision_ OCPMOCK_GUARDED_BY(mutex_) = 0;  // the last Task::revision given out
};

// OCP's taskNotFound for task `task_id` (kNotFound).
Status TaskNotFound(int64_t task_id, std::string detail = "");

}  // namespace mock::tasks
