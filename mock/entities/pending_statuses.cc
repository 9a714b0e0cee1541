#include "mock/entities/pending_statuses.h"

#include <cstdint>
#include <vector>

namespace mock::entities {

TaskStatuses PendingStatuses(const EntityStore& entities, tasks::TaskStore& tasks) {
  const std::vector<int64_t> ids = entities.PendingTaskIds();  // its lock is let go on return
  const auto statuses = tasks.Statuses(ids);
  TaskStatuses snapshot;
  for (size_t i = 0; i < ids.size(); ++i) snapshot.Set(ids[i], statuses[i]);
  return snapshot;
}

}  // namespace mock::entities
