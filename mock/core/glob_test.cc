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

// Found by fuzz_faults (corpus: regression-nul-in-glob): fnmatch stops at a NUL, so the rule
// "/api\0x" matched the path "/api" while FaultRules::Decide, testing the literal prefix first,
// never fired it.
TEST(GlobTest, ANulByteIsAProblem) {
  using namespace std::string_view_literals;
  EXPECT_EQ("holds a NUL byte, which no path holds", GlobProblem("/api\0x"sv).value_or(""));
  EXPECT_TRUE(GlobMatches(std::string("/api\0x", 6), "/api")) << "why it must be refused";
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
