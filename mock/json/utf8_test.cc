// IsValidUtf8 gives RapidJSON's verdict (kParseValidateEncodingFlag) on every byte string tried:
// ParseJson skips RapidJSON's check of a text IsValidUtf8 accepts, so a text it accepted and
// RapidJSON refused would be let through.
#include "mock/json/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/json/json.h"

namespace mock::json {
namespace {

// RapidJSON's verdict on `bytes` as the contents of a JSON string.
bool RapidJsonAccepts(const std::string& bytes) {
  const std::string text = "\"" + bytes + "\"";
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  return !doc.HasParseError();
}

// Bytes allowed raw in a JSON string but for their encoding: not '"', '\\' or a control.
unsigned char StringByte(std::mt19937& rng) {
  for (;;) {
    const auto c = static_cast<unsigned char>(std::uniform_int_distribution<int>(0x20, 0xFF)(rng));
    if (c != '"' && c != '\\') return c;
  }
}

// A code point's UTF-8, for strings that are mostly well formed.
std::string Encode(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

std::vector<std::string> Cases() {
  std::vector<std::string> cases = {"",
                                    "plain ascii text of more than eight bytes",
                                    "caf\xc3\xa9",
                                    "\xe4\xb8\xad\xe6\x96\x87",
                                    "\xf0\x9f\x98\x80",
                                    "\xc0\x80",
                                    "\xc1\xbf",
                                    "\xe0\x80\x80",
                                    "\xe0\x9f\xbf",
                                    "\xed\xa0\x80",
                                    "\xed\xbf\xbf",
                                    "\xef\xbf\xbf",
                                    "\xf0\x80\x80\x80",
                                    "\xf0\x8f\xbf\xbf",
                                    "\xf4\x8f\xbf\xbf",
                                    "\xf4\x90\x80\x80",
                                    "\xf5\x80\x80\x80",
                                    "\xff",
                                    "\x80",
                                    "abc\xc3",
                                    "abcdefgh\xe4\xb8",
                                    "abcdefg\xe4\xb8\xad"};
  std::mt19937 rng(29);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int parts = std::uniform_int_distribution<int>(0, 12)(rng);
    for (int p = 0; p < parts; ++p) {
      switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
        case 0:
          s += static_cast<char>(StringByte(rng));
          break;
        case 1:
          s += "abcdefghij";
          break;
        default: {  // a code point that is allowed raw, surrogates included (then refused)
          uint32_t cp = std::uniform_int_distribution<uint32_t>(0x20, 0x10FFFF)(rng);
          if (cp == '"' || cp == '\\') cp = 'x';
          s += Encode(cp);
        }
      }
    }
    // Sometimes one byte cut or changed, which breaks a sequence or makes an overlong form.
    if (!s.empty() && i % 3 == 0) {
      const size_t at = std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng);
      if (i % 2 == 0) {
        s.erase(at, 1);
      } else {
        s[at] = static_cast<char>(StringByte(rng));
      }
    }
    cases.push_back(s);
  }
  return cases;
}

TEST(Utf8Test, IsValidUtf8GivesRapidJsonsVerdict) {
  size_t valid = 0;
  size_t checked = 0;
  for (const std::string& s : Cases()) {
    if (s.find_first_of("\"\\") != std::string::npos) continue;
    ++checked;
    const bool expected = RapidJsonAccepts(s);
    ASSERT_EQ(IsValidUtf8(s), expected) << ::testing::PrintToString(s);
    valid += expected ? 1 : 0;
  }
  // Both verdicts were tried many times.
  EXPECT_GT(valid, checked / 10);
  EXPECT_LT(valid, checked - checked / 10);
}

TEST(Utf8Test, ParseJsonRefusesABrokenSequenceWhereverItIs) {
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string text = "[\"" + std::string(pad, 'a') + "\xe4\xb8\"]";
    EXPECT_FALSE(ParseJson(text).ok()) << pad;
    std::string copy = text;
    EXPECT_FALSE(ParseJsonInPlace(copy).has_value()) << pad;
  }
}

}  // namespace
}  // namespace mock::json
