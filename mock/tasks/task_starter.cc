#include "mock/tasks/task_starter.h"

#include <algorithm>
#include <string>
#include <vector>

namespace mock::tasks {

StatusOr<int64_t> StartTask(TaskStore& store, const TaskBuilder& build, int64_t above) {
  int64_t id = std::max<int64_t>(above, 0);
  for (const auto& t : store.All()) id = std::max(id, t->id);
  for (int attempt = 0; attempt < 16; ++attempt) {
    auto task = build(++id);
    if (!task.ok()) return task.status();
    bool taken = false;
    auto admit = [id, &taken](const std::vector<TaskSnapshot>& current,
                              const std::vector<model::Task>&) -> Status {
      for (const auto& t : current) {
        if (t->id == id) {
          taken = true;
          return FailedPrecondition("task id " + std::to_string(id) + " is taken");
        }
      }
      return Status();
    };
    std::vector<model::Task> one;
    one.push_back(std::move(task).value());
    auto put = store.Put(std::move(one), admit);
    if (put.ok()) return id;
    if (!taken) return put.status();  // the store is full
  }
  return InternalError("no free task id after 16 tries");
}

}  // namespace mock::tasks
