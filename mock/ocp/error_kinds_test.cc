#include "mock/ocp/error_kinds.h"

#include <gtest/gtest.h>

#include "mock/ocp/error_catalog.h"

namespace mock::ocp {
namespace {

TEST(ErrorKindsTest, EveryKindHasANameThatReadsBack) {
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    auto kind = static_cast<ErrorKind>(i);
    EXPECT_EQ(kind, ErrorKindFromName(ErrorKindName(kind))) << ErrorKindName(kind);
  }
  EXPECT_EQ(std::nullopt, ErrorKindFromName("noSuchKind"));
}

TEST(ErrorKindsTest, CanonicalCodesPickTheirDefaultKind) {
  const std::pair<Status, ErrorKind> cases[] = {
      {InvalidArgument("x"), ErrorKind::kInvalidParameter},
      {NotFound("x"), ErrorKind::kNotFound},
      {FailedPrecondition("x"), ErrorKind::kBadRequest},
      {PermissionDenied("x"), ErrorKind::kPermissionDenied},
      {Unauthenticated("x"), ErrorKind::kUnauthenticated},
      {ResourceExhausted("x"), ErrorKind::kThrottled},
      {Unavailable("x"), ErrorKind::kUnavailable},
      {Status(StatusCode::kUnimplemented, "x"), ErrorKind::kMethodNotAllowed},
      {ConfigError("x"), ErrorKind::kInternal},
      {InternalError("x"), ErrorKind::kInternal},
  };
  for (const auto& [status, kind] : cases) {
    EXPECT_EQ(kind, KindOf(status)) << status.ToString();
  }
}

TEST(ErrorKindsTest, AKindDetailWinsAndSetsTheHttpStatus) {
  EXPECT_EQ(404, HttpStatusFor(OcpError(ErrorKind::kTaskNotFound, "", {"7"})));
  EXPECT_EQ(StatusCode::kNotFound, OcpError(ErrorKind::kTaskNotFound, "").code());
  EXPECT_EQ(400, HttpStatusFor(OcpError(ErrorKind::kTaskCannotRollback, "")));
  EXPECT_EQ(StatusCode::kFailedPrecondition, OcpError(ErrorKind::kSubtaskCannotSkip, "").code());
  EXPECT_EQ(413, HttpStatusFor(OcpError(ErrorKind::kPayloadTooLarge, "")));
  EXPECT_EQ(429, HttpStatusFor(ResourceExhausted("")));
  EXPECT_EQ(500, HttpStatusFor(ConfigError("a start-up failure never reaches a client")));
}

TEST(ErrorKindsTest, TransportFailuresBecomeOcpKindsWithTheirCause) {
  Status too_large = AsTransportError(ResourceExhausted("the body exceeds 16 bytes"));
  EXPECT_EQ(ErrorKind::kPayloadTooLarge, KindOf(too_large));
  EXPECT_EQ(std::vector<std::string>{"the body exceeds 16 bytes"}, too_large.args());
  EXPECT_EQ(ErrorKind::kBadRequest, KindOf(AsTransportError(InvalidArgument("bad escape"))));
  EXPECT_EQ(503, HttpStatusFor(AsTransportError(Unavailable("full"))));
}

TEST(ErrorCatalogTest, RendersArgsThenTheMessage) {
  std::map<ErrorKind, CatalogEntry> entries;
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    entries[static_cast<ErrorKind>(i)] = {int64_t{1000}, "kind {0} in {1}"};
  }
  auto catalog = ErrorCatalog::Make(entries);
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ("kind a in b Why.",
            catalog.value().Render(OcpError(ErrorKind::kInternal, "Why.", {"a", "b"})));
  EXPECT_EQ("kind a in see the server log",
            catalog.value().Render(OcpError(ErrorKind::kInternal, "", {"a"})));
  entries.erase(ErrorKind::kThrottled);
  auto missing = ErrorCatalog::Make(entries);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(StatusCode::kConfig, missing.status().code());
  EXPECT_EQ("no error entry for \"throttled\"", missing.status().message());
}

}  // namespace
}  // namespace mock::ocp
