#include "mock/reply/router.h"

#include <gtest/gtest.h>

namespace mock::api {
namespace {

Router Make() {
  auto none = [](const Call&) -> StatusOr<Reply> { return Reply{}; };
  return Router({{"GET", "/api/v2/tasks/instances", Access::kTaskViewer, none},
                 {"GET", "/api/v2/tasks/instances/{id}", Access::kTaskViewer, none},
                 {"POST", "/api/v2/tasks/instances/{id}/retry", Access::kTaskManager, none},
                 {"GET", "/__mock/clock", Access::kControl, none}});
}

std::string PatternOf(const RouteMatch& m) { return m.route ? m.route->pattern : "(none)"; }

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Router r = Make();
  EXPECT_EQ("/api/v2/tasks/instances", PatternOf(r.Match("GET", "/api/v2/tasks/instances")));
  RouteMatch m = r.Match("GET", "/api/v2/tasks/instances/42");
  EXPECT_EQ("/api/v2/tasks/instances/{id}", PatternOf(m));
  EXPECT_EQ(std::vector<std::string>{"42"}, m.params);
  EXPECT_EQ(std::vector<std::string>{"id"}, m.names);
}

TEST(RouterTest, ControlRoutesAreInTheSameTable) {
  const Router router = Make();  // a match points into its router's table
  RouteMatch m = router.Match("GET", "/__mock/clock");
  ASSERT_EQ(RouteMatch::kFound, m.outcome);
  EXPECT_EQ(Access::kControl, m.route->access);
}

TEST(RouterTest, TrailingSlashIsIgnored) {
  EXPECT_EQ("/api/v2/tasks/instances", PatternOf(Make().Match("GET", "/api/v2/tasks/instances/")));
}

TEST(RouterTest, WrongMethodListsTheAllowedOnes) {
  RouteMatch m = Make().Match("DELETE", "/api/v2/tasks/instances/42/retry");
  EXPECT_EQ(RouteMatch::kMethodNotAllowed, m.outcome);
  EXPECT_EQ("POST", m.allow);
  EXPECT_EQ("GET", Make().Match("POST", "/__mock/clock").allow);
}

TEST(RouterTest, UnknownPathsAreNotFound) {
  Router r = Make();
  for (const char* path : {"/", "/api", "/api/v2/tasks", "/api/v2/tasks/instances/1/x",
                           "/api/v2/tasks//instances", "/API/v2/tasks/instances", "/__mock/"}) {
    EXPECT_EQ(RouteMatch::kNotFound, r.Match("GET", path).outcome) << path;
  }
}

TEST(RouterTest, NamesAndTheSqlPagesTextIdsAreTextSegmentsEveryOtherOneAnId) {
  for (const char* text : {"zoneName", "username", "roleName", "sqlId", "planUid"}) {
    EXPECT_TRUE(IsTextSegment(text)) << text;
  }
  for (const char* id : {"id", "tenantId", "clusterId", "taskInstanceId", "uid", "sqlIds"}) {
    EXPECT_FALSE(IsTextSegment(id)) << id;
  }
}

}  // namespace
}  // namespace mock::api
