// The statuses of the tasks the entities wait on (a cluster, tenant or host being created or
// deleted shows as its task says), read for one request: the ids from the entity store, then
// their statuses from the task store, one store at a time (entity_store.h: the entity store's
// lock is let go before the task store's is taken).
//
//   const entities::TaskStatuses statuses = entities::PendingStatuses(entity_store, task_store);
//   entity_store.Rows(entities::Kind::kTenant, statuses);
#pragma once

#include "mock/entities/entity_store.h"
#include "mock/tasks/task_store.h"

namespace mock::entities {

TaskStatuses PendingStatuses(const EntityStore& entities, tasks::TaskStore& tasks);

}  // namespace mock::entities
