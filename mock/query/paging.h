// `page` and `size` resolved the way OCP's Spring Data resolver does
// (docs/reference/spring-paging.md): lenient, never an error.
//
//   ResolvePage({"0"}, {"5000"}) == PageRequest{1, 2000}
#pragma once

#include <string_view>
#include <vector>

#include "mock/query/task_query.h"

namespace mock::query {

// `pages` and `sizes` are every value the client sent; the first one counts.
//  - page: absent, blank, < 1, or not a 32-bit integer -> 1.
//  - size: absent, blank, < 1, or not a 32-bit integer -> 10; above 2000 -> 2000.
PageRequest ResolvePage(const std::vector<std::string_view>& pages,
                        const std::vector<std::string_view>& sizes);

}  // namespace mock::query
