// The clusters, tenants and hosts the mock serves now: the fixtures' entities plus what
// operations changed at runtime. One mutex guards them; readers get rows whose documents never
// change, and render them after the lock is let go.
//
// An entity an asynchronous operation creates is tied to the task that creates it: while the
// task runs the entity shows in its creating state (a tenant CREATING, a host NEW), once the
// task is SUCCESSFUL in its finished state (NORMAL, AVAILABLE), and while the task is FAILED, or
// after it is gone, not at all. The task's status is looked up for every read, so a retried task
// that succeeds brings its entity back. An entity an asynchronous operation deletes is tied to
// its deleting task alike (Leaving): it goes once that task is SUCCESSFUL. And a change a task
// makes to an entity that stays (Amendment: the hosts a cluster is deployed on list it among
// their services) shows once that task is SUCCESSFUL.
//
// The store never calls into another store under its lock: a read takes the statuses of the
// tasks it may need as a snapshot (TaskStatuses), which the caller reads from the task store
// beforehand, with no entity lock held (pending_statuses.h, PendingStatuses).
//
//   EntityStore store(std::move(set));
//   TaskStatuses statuses;
//   for (int64_t id : store.PendingTaskIds()) statuses.Set(id, status_in_the_task_store);
//   std::vector<Row> tenants = store.Rows(Kind::kTenant, statuses);
//   store.Add(Kind::kTenant, {id, doc, "createTenant"}, Pending{task_id, creating_doc});
//   store.Reset();   // back to the fixtures
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/entities/entity_set.h"
#include "mock/model/task.h"

namespace mock::entities {

// The statuses of the tasks pending entities wait on (EntityStore::PendingTaskIds), as the task
// store gave them: a snapshot the caller takes with no entity lock held and passes to the store.
class TaskStatuses {
 public:
  // Task `task_id` is `status`; nullopt: the task store has no such task.
  void Set(int64_t task_id, std::optional<model::TaskStatus> status) { of_[task_id] = status; }
  // The status an entity waiting on task `task_id` goes by: the one recorded, nullopt when the
  // task is gone. A task the snapshot never saw is an entity's added since it was taken, just
  // after its task was put: it counts as RUNNING, the status every operation's task starts in.
  std::optional<model::TaskStatus> Of(int64_t task_id) const;
  // The same statuses recorded: the rows visible by both are the same (topology_cache.h).
  bool operator==(const TaskStatuses&) const = default;

 private:
  std::map<int64_t, std::optional<model::TaskStatus>> of_;
};

// An entity whose creating task has not finished.
struct Pending {
  int64_t task_id = 0;
  // The entity's document while the task runs; null: not shown until the task succeeds (a
  // taken-over cluster and its hosts, which OCP does not hold before its takeover is done).
  Doc while_running;
};

using PendingMap = std::map<std::pair<Kind, int64_t>, Pending>;

// An entity whose deleting task has not finished (a cluster being deleted): shown as
// `while_running` while the task runs (null: as it is), as it is when the task FAILED or is gone
// (a failed deletion leaves it), and not at all once it is SUCCESSFUL. A cluster takes its
// tenants with it.
struct Leaving {
  int64_t task_id = 0;
  Doc while_running;
};

using LeavingMap = std::map<std::pair<Kind, int64_t>, Leaving>;

// A change a task makes to an entity that stays: once the task is SUCCESSFUL the entity shows
// `change(document)`. An entity's changes apply in the order they were made, each whose task has
// succeeded; the others are skipped (so a failed or a removed task changes nothing).
struct Amendment {
  int64_t task_id = 0;
  std::function<Doc(const Doc&)> change;  // pure: it runs under the store's lock
};

// What an admission or a check reads, under the store's lock: every row held, visible or not,
// and the task a row waits for. It exists only while the admission runs.
class HeldEntities {
 public:
  const std::vector<Row>& Rows(Kind kind) const { return held_.Of(kind); }
  std::optional<int64_t> PendingTask(Kind kind, int64_t id) const;
  // The task deleting row `id`, if one was started (it may have failed since).
  std::optional<int64_t> LeavingTask(Kind kind, int64_t id) const;

 private:
  friend class EntityStore;
  HeldEntities(const EntitySet& held, const PendingMap& pending, const LeavingMap& leaving)
      : held_(held), pending_(pending), leaving_(leaving) {}
  const EntitySet& held_;
  const PendingMap& pending_;
  const LeavingMap& leaving_;
};

class EntityStore {
 public:
  explicit EntityStore(EntitySet fixtures = {});

  // Entities operations may add between resets, all kinds together (docs/entities.md).
  static constexpr size_t kMaxRuntimeEntities = 10000;

  // The ids of the tasks pending, leaving and amended entities wait on, ascending: the ones whose
  // statuses the reads below need.
  std::vector<int64_t> PendingTaskIds() const OCPMOCK_EXCLUDES(mutex_);

  // Every row of `kind` visible by `statuses`, by id ascending.
  std::vector<Row> Rows(Kind kind, const TaskStatuses& statuses) const OCPMOCK_EXCLUDES(mutex_);
  // Row `id` of `kind` if it is visible by `statuses`.
  std::optional<Row> Get(Kind kind, int64_t id, const TaskStatuses& statuses) const
      OCPMOCK_EXCLUDES(mutex_);
  // A number that changes whenever a row, a pending or leaving task or an amendment changes
  // (every method below that changes anything): equal generations and equal statuses see the
  // same rows. Read it before the rows it stands for.
  uint64_t Generation() const OCPMOCK_EXCLUDES(mutex_);
  // How many tenants of cluster `cluster_id` are visible by `statuses`.
  int64_t TenantCount(int64_t cluster_id, const TaskStatuses& statuses) const
      OCPMOCK_EXCLUDES(mutex_);

  // The id a new entity of `kind` gets: one more than any id the store holds or has given out.
  int64_t NextId(Kind kind) OCPMOCK_EXCLUDES(mutex_);

  // Adds `row`; with `pending`, it is tied to that task as above. `admit` runs first under the
  // lock (the duplicate-name check), so nothing changes between it and the addition; it reads
  // the store through its argument and must call no store (a TaskStatuses snapshot, taken
  // before, answers for the tasks). kFailedPrecondition past kMaxRuntimeEntities, and for an id
  // already held.
  using Admission = std::function<Status(const HeldEntities& held)>;
  Status Add(Kind kind, Row row, std::optional<Pending> pending, const Admission& admit = {})
      OCPMOCK_EXCLUDES(mutex_);
  // Replaces the document of row `id` with `change(old)` (lock, unlock); kNotFound when the
  // row is not held. `change` may refuse; it runs under the lock and must call no store.
  using Change = std::function<StatusOr<Doc>(const Row& row)>;
  Status Update(Kind kind, int64_t id, const Change& change) OCPMOCK_EXCLUDES(mutex_);
  // Ties row `id` to the task deleting it (Leaving above), in place of any deletion before;
  // `admit` runs first under the lock (a deletion already running). kNotFound when the row is
  // not held.
  Status MarkLeaving(Kind kind, int64_t id, Leaving leaving, const Admission& admit = {})
      OCPMOCK_EXCLUDES(mutex_);
  // Adds `amendment` to row `id`'s changes; kNotFound when the row is not held.
  Status Amend(Kind kind, int64_t id, Amendment amendment) OCPMOCK_EXCLUDES(mutex_);
  // Removes row `id`; kNotFound when it is not held.
  Status Remove(Kind kind, int64_t id) OCPMOCK_EXCLUDES(mutex_);

  // Every runtime change undone.
  void Reset() OCPMOCK_EXCLUDES(mutex_);
  // Serves `fixtures` from now on, forgetting every runtime change (a fixture reload).
  void ReplaceFixtures(EntitySet fixtures) OCPMOCK_EXCLUDES(mutex_);

  // Runs `check` under the lock (a check before an operation starts anything), as Add runs an
  // admission.
  Status Check(const Admission& check) const OCPMOCK_EXCLUDES(mutex_);

 private:
  // The row as visible by `statuses`, or nullopt: ShownLocked's, with its amendments applied.
  std::optional<Row> VisibleLocked(Kind kind, const Row& row, const TaskStatuses& statuses) const
      OCPMOCK_REQUIRES(mutex_);
  // The row as its creating and deleting tasks show it, or nullopt.
  std::optional<Row> ShownLocked(Kind kind, const Row& row, const TaskStatuses& statuses) const
      OCPMOCK_REQUIRES(mutex_);
  Row* FindHeldLocked(Kind kind, int64_t id) OCPMOCK_REQUIRES(mutex_);
  // Whether row `id`'s deleting task is SUCCESSFUL by `statuses`.
  bool GoneLocked(Kind kind, int64_t id, const TaskStatuses& statuses) const
      OCPMOCK_REQUIRES(mutex_);

  mutable Mutex mutex_;
  EntitySet fixtures_ OCPMOCK_GUARDED_BY(mutex_);
  EntitySet current_ OCPMOCK_GUARDED_BY(mutex_);
  PendingMap pending_ OCPMOCK_GUARDED_BY(mutex_);
  LeavingMap leaving_ OCPMOCK_GUARDED_BY(mutex_);
  std::map<std::pair<Kind, int64_t>, std::vector<Amendment>> amended_ OCPMOCK_GUARDED_BY(mutex_);
  std::map<Kind, int64_t> next_id_ OCPMOCK_GUARDED_BY(mutex_);
  size_t added_ OCPMOCK_GUARDED_BY(mutex_) = 0;
  uint64_t generation_ OCPMOCK_GUARDED_BY(mutex_) = 0;
};

}  // namespace mock::entities
