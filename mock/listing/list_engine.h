// The one list engine for resource families: binds a declared list's parameters (list_spec.h)
// and answers the page. Tasks keep their own index (mock/query/task_index.h); every other list
// runs here.
//
//   auto q = Bind(spec, request.query);                 // 400 with OCP's kind when refused
//   q.value().required.push_back({"clusterId", 7});     // a path's scope
//   query::Page<const Row*> page = Run(q.value(), rows);
//
// Run reads each row's JSON once per query: filters test members in place and sort keys are
// read once per matching row, never per comparison.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/listing/list_spec.h"
#include "mock/query/sort.h"
#include "mock/query/task_query.h"

namespace mock::listing {

// A field name split once, at binding, rather than once per row: `member`, or `member` of each
// element of array `array` ("array[].member").
struct FieldPath {
  std::string array;  // empty: `member` is the row's own
  std::string member;
};

// One filter with the values a request gave it.
struct BoundFilter {
  const Filter* filter = nullptr;   // points into the ListSpec, which must outlive the query
  std::vector<FieldPath> paths;     // the filter's fields, split
  std::vector<std::string> values;  // kAnyOf, kHasAnyOf, kHasNoneOf; one lower-cased value for
                                    // kContains; "true"/"false" for kBool
};

// A member a path fixes: the row's integer field equals `value` (a cluster's tenants).
struct Required {
  std::string field;
  int64_t value = 0;
};

struct ListQuery {
  const ListSpec* spec = nullptr;
  std::vector<BoundFilter> filters;  // only those the request gave
  std::vector<Required> required;
  std::vector<query::PropertyOrder> sort;  // indexes into spec->sort_keys
  query::PageRequest page;
};

// Binds `params` as OCP's controllers do: each filter's parameter, `sort` (unsupportedSort for
// an undeclared property), `page` and `size` (clamped). invalidParameter naming the parameter for
// a value that does not bind. `spec` must outlive the query.
StatusOr<ListQuery> Bind(const ListSpec& spec, const QueryParams& params);

// Whether the row object `doc` passes every filter and requirement of `query`.
bool Matches(const ListQuery& query, const rapidjson::Value& doc);

// A row that matched, as the window sees it.
struct Candidate {
  size_t index = 0;  // into the caller's rows
  int64_t id = 0;
  const rapidjson::Value* doc = nullptr;
};

// Orders `candidates` by the query's sort (then id ascending) only as far as the page needs, and
// returns the page's indexes into the caller's rows, with the totals.
query::Page<size_t> Window(const ListQuery& query, const std::vector<Candidate>& candidates);

// The page of `rows` answering `query`. Row is any type with `int64_t id` and a `doc` that
// dereferences to a rapidjson object (entities::Row, resources::Row); items point into `rows`.
template <typename Row>
query::Page<const Row*> Run(const ListQuery& query, const std::vector<Row>& rows) {
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < rows.size(); ++i) {
    const rapidjson::Value& doc = *rows[i].doc;
    if (Matches(query, doc)) candidates.push_back({i, rows[i].id, &doc});
  }
  query::Page<size_t> window = Window(query, candidates);
  query::Page<const Row*> page;
  page.page = window.page;
  page.total_elements = window.total_elements;
  page.total_pages = window.total_pages;
  page.items.reserve(window.items.size());
  for (size_t i : window.items) page.items.push_back(&rows[i]);
  return page;
}

}  // namespace mock::listing
