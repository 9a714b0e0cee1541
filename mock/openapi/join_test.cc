// The route walk's pairing (join.h) says every way a route and its Operation can fail to pair.
#include "mock/openapi/join.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mock::openapi {
namespace {

using api::Access;
using ::testing::ElementsAre;

api::Route R(const char* method, const char* pattern) {
  return {method, pattern, Access::kTaskViewer, nullptr};
}

api::Operation Op(const char* method, const char* pattern, const char* id) {
  return {.method = method, .pattern = pattern, .id = id, .summary = "s"};
}

TEST(Join, PairsEachRouteWithItsOperationInRouteOrder) {
  const Joined j = Join({{.name = "a",
                          .description = "A",
                          .routes = {R("GET", "/x"), R("POST", "/x")},
                          .operations = {Op("POST", "/x", "postX"), Op("GET", "/x", "getX")}}});
  EXPECT_TRUE(j.problems.empty());
  ASSERT_EQ(2u, j.operations.size());
  EXPECT_EQ("getX", j.operations[0].op.id);
  EXPECT_EQ("a", j.operations[0].tag);
  EXPECT_EQ(Access::kTaskViewer, j.operations[0].access);
  ASSERT_EQ(1u, j.tags.size());
  EXPECT_EQ("A", j.tags[0].description);
}

TEST(Join, SaysWhatDoesNotPairUp) {
  const Joined j = Join({{.name = "a",
                          .routes = {R("GET", "/x"), R("GET", "/y"), R("GET", "/y")},
                          .operations = {Op("GET", "/x", "same"), Op("GET", "/x", "again"),
                                         Op("GET", "/z", "z"), Op("GET", "/w", "w")}},
                         {.name = "b",
                          .routes = {R("GET", "/w"), R("GET", "/v")},
                          .operations = {Op("GET", "/v", "same")}}});
  EXPECT_THAT(
      j.problems,
      ElementsAre("GET /x (a, operationId 'again'): a second Operation for the same route",
                  "GET /z (a, operationId 'z'): an Operation without its route",
                  "GET /w (a, operationId 'w'): an Operation without its route; the "
                  "route is b's",
                  "GET /y (a): a route without its Operation", "GET /y (a): a route served twice",
                  "GET /w (b): a route without its Operation",
                  "GET /v (b): operationId 'same' is GET /x's too"));
  EXPECT_THAT(j.undescribed, ElementsAre("GET /y", "GET /w"));
}

}  // namespace
}  // namespace mock::openapi
