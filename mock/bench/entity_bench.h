// The cluster, tenant and host lists in the engine benchmark: what a request to one of them
// costs below HTTP (the store's visible rows, then the filter, sort and page of 10), over the
// entities of the benchmark's fixtures (their entity files, and what their tasks name).
#pragma once

#include <filesystem>
#include <vector>

#include "mock/json/schema_set.h"
#include "mock/model/task.h"

namespace mock::bench {

// Registers "entities/<query>" benchmarks. `tasks` must outlive them. Returns false (after
// printing why) when the fixtures' entities cannot be loaded.
bool RegisterEntityBenchmarks(const std::vector<model::Task>& tasks,
                              const std::filesystem::path& fixtures,
                              const json::SchemaSet& schemas);

}  // namespace mock::bench
