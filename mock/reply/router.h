// Matches a method and a decoded path against the route table's patterns, such as
// "/api/v2/tasks/instances/{taskInstanceId}", where a `{name}` segment matches any one
// non-empty segment. A trailing slash is ignored ("/a/" matches "/a"), as in Spring MVC 5, on
// which OCP runs.
//
//   Router router({{"GET", "/api/v2/tasks/instances", Access::kTaskViewer, list}});
//   RouteMatch m = router.Match("POST", "/api/v2/tasks/instances");
//   // m.outcome == kMethodNotAllowed, m.allow == "GET"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mock/reply/route.h"

namespace mock::api {

struct RouteMatch {
  enum Outcome { kFound, kNotFound, kMethodNotAllowed } outcome = kNotFound;
  const Route* route = nullptr;     // with kFound; points into the Router
  std::vector<std::string> params;  // with kFound: the `{...}` segments, in order
  std::vector<std::string> names;   // with kFound: their names, without braces
  std::string allow;                // with kMethodNotAllowed: "GET, POST"
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);

  // The first route whose pattern and method match; else whether the path exists at all.
  RouteMatch Match(std::string_view method, std::string_view path) const;

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;
  };
  std::vector<Compiled> routes_;
};

}  // namespace mock::api
