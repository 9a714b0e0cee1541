#include "mock/auth/signature.h"

#include <gtest/gtest.h>

namespace mock::auth {
namespace {

// OCP's documented example ("Rules for generating a signature by using AK/SK", 4.0.3+).
SignedParts DocumentedExample() {
  return SignedParts{"POST",
                     "/api/v2/compute/idcs",
                     {},
                     {{"Content-Type", "application/json"},
                      {"x-ocp-data", "A,1"},
                      {"Host", "ocp.alibaba.net:8080"},
                      {"Date", "Tue, 17 Jan 2023 09:13:57 GMT"}},
                     R"({"name":"test01","description":"test","regionId":1})"};
}

TEST(SignatureTest, DocumentedTestVector) {
  const std::string message = CanonicalMessage(DocumentedExample(), Variant{});
  EXPECT_EQ(
      "POST\n186974DB33A090A16D3E2CA35F547B56\napplication/json\nTue, 17 Jan 2023 09:13:57 GMT\n"
      "ocp.alibaba.net:8080\nx-ocp-data:A,1\n/api/v2/compute/idcs",
      message);
  EXPECT_EQ("XN8P+O+v3vUabB16ZCooq5wMJoY=", Sign("2fc0c299cc94c6be266f2ceece765d4d", message));
}

TEST(SignatureTest, SortedHeaderValuesReadingOfTheRule) {
  const std::string message = CanonicalMessage(DocumentedExample(), Variant{true, false});
  EXPECT_NE(std::string::npos, message.find("x-ocp-data:1,A"));
  // Computed independently in the reference notes (docs/reference/ocp-task-api.md 1.2.2).
  EXPECT_EQ("31daR5vwio4VW/lApQysiey3x4s=", Sign("2fc0c299cc94c6be266f2ceece765d4d", message));
}

TEST(SignatureTest, QueryIsSortedMergedAndEncoded) {
  SignedParts p{"GET",
                "/api/v2/tasks/instances",
                {{"status", "RUNNING"}, {"name", "a b+c"}, {"status", "FAILED"}, {"page", "1"}},
                {},
                ""};
  EXPECT_EQ("GET\n\n\n\n\n\n/api/v2/tasks/instances?name=a%20b%2Bc&page=1&status=FAILED,RUNNING",
            CanonicalMessage(p, Variant{}));
}

TEST(SignatureTest, OcpHeadersAreSortedByLowerCaseKey) {
  SignedParts p{"GET", "/x", {}, {{"X-OCP-B", "2"}, {"x-ocp-a", "1"}, {"X-Other", "no"}}, ""};
  EXPECT_EQ("GET\n\n\n\n\nx-ocp-a:1\nx-ocp-b:2\n/x", CanonicalMessage(p, Variant{}));
}

TEST(SignatureTest, EmptyBodyMd5EitherWay) {
  SignedParts p{"GET", "/x", {}, {}, ""};
  EXPECT_EQ(0u, CanonicalMessage(p, Variant{false, false}).rfind("GET\n\n", 0));
  EXPECT_EQ(0u, CanonicalMessage(p, Variant{false, true})
                    .rfind("GET\nD41D8CD98F00B204E9800998ECF8427E\n", 0));
}

TEST(SignatureTest, Rfc3986KeepsOnlyUnreserved) {
  EXPECT_EQ("aZ09-._~%20%2B%2F%3F%E5%A4%87", Rfc3986("aZ09-._~ +/?\xE5\xA4\x87"));
}

}  // namespace
}  // namespace mock::auth
