// Helpers that state what the server should answer, computed by the suite itself from the
// tasks it learned, independently of the mock's engine.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "contract_tests/support/server_under_test.h"

namespace contract {

using Predicate = std::function<bool(const KnownTask&)>;

// ASCII case-insensitive substring test (OCP's "fuzzy match").
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// Checks that listing with `query` gives exactly the known tasks satisfying `pred`, in the
// default order (id descending): no false hits and, when the suite knows every task, no misses.
// Returns the number of matches, so a test can insist that its case is not vacuous.
size_t ExpectFilter(const std::string& query, const Predicate& pred);

// The most frequent of `values` (the smallest on a tie); T{} when `values` is empty.
template <typename T>
T MostCommon(const std::vector<T>& values);

// The task with this id among those learned; nullptr if unknown.
const KnownTask* FindTask(int64_t id);

}  // namespace contract
