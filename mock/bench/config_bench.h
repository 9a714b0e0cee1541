// The configuration pages of issue 27 in the engine benchmark (docs/parameters.md,
// docs/tenant-objects.md, docs/terraform.md): what a GET of each costs below HTTP over the
// fixtures' entities, as the family answers it:
//  - config/cluster_parameters, config/tenant_parameters (the middle cluster and its first MySQL
//    tenant), config/obproxy_parameters (the first OBProxy cluster);
//  - config/tenant_databases, config/tenant_users, config/tenant_user (the same tenant: its
//    built-in databases and users, and its fixture rows if any), config/tenant_roles and
//    config/tenant_objects (the set's first Oracle tenant: both are Oracle tenants' only).
// Each request runs once first and is checked (mock/bench/page_bench.h): the parameter lists
// against the catalogue's rows for the owner, counted here from the rows themselves.
#pragma once

#include <filesystem>

#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"

namespace mock::bench {

// Registers the "config/..." benchmarks over `set` and the family rows of `fixtures` (the
// parameter catalogue, tenant-object and OBProxy rows; where the folder has no OBProxy cluster,
// the bundled fixtures' are used: their parameter list does not depend on the set). False, after
// printing why, when a request answers other than it should or the catalogue is empty.
bool RegisterConfigBenchmarks(const entities::EntitySet& set, const std::filesystem::path& fixtures,
                              const std::filesystem::path& bundled, const json::SchemaSet& schemas);

}  // namespace mock::bench
