#include "mock/json/pattern_check.h"

#include <array>
#include <cstddef>
#include <utility>

namespace mock::json {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
bool IsWordStart(char c) { return IsUpper(c) || IsLower(c) || c == '_'; }
bool IsWord(char c) { return IsWordStart(c) || IsDigit(c); }

// A cursor over a value. Each step consumes what it matched and says whether it did; a failed
// step consumes nothing. Runs are greedy: in every pattern below, what follows a run is a
// character the run refuses or the end, so the longest run is the only one a regex can use, and
// no step needs to backtrack.
class Scan {
 public:
  explicit Scan(std::string_view s) : s_(s) {}

  bool End() const { return i_ == s_.size(); }

  // From `min` to `max` characters for which `in` holds.
  template <typename In>
  bool Run(In in, size_t min, size_t max) {
    size_t n = 0;
    while (n < max && i_ + n < s_.size() && in(s_[i_ + n])) ++n;
    if (n < min) return false;
    i_ += n;
    return true;
  }
  bool Digits(size_t min, size_t max) { return Run(IsDigit, min, max); }

  bool Char(char c) {
    if (i_ == s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  // One character of `set`.
  bool OneOf(std::string_view set) {
    if (i_ == s_.size() || set.find(s_[i_]) == std::string_view::npos) return false;
    ++i_;
    return true;
  }
  // Both characters, one of each set, or neither.
  bool Pair(std::string_view first, std::string_view second) {
    const size_t at = i_;
    if (OneOf(first) && OneOf(second)) return true;
    i_ = at;
    return false;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

constexpr size_t kAny = std::string_view::npos;

// ^(!|>=|<=|>|<)?[0-9]+\.[0-9]+\.[0-9]+$: a version range bound, "<4.2.0".
bool VersionBound(std::string_view v) {
  Scan s(v);
  if (!s.Pair("><", "=")) s.OneOf("!><");
  return s.Digits(1, kAny) && s.Char('.') && s.Digits(1, kAny) && s.Char('.') &&
         s.Digits(1, kAny) && s.End();
}
// ^[0-9]+\.[0-9]+\.[0-9]+$
bool Version(std::string_view v) {
  Scan s(v);
  return s.Digits(1, kAny) && s.Char('.') && s.Digits(1, kAny) && s.Char('.') &&
         s.Digits(1, kAny) && s.End();
}
// ^[^:]+$
bool NoColon(std::string_view v) { return !v.empty() && v.find(':') == std::string_view::npos; }
// ^[A-Za-z_][A-Za-z0-9_]{0,63}$
bool ShortIdentifier(std::string_view v) {
  Scan s(v);
  return s.Run(IsWordStart, 1, 1) && s.Run(IsWord, 0, 63) && s.End();
}
// ^[A-Za-z_][A-Za-z0-9_.]*$
bool DottedIdentifier(std::string_view v) {
  Scan s(v);
  return s.Run(IsWordStart, 1, 1) && s.Run([](char c) { return IsWord(c) || c == '.'; }, 0, kAny) &&
         s.End();
}
// ^[A-Z]{3}[0-9]{5}$: an OCP error code, "PKG10003".
bool ErrorCode(std::string_view v) {
  Scan s(v);
  return s.Run(IsUpper, 3, 3) && s.Digits(5, 5) && s.End();
}
// ^[0-9a-f]{40}$: a SHA-1.
bool Sha1(std::string_view v) {
  Scan s(v);
  return s.Run(IsLowerHex, 40, 40) && s.End();
}
// ^([0-9a-f]{16})?$: a trace id, or none.
bool TraceIdOrEmpty(std::string_view v) {
  Scan s(v);
  return v.empty() || (s.Run(IsLowerHex, 16, 16) && s.End());
}
// "2026-12-05T02:07:23" of the timestamps below.
bool DateAndTime(Scan& s) {
  return s.Digits(4, 4) && s.Char('-') && s.Digits(2, 2) && s.Char('-') && s.Digits(2, 2) &&
         s.Char('T') && s.Digits(2, 2) && s.Char(':') && s.Digits(2, 2) && s.Char(':') &&
         s.Digits(2, 2);
}
// ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{1,3}Z$
bool UtcMillis(std::string_view v) {
  Scan s(v);
  return DateAndTime(s) && s.Char('.') && s.Digits(1, 3) && s.Char('Z') && s.End();
}
// ^[0-9]{4}-...:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$: OCP's timestamps.
bool Timestamp(std::string_view v) {
  Scan s(v);
  if (!DateAndTime(s)) return false;
  Scan fraction = s;
  if (fraction.Char('.') && fraction.Digits(1, 9)) s = fraction;
  const bool zone =
      s.Char('Z') || (s.OneOf("+-") && s.Digits(2, 2) && s.Char(':') && s.Digits(2, 2));
  return zone && s.End();
}
// ^[0-9]{1,15}([Uu][Ss]|[Mm][Ss]|[SsMmHhDd])?$: a duration parameter, "500ms".
bool Duration(std::string_view v) {
  Scan s(v);
  if (!s.Digits(1, 15)) return false;
  if (!s.Pair("UuMm", "Ss")) s.OneOf("SsMmHhDd");
  return s.End();
}
// ^[0-9]{1,15}([Bb]|[KkMmGgTtPp][Bb]?)?$: a capacity parameter, "2G".
bool Capacity(std::string_view v) {
  Scan s(v);
  if (!s.Digits(1, 15)) return false;
  s.OneOf("KkMmGgTtPp");  // a unit, a byte suffix, both or neither: "2G", "2B", "2GB", "2"
  s.OneOf("Bb");
  return s.End();
}
// ^/
bool AbsolutePath(std::string_view v) { return !v.empty() && v.front() == '/'; }
// ^-?[0-9]{1,18}$
bool Integer(std::string_view v) {
  Scan s(v);
  s.Char('-');
  return s.Digits(1, 18) && s.End();
}
// ^-?[0-9]{1,15}(\.[0-9]{1,15})?$
bool Decimal(std::string_view v) {
  Scan s(v);
  s.Char('-');
  if (!s.Digits(1, 15)) return false;
  Scan fraction = s;
  if (fraction.Char('.') && fraction.Digits(1, 15)) s = fraction;
  return s.End();
}

constexpr std::array<std::pair<std::string_view, PatternCheck>, 15> kChecks{{
    {R"(^(!|>=|<=|>|<)?[0-9]+\.[0-9]+\.[0-9]+$)", VersionBound},
    {R"(^[0-9]+\.[0-9]+\.[0-9]+$)", Version},
    {R"(^[^:]+$)", NoColon},
    {R"(^[A-Za-z_][A-Za-z0-9_]{0,63}$)", ShortIdentifier},
    {R"(^[A-Za-z_][A-Za-z0-9_.]*$)", DottedIdentifier},
    {R"(^[A-Z]{3}[0-9]{5}$)", ErrorCode},
    {R"(^[0-9a-f]{40}$)", Sha1},
    {R"(^([0-9a-f]{16})?$)", TraceIdOrEmpty},
    {R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{1,3}Z$)", UtcMillis},
    {R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$)",
     Timestamp},
    {R"(^[0-9]{1,15}([Uu][Ss]|[Mm][Ss]|[SsMmHhDd])?$)", Duration},
    {R"(^[0-9]{1,15}([Bb]|[KkMmGgTtPp][Bb]?)?$)", Capacity},
    {R"(^/)", AbsolutePath},
    {R"(^-?[0-9]{1,18}$)", Integer},
    {R"(^-?[0-9]{1,15}(\.[0-9]{1,15})?$)", Decimal},
}};

}  // namespace

PatternCheck CheckFor(std::string_view pattern) {
  for (const auto& [text, check] : kChecks) {
    if (text == pattern) return check;
  }
  return nullptr;
}

std::vector<std::string_view> PatternsWithCode() {
  std::vector<std::string_view> patterns;
  for (const auto& entry : kChecks) patterns.push_back(entry.first);
  return patterns;
}

}  // namespace mock::json
