// ASCII text helpers for parameter binding and matching, shared so that every parameter is
// trimmed and case-folded the same way.
//
//   Trim("  RUNNING\t") == "RUNNING";  EqualsIgnoreCase("DESC", "desc");
#pragma once

#include <string>
#include <string_view>

namespace mock::text {

// Strips leading and trailing characters <= U+0020, as Java's String.trim() does (Spring trims
// enum and number parameters with it).
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

inline bool IsBlank(std::string_view s) { return Trim(s).empty(); }

// Lower-cases A-Z only; every other byte (UTF-8 included) is left as it is.
inline char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

}  // namespace mock::text
