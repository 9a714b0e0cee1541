// `sort` parameters parsed the way Spring Data's SortHandlerMethodArgumentResolver does.
//
//   ParseSort({"status,asc", "id,desc"}) -> [status asc, id desc]
//   ParseSort({"name,startTime,desc"})   -> [name desc, startTime desc]
//   ParseSort({"id,sideways"})           -> error kUnsupportedSort naming "sideways"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock/core/status.h"
#include "mock/query/task_query.h"

namespace mock::query {

// One entry per `sort` parameter, in order. Within one: comma-separated properties, optionally
// ending with a direction (`asc`/`desc`, any case) that applies to every property before it;
// default ascending. Blank elements are skipped; a parameter with no property adds nothing.
// Property names are case-sensitive: id, name, status, type, createTime, startTime, finishTime.
StatusOr<std::vector<SortOrder>> ParseSort(const std::vector<std::string_view>& params);

// The same rules for any list: each property is its index in `properties` (the list's sortable
// property names); an unknown one is kUnsupportedSort naming it and listing `properties`.
struct PropertyOrder {
  size_t property = 0;
  bool descending = false;
};
StatusOr<std::vector<PropertyOrder>> ParseSortOf(const std::vector<std::string_view>& params,
                                                 const std::vector<std::string_view>& properties);

// The property name of `key` as a client writes it.
std::string_view SortPropertyName(SortKey key);

}  // namespace mock::query
