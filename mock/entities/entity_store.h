// The clusters, tenants and hosts the mock serves now: the fixtures' entities plus what
// operations changed at runtime. One mutex guards them; readers get rows whose documents never
// change, and render them after the lock is let go.
//
// An entity an asynchronous operation creates is tied to the task that creates it: while the
// task runs the entity shows in its creating state (a tenant CREATING, a host NEW), once the
// task is SUCCESSFUL in its finished state (NORMAL, AVAILABLE), and while the task is FAILED, or
// after it is gone, not at all. The task's status is looked up on every read, so a retried task
// that succeeds brings its entity back.
//
//   EntityStore store(std::move(set));
//   std::vector<Row> tenants = store.Rows(Kind::kTenant, status_of);
//   store.Add(Kind::kTenant, {id, doc, "createTenant"}, Pending{task_id, creating_doc});
//   store.Reset();   // back to the fixtures
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "mock/entities/entity_set.h"
#include "mock/model/task.h"

namespace mock::entities {

// The status of task `id` now, or nullopt when there is no such task.
using TaskStatusOf = std::function<std::optional<model::TaskStatus>(int64_t task_id)>;

// An entity whose creating task has not finished.
struct Pending {
  int64_t task_id = 0;
  Doc while_running;  // the entity's document while the task runs
};

class EntityStore {
 public:
  explicit EntityStore(EntitySet fixtures = {});

  // Entities operations may add between resets, all kinds together (docs/entities.md).
  static constexpr size_t kMaxRuntimeEntities = 10000;

  // Every row of `kind` visible now, by id ascending.
  std::vector<Row> Rows(Kind kind, const TaskStatusOf& status_of) const;
  // Row `id` of `kind` if it is visible now.
  std::optional<Row> Get(Kind kind, int64_t id, const TaskStatusOf& status_of) const;
  // How many tenants of cluster `cluster_id` are visible now.
  int64_t TenantCount(int64_t cluster_id, const TaskStatusOf& status_of) const;

  // The id a new entity of `kind` gets: one more than any id the store holds or has given out.
  int64_t NextId(Kind kind);

  // Adds `row`; with `pending`, it is tied to that task as above. `admit` runs first under the
  // lock (the duplicate-name check), so nothing changes between it and the addition.
  // kFailedPrecondition past kMaxRuntimeEntities, and for an id already held.
  using Admission = std::function<Status(const EntityStore&)>;
  Status Add(Kind kind, Row row, std::optional<Pending> pending, const Admission& admit = {});
  // Replaces the document of row `id` with `change(old)` (lock, unlock); kNotFound when the
  // row is not held. `change` may refuse.
  using Change = std::function<StatusOr<Doc>(const Row& row)>;
  Status Update(Kind kind, int64_t id, const Change& change);
  // Removes row `id`; kNotFound when it is not held.
  Status Remove(Kind kind, int64_t id);

  // Every runtime change undone.
  void Reset();
  // Serves `fixtures` from now on, forgetting every runtime change (a fixture reload).
  void ReplaceFixtures(EntitySet fixtures);

  // Runs `check` under the lock (a check before an operation starts anything).
  Status Check(const Admission& check) const;

  // For admissions, which run under the lock: every row of `kind` held, visible or not, and the
  // task a row waits for.
  const std::vector<Row>& HeldUnlocked(Kind kind) const { return current_.Of(kind); }
  std::optional<int64_t> PendingTaskUnlocked(Kind kind, int64_t id) const;

 private:
  // The row as visible now, or nullopt (requires mutex_).
  std::optional<Row> Visible(Kind kind, const Row& row, const TaskStatusOf& status_of) const;
  Row* FindHeld(Kind kind, int64_t id);

  mutable std::mutex mutex_;
  EntitySet fixtures_;
  EntitySet current_;
  std::map<std::pair<Kind, int64_t>, Pending> pending_;
  std::map<Kind, int64_t> next_id_;
  size_t added_ = 0;
};

}  // namespace mock::entities
