#include "mock/core/status.h"

#include <gtest/gtest.h>

namespace mock {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(StatusCode::kOk, s.code());
  EXPECT_EQ("OK", s.ToString());
}

TEST(StatusTest, CarriesCodeMessageArgsAndKind) {
  Status s = InvalidArgument("'x' is not a number.").WithArgs({"page"}).WithOcpKind("badRequest");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, s.code());
  EXPECT_EQ("'x' is not a number.", s.message());
  EXPECT_EQ(std::vector<std::string>{"page"}, s.args());
  EXPECT_EQ("badRequest", s.ocp_kind());
  EXPECT_EQ("INVALID_ARGUMENT(badRequest) [page]: 'x' is not a number.", s.ToString());
}

TEST(StatusTest, StartUpFailuresAreConfigErrors) {
  Status s = ConfigError("fixtures/tasks/a.json: /tasks/0: missing");
  EXPECT_EQ(StatusCode::kConfig, s.code());
  EXPECT_EQ("CONFIG: fixtures/tasks/a.json: /tasks/0: missing", s.ToString());
}

TEST(StatusOrTest, HoldsAValueOrAFailure) {
  StatusOr<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(7, good.value());
  EXPECT_TRUE(good.status().ok());
  StatusOr<int> bad = NotFound("no task 9");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(StatusCode::kNotFound, bad.status().code());
}

TEST(ExcerptTest, CutsLongValuesOnACharacterBoundary) {
  EXPECT_EQ("short", Excerpt("short"));
  std::string long_text(63, 'a');
  long_text += "\xE4\xB8\xAD";  // a 3-byte character across the 64-byte mark
  EXPECT_EQ(std::string(63, 'a') + "...", Excerpt(long_text));
}

}  // namespace
}  // namespace mock
