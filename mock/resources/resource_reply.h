// How a resource family answers: a page of rows in OCP's `{"contents": [...], "page": {...}}`,
// one row, as served. The rows are a snapshot the reply owns, written after every lock is let go.
#pragma once

#include <memory>
#include <vector>

#include "mock/listing/list_engine.h"
#include "mock/reply/route.h"
#include "mock/resources/resource_set.h"

namespace mock::resources {

// The page of `rows` that answers `query`.
api::Reply ListReply(std::vector<Row> rows, const listing::ListQuery& query);

// One row as it is held.
api::Reply RowReply(Row row);

}  // namespace mock::resources
