// The clusters, tenants and hosts lists: their documented parameters bound as OCP binds them
// (query/param_binding.h, the task list's rules), and the query run over an entity list.
//
//   auto q = ParseTenantList(params, enums, /*cluster_id=*/1000002);
//   query::Page<const Row*> page = RunList(store_rows, q.value());
//
// Where the docs are silent (docs/entities.md): unknown parameters are ignored; the default
// order is id ascending, and every order ends with id ascending so that pages never repeat or
// skip a row; `name` sorts ASCII case-insensitively, then by code point; a row without the
// sorted field comes first ascending (as MySQL orders NULLs); times sort by instant.
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
#include "mock/query/sort.h"
#include "mock/query/task_query.h"

namespace mock::entities {

// What the version played allows (from its schemas, so 4.2.0's narrower enums are refused).
struct ListRules {
  std::vector<std::string> cluster_statuses;
  std::vector<std::string> tenant_statuses;
  std::vector<std::string> tenant_modes;
  std::vector<std::string> host_statuses;
  std::vector<std::string> service_types;
  // 3.1.1 to 4.0.3: `withStandby=true` lists primary clusters only. From 4.2.0 the docs say it is
  // no longer used: it is accepted and ignored.
  bool with_standby_filters = false;
};

// The rules of `version` (its name, "4.2.0"), its enums read from `schemas` (that version's).
ListRules ListRulesFor(const json::SchemaSet& schemas, std::string_view version);

struct ListQuery {
  Kind kind = Kind::kCluster;
  std::optional<std::string> name;  // lower-cased substring of the name
  std::vector<std::string> statuses;
  std::optional<int64_t> cluster_id;  // a cluster's tenants
  std::vector<std::string> modes;
  std::optional<bool> locked;
  std::optional<bool> readonly;
  bool primary_only = false;           // withStandby=true before 4.2.0
  std::optional<std::string> keyword;  // hosts: lower-cased substring of name, IP or a service
  std::vector<std::string> included_services;
  std::vector<std::string> excluded_services;
  std::vector<query::PropertyOrder> sort;  // indexes into SortableProperties(kind)
  query::PageRequest page;
};

// The properties each list can be sorted by.
const std::vector<std::string_view>& SortableProperties(Kind kind);

// GET /api/v2/ob/clusters: name, status, withStandby, page, size, sort.
StatusOr<ListQuery> ParseClusterList(const QueryParams& params, const ListRules& rules);
// GET /api/v2/ob/tenants (cluster_id nullopt) and /api/v2/ob/clusters/{id}/tenants: name, mode,
// locked, readonly, status, page, size, sort.
StatusOr<ListQuery> ParseTenantList(const QueryParams& params, const ListRules& rules,
                                    std::optional<int64_t> cluster_id);
// GET /api/v2/compute/hosts: status, keyword, includedServiceType, excludedServiceType, page,
// size, sort.
StatusOr<ListQuery> ParseHostList(const QueryParams& params, const ListRules& rules);

// True when `row` (of the query's kind) passes every filter.
bool Matches(const ListQuery& query, const Row& row);

// The page of `rows` (of the query's kind) that answers `query`; items point into `rows`.
query::Page<const Row*> RunList(const std::vector<Row>& rows, const ListQuery& query);

}  // namespace mock::entities
