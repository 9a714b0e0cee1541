// The clusters' topology (cluster_topology.h) as the entity store shows it now, derived once and
// kept until the store or the statuses change: a read costs a comparison, not a derivation. Each
// reader (the cluster, tenant and topology pages) may keep one; all derive the same topology from
// the same rows, so they agree.
//
//   TopologyCache cache;
//   std::shared_ptr<const Topology> t = cache.Get(store, statuses);  // statuses: PendingStatuses
//
// A derivation is keyed by the store's Generation() read before its rows, and by the statuses:
// a change the rows already show labels them with the generation before it, so the next read
// derives again; never the reverse. Thread-safe; the topology returned never changes.
#pragma once

#include <cstdint>
#include <memory>

#include "mock/core/thread_annotations.h"
#include "mock/entities/cluster_topology.h"
#include "mock/entities/entity_store.h"

namespace mock::entities {

class TopologyCache {
 public:
  // The topology of the rows `store` shows by `statuses`.
  std::shared_ptr<const Topology> Get(const EntityStore& store, const TaskStatuses& statuses) const
      OCPMOCK_EXCLUDES(mutex_);

 private:
  mutable Mutex mutex_;
  mutable std::shared_ptr<const Topology> topology_ OCPMOCK_GUARDED_BY(mutex_);
  mutable uint64_t generation_ OCPMOCK_GUARDED_BY(mutex_) = 0;
  mutable TaskStatuses statuses_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::entities
