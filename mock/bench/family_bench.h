// The lists the client-flow families of #25 serve, in the engine benchmark: what a GET of one
// of them costs below HTTP. Each family is built as route_table.cc builds it, its GET list route
// is taken from its Routes(), and every iteration calls that route's handler (the query bound,
// the family's own rows and checks, the filter, sort and page of 10) and writes the Reply's data
// as JSON, as Api::Handle does inside the envelope:
//  - families/host_types...         GET /api/v2/compute/hostTypes
//  - families/credentials...        GET /api/v2/profiles/me/credentials
//  - families/workload_reports...   GET /api/v2/ob/clusters/{id}/performance/workload/reports
//  - families/workload_snapshots... GET .../performance/workload/snapshots (720, not paged)
//  - families/arbitration...        GET /api/v2/arbitration/services
// Each list gets its default first page, a filter where it has one, and `sort=name,desc` where
// it sorts.
//
// Rows are synthetic, of each row schema's shape, as many as the fixtures' entities call for
// (docs/performance.md, "The client flows' lists"): a host type, a credential and an arbitration
// service per host, 24 workload reports per cluster (a day of hourly reports), each report's
// task in a task store of its own, finished. So the counts grow with the fixture set as
// tools/gen-fixtures grows clusters and hosts (one cluster of 3 hosts per 20,000 tasks).
#pragma once

#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"

namespace mock::bench {

// Registers the "families/<list>[_<query>]" benchmarks over rows sized by `set` (the fixtures'
// entities, completed from their tasks). Before registering, runs each request once and checks
// that it answers the rows it should (so that no benchmark measures an error); returns false,
// after printing why, when one does not. `schemas` must outlive the benchmarks.
bool RegisterFamilyBenchmarks(const entities::EntitySet& set, const json::SchemaSet& schemas);

}  // namespace mock::bench
