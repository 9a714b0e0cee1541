// Matches a method and a decoded path against route patterns such as
// "/api/v2/tasks/instances/{taskInstanceId}", where a `{name}` segment matches any one segment.
// A trailing slash is ignored ("/a/" matches "/a"), as in Spring MVC 5, on which OCP runs.
//
//   router.Add("GET", "/api/v2/tasks/instances", 0);
//   RouteMatch m = router.Match("POST", "/api/v2/tasks/instances");
//   // m.outcome == kMethodNotAllowed, m.allow == "GET"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mock::api {

struct RouteMatch {
  enum Outcome { kFound, kNotFound, kMethodNotAllowed } outcome = kNotFound;
  int route_id = -1;                // with kFound: the id given to Add
  std::vector<std::string> params;  // with kFound: the `{...}` segments, in order
  std::string allow;                // with kMethodNotAllowed: "GET, POST"
};

class Router {
 public:
  void Add(std::string method, std::string_view pattern, int route_id);
  RouteMatch Match(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    int id;
  };
  std::vector<Route> routes_;
};

}  // namespace mock::api
