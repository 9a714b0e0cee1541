// The cluster, tenant and host lists in the engine benchmark: what a request to one of them
// costs below HTTP (the store's visible rows, then the filter, sort and page of 10), over the
// entities of the benchmark's fixtures (their entity files, and what their tasks name).
#pragma once

#include <filesystem>
#include <vector>

#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"
#include "mock/model/task.h"

namespace mock::bench {

// The entities of the fixtures in `fixtures` (their entity files), completed with what `tasks`
// name: what the mock serves, and what the client-flow lists are sized by (family_bench.h).
StatusOr<entities::EntitySet> LoadEntities(const std::vector<model::Task>& tasks,
                                           const std::filesystem::path& fixtures,
                                           const json::SchemaSet& schemas);

// Registers "entities/<query>" benchmarks over `set` (LoadEntities). `tasks` must outlive them.
// Returns false (after printing why) when a query does not bind.
bool RegisterEntityBenchmarks(const std::vector<model::Task>& tasks, const entities::EntitySet& set,
                              const json::SchemaSet& schemas);

}  // namespace mock::bench
