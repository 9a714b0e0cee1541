#include "mock/entities/topology_cache.h"

namespace mock::entities {

std::shared_ptr<const Topology> TopologyCache::Get(const EntityStore& store,
                                                   const TaskStatuses& statuses) const {
  const uint64_t generation = store.Generation();  // before the rows: see the header
  {
    MutexLock lock(mutex_);
    if (topology_ && generation_ == generation && statuses_ == statuses) return topology_;
  }
  // Derived with no lock of ours held: the store takes its own, one store at a time.
  auto derived = std::make_shared<const Topology>(
      DeriveTopology(store.Rows(Kind::kCluster, statuses), store.Rows(Kind::kTenant, statuses),
                     store.Rows(Kind::kHost, statuses)));
  MutexLock lock(mutex_);
  topology_ = derived;
  generation_ = generation;
  statuses_ = statuses;
  return derived;
}

}  // namespace mock::entities
