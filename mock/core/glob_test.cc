#include "mock/core/glob.h"

#include <gtest/gtest.h>

namespace mock {
namespace {

TEST(GlobTest, StarSpansSlashes) {
  EXPECT_TRUE(GlobMatches("/api/v2/tasks/*", "/api/v2/tasks/instances/7/subtasks/71/retry"));
  EXPECT_TRUE(GlobMatches("/api/v2/tasks/instances/*/retry", "/api/v2/tasks/instances/7/retry"));
  EXPECT_FALSE(GlobMatches("/api/v2/tasks/instances/*/retry", "/api/v2/tasks/instances/7"));
  EXPECT_TRUE(GlobMatches("/api/v2/tasks/instances/[0-9]", "/api/v2/tasks/instances/7"));
}

TEST(GlobTest, ProblemsAreNamed) {
  EXPECT_FALSE(GlobProblem("/api/*"));
  EXPECT_EQ("is not a path glob: it starts with '/'", GlobProblem("api/*").value_or(""));
  EXPECT_EQ("has a '[' that is never closed", GlobProblem("/api/[v2").value_or(""));
}

// Every path a glob matches starts with its literal prefix.
TEST(GlobTest, LiteralPrefixStopsAtTheFirstWildcardOrEscape) {
  EXPECT_EQ("/api/v2/tasks/", GlobLiteralPrefix("/api/v2/tasks/*/retry"));
  EXPECT_EQ("/a", GlobLiteralPrefix("/a?c"));
  EXPECT_EQ("/a", GlobLiteralPrefix("/a[bc]"));
  EXPECT_EQ("/a", GlobLiteralPrefix("/a\\*"));
  EXPECT_EQ("/exact", GlobLiteralPrefix("/exact"));
}

}  // namespace
}  // namespace mock
