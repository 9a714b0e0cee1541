// The clusters, tenants and hosts lists, declared for the list engine (mock/listing): their
// documented parameters, the fields they match and the properties they sort by.
//
//   auto q = ParseTenantList(params, enums, /*cluster_id=*/1000002);
//   query::Page<const Row*> page = RunList(store_rows, q.value());
//
// Where the docs are silent (docs/entities.md): as every list of the engine (list_spec.h), and
// `name` sorts ASCII case-insensitively, then by code point; times sort by instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/entities/entity_set.h"
#include "mock/json/schema_set.h"
#include "mock/listing/list_engine.h"

namespace mock::entities {

// The three lists as the version played declares them (its enums read from its schemas, so
// 4.2.0's narrower statuses, types and modes are refused).
struct ListRules {
  listing::ListSpec clusters;
  listing::ListSpec tenants;
  listing::ListSpec hosts;
};

// The rules of `version` (its name, "4.2.0"), its enums read from `schemas` (that version's).
// 3.1.1 to 4.0.3: `withStandby=true` lists primary clusters only; from 4.2.0 the docs say it is
// no longer used, so it is not declared (and so ignored).
ListRules ListRulesFor(const json::SchemaSet& schemas, std::string_view version);
// Without schemas (an Api built without them): every list declared, no enum value accepted.
ListRules ListRulesFor(const json::SchemaSet* schemas, std::string_view version);

using ListQuery = listing::ListQuery;

// GET /api/v2/ob/clusters: name, status, withStandby, page, size, sort.
StatusOr<ListQuery> ParseClusterList(const QueryParams& params, const ListRules& rules);
// GET /api/v2/ob/tenants (cluster_id nullopt) and /api/v2/ob/clusters/{id}/tenants: name, mode,
// locked, readonly, status, page, size, sort.
StatusOr<ListQuery> ParseTenantList(const QueryParams& params, const ListRules& rules,
                                    std::optional<int64_t> cluster_id);
// GET /api/v2/compute/hosts: status, keyword, includedServiceType, excludedServiceType, page,
// size, sort.
StatusOr<ListQuery> ParseHostList(const QueryParams& params, const ListRules& rules);

// The page of `rows` answering `query`; items point into `rows`.
inline query::Page<const Row*> RunList(const std::vector<Row>& rows, const ListQuery& query) {
  return listing::Run(query, rows);
}

}  // namespace mock::entities
