#include "mock/http/url.h"

#include <gtest/gtest.h>

namespace mock::http {
namespace {

std::string Decode(std::string_view s) {
  auto r = DecodeComponent(s, true);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? r.value() : "";
}

TEST(UrlTest, DecodesPercentAndPlus) {
  EXPECT_EQ("Prepare tenant", Decode("Prepare%20tenant"));
  EXPECT_EQ("Prepare tenant", Decode("Prepare+tenant"));
  EXPECT_EQ("a+b", Decode("a%2Bb"));
  EXPECT_EQ("备份", Decode("%E5%A4%87%E4%BB%BD"));
  EXPECT_EQ("%", Decode("%25"));
  EXPECT_EQ("a+b", DecodeComponent("a+b", false).value());
}

class UrlErrorTest : public testing::TestWithParam<std::string_view> {};

TEST_P(UrlErrorTest, IsAnInvalidArgument) {
  auto r = DecodeComponent(GetParam(), true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, r.status().code());
}

INSTANTIATE_TEST_SUITE_P(Malformed, UrlErrorTest,
                         testing::Values("%", "%4", "%zz", "a%g1", "%00", "%FF", "%C0%AF",
                                         "%ED%A0%80", "%F4%90%80%80", "%E5%A4", "\xff"));

TEST(UrlTest, QueryKeepsRepeatsInTheirOrder) {
  auto q = ParseQuery("status=RUNNING&status=FAILED&&name=a%26b&flag&empty=");
  ASSERT_TRUE(q.ok());
  QueryParams expected{
      {"status", "RUNNING"}, {"status", "FAILED"}, {"name", "a&b"}, {"flag", ""}, {"empty", ""}};
  EXPECT_EQ(expected, q.value());
}

TEST(UrlTest, AnUndecodableParameterFailsTheQueryOrIsDroppedAsTomcatDoes) {
  const std::string_view raw = "status=FAILED&name=100%zz&%G0=1&size=5";
  EXPECT_FALSE(ParseQuery(raw).ok());
  auto lenient = ParseQuery(raw, 1000, Undecodable::kDrop);
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ((QueryParams{{"status", "FAILED"}, {"size", "5"}}), lenient.value());
  // The path is never lenient: it chooses the route.
  EXPECT_FALSE(ParseTarget("/a%zz?b=1", 1000, Undecodable::kDrop).ok());
  EXPECT_TRUE(ParseTarget("/a?b=%zz", 1000, Undecodable::kDrop).value().query.empty());
}

TEST(UrlTest, QueryParameterCountIsBounded) {
  std::string raw;
  for (int i = 0; i < 11; ++i) raw += "a=1&";
  EXPECT_TRUE(ParseQuery(raw, 11).ok());
  EXPECT_FALSE(ParseQuery(raw + "b=2", 11).ok());
}

TEST(UrlTest, TargetSplitsPathAndQuery) {
  auto t = ParseTarget("/api/v2/tasks/instances?page=2#frag");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ("/api/v2/tasks/instances", t.value().path);
  EXPECT_EQ((QueryParams{{"page", "2"}}), t.value().query);
  EXPECT_EQ("/a%b", ParseTarget("/a%25b").value().path);
  EXPECT_EQ("/a b/", ParseTarget("/a%20b/").value().path);
}

TEST(UrlTest, TargetRefusesTraversalAndNonAbsolutePaths) {
  for (const char* bad :
       {"/api/../x", "/api/%2E%2E/x", "/instances/..%2F..", "/a/./b", "*", "http://host/api", ""}) {
    EXPECT_FALSE(ParseTarget(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace mock::http
