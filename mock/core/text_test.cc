#include "mock/core/text.h"

#include <gtest/gtest.h>

namespace mock::text {
namespace {

TEST(TextTest, TrimStripsWhatJavaTrimStrips) {
  EXPECT_EQ("RUNNING", Trim(" \t\r\nRUNNING\x01 "));
  EXPECT_EQ("a b", Trim("a b"));
  EXPECT_EQ("", Trim(" \t "));
  EXPECT_EQ("\xE5\xA4\x87", Trim(" \xE5\xA4\x87 "));  // UTF-8 bytes are not whitespace
  EXPECT_TRUE(IsBlank(""));
  EXPECT_FALSE(IsBlank(" x "));
}

TEST(TextTest, CaseFoldingIsAsciiOnly) {
  EXPECT_EQ("prepare tenant \xC3\x89", LowerAscii("Prepare TENANT \xC3\x89"));
  EXPECT_TRUE(EqualsIgnoreCase("DESC", "desc"));
  EXPECT_FALSE(EqualsIgnoreCase("desc", "des"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89", "\xC3\xA9"));
}

}  // namespace
}  // namespace mock::text
