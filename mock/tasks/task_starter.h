// Starting a task that an operation creates (a takeover, an OBProxy install, a workload report):
// under an id no task holds, picked without holding the store's lock while the task is built.
//
//   auto id = tasks::StartTask(store, [&](int64_t id) { return MakeTask(id, ...); });
#pragma once

#include <cstdint>
#include <functional>

#include "mock/core/status.h"
#include "mock/model/task.h"
#include "mock/tasks/task_store.h"

namespace mock::tasks {

using TaskBuilder = std::function<StatusOr<model::Task>(int64_t id)>;

// Adds the task `build(id)` makes, with `id` one more than the largest id held and than `above`;
// when a racing addition took that id between the look and the Put, the next one (16 tries).
// `above`: the largest id something outside the store still refers to (an entity waiting on a
// task that was removed since), which a new task must not take. Fails with build's failure, or
// the store's (kFailedPrecondition past TaskStore::kMaxAddedTasks); nothing is added then.
// Returns the id.
StatusOr<int64_t> StartTask(TaskStore& store, const TaskBuilder& build, int64_t above = 0);

}  // namespace mock::tasks
