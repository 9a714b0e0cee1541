// One GET page of a family in the engine benchmark: what a request costs below HTTP, as the
// family answers it (its route's handler, then the Reply's data written as JSON, as
// Api::Handle does inside the envelope). Used by the topology and configuration benchmarks.
//
// Before registering, the request runs once and its answer is checked (a list of the expected
// size, or an object holding the expected member), so that no benchmark measures an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mock/core/status.h"
#include "mock/reply/route.h"

namespace mock::bench {

struct PageCase {
  std::string name;     // the benchmark's, "topology/zones"
  std::string pattern;  // the route's, "/api/v2/ob/clusters/{id}/zones"
  std::string target;   // the request's, with its query
  std::vector<int64_t> ids;
  std::vector<std::string> texts;
  std::optional<size_t> listed;  // data.contents' size it must answer; nullopt: unchecked
  std::string member = {};       // non-empty: data is one object, which must hold this member
};

// Finds GET `c.pattern` in `routes`, checks its answer, and registers the benchmark. `keep`
// owns whatever the handlers read (the family and its stores); the benchmark holds it.
Status RegisterPage(const PageCase& c, const std::shared_ptr<const std::vector<api::Route>>& routes,
                    std::shared_ptr<const void> keep);

}  // namespace mock::bench
