#include "mock/api/router.h"

#include <gtest/gtest.h>

namespace mock::api {
namespace {

Router Make() {
  Router r;
  r.Add("GET", "/api/v2/tasks/instances", 1);
  r.Add("GET", "/api/v2/tasks/instances/{id}", 2);
  r.Add("POST", "/api/v2/tasks/instances/{id}/retry", 3);
  return r;
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Router r = Make();
  EXPECT_EQ(1, r.Match("GET", "/api/v2/tasks/instances").route_id);
  RouteMatch m = r.Match("GET", "/api/v2/tasks/instances/42");
  EXPECT_EQ(2, m.route_id);
  EXPECT_EQ(std::vector<std::string>{"42"}, m.params);
}

TEST(RouterTest, TrailingSlashIsIgnored) {
  EXPECT_EQ(1, Make().Match("GET", "/api/v2/tasks/instances/").route_id);
}

TEST(RouterTest, WrongMethodListsTheAllowedOnes) {
  RouteMatch m = Make().Match("DELETE", "/api/v2/tasks/instances/42/retry");
  EXPECT_EQ(RouteMatch::kMethodNotAllowed, m.outcome);
  EXPECT_EQ("POST", m.allow);
}

TEST(RouterTest, UnknownPathsAreNotFound) {
  Router r = Make();
  for (const char* path : {"/", "/api", "/api/v2/tasks", "/api/v2/tasks/instances/1/x",
                           "/api/v2/tasks//instances", "/API/v2/tasks/instances"}) {
    EXPECT_EQ(RouteMatch::kNotFound, r.Match("GET", path).outcome) << path;
  }
}

}  // namespace
}  // namespace mock::api
