#include "mock/families/parameters/parameter_value.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

#include "mock/core/status.h"

namespace mock::families::parameters {
namespace {

struct Unit {
  std::string_view name;
  long double scale;
};

// OceanBase's capacity units, in bytes, and its time units, in microseconds.
constexpr long double kKiB = 1024.0L;
constexpr std::array<Unit, 11> kCapacityUnits = {{{"b", 1.0L},
                                                  {"k", kKiB},
                                                  {"kb", kKiB},
                                                  {"m", kKiB* kKiB},
                                                  {"mb", kKiB* kKiB},
                                                  {"g", kKiB* kKiB* kKiB},
                                                  {"gb", kKiB* kKiB* kKiB},
                                                  {"t", kKiB* kKiB* kKiB* kKiB},
                                                  {"tb", kKiB* kKiB* kKiB* kKiB},
                                                  {"p", kKiB* kKiB* kKiB* kKiB* kKiB},
                                                  {"pb", kKiB* kKiB* kKiB* kKiB* kKiB}}};
constexpr std::array<Unit, 6> kTimeUnits = {
    {{"us", 1.0L}, {"ms", 1e3L}, {"s", 1e6L}, {"m", 60e6L}, {"h", 3600e6L}, {"d", 86400e6L}}};

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view list) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at <= list.size();) {
    const size_t comma = std::min(list.find(',', at), list.size());
    out.push_back(Trimmed(list.substr(at, comma - at)));
    at = comma + 1;
  }
  return out;
}

std::optional<long double> Integer(std::string_view s) {
  if (s.starts_with('+')) {
    s.remove_prefix(1);
    if (s.starts_with('-')) return std::nullopt;
  }
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return static_cast<long double>(v);
}

std::optional<long double> Decimal(std::string_view s) {
  std::string_view body = s;
  if (body.starts_with('+') || body.starts_with('-')) body.remove_prefix(1);
  const size_t dot = body.find('.');
  if (!AllDigits(body.substr(0, dot))) return std::nullopt;
  if (dot != std::string_view::npos && !AllDigits(body.substr(dot + 1))) return std::nullopt;
  if (body.size() > 40) return std::nullopt;
  return std::strtold(std::string(s).c_str(), nullptr);
}

// Digits then a unit of `units`; digits alone only for 0 (the class comment).
template <size_t N>
std::optional<long double> Scaled(std::string_view s, const std::array<Unit, N>& units) {
  size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits == 0 || digits > 18) return std::nullopt;
  const long double number = *Integer(s.substr(0, digits));
  const std::string_view unit = s.substr(digits);
  if (unit.empty()) return number == 0 ? std::optional<long double>(0) : std::nullopt;
  for (const Unit& u : units) {
    if (IEquals(unit, u.name)) return number * u.scale;
  }
  return std::nullopt;
}

std::optional<long double> Moment(std::string_view s) {
  if (s.size() != 5 || s[2] != ':' || !AllDigits(s.substr(0, 2)) || !AllDigits(s.substr(3))) {
    return std::nullopt;
  }
  const int hours = (s[0] - '0') * 10 + (s[1] - '0');
  const int minutes = (s[3] - '0') * 10 + (s[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return static_cast<long double>(hours * 60 + minutes);
}

// A number-like type: how its text reads as a magnitude, and how to say what it is.
struct Numeric {
  std::optional<long double> (*read)(std::string_view);
  const char* what;
};

std::optional<Numeric> NumericType(std::string_view type) {
  if (type == "INT") return Numeric{Integer, "an integer"};
  if (type == "DOUBLE") return Numeric{Decimal, "a decimal number"};
  if (type == "CAPACITY") {
    return Numeric{[](std::string_view s) { return Scaled(s, kCapacityUnits); },
                   "an integer with a unit B, K, KB, M, MB, G, GB, T, TB, P or PB, such as 10G"};
  }
  if (type == "TIME") {
    return Numeric{[](std::string_view s) { return Scaled(s, kTimeUnits); },
                   "an integer with a unit us, ms, s, m, h or d, such as 10s"};
  }
  return std::nullopt;
}

std::string Quoted(std::string_view value) { return "'" + Excerpt(value) + "'"; }

// "an INT", "a TIME".
std::string Named(const std::string& type) {
  const bool vowel =
      !type.empty() && std::string_view("AEIOU").find(type[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + type;
}

// "a TYPE (what it is) from MIN to MAX".
std::string Expected(const ValueRange& range, const char* what) {
  std::string out = Named(range.type) + " (" + what + ")";
  if (range.min && range.max) return out + " from " + *range.min + " to " + *range.max;
  if (range.min) return out + " of at least " + *range.min;
  if (range.max) return out + " of at most " + *range.max;
  return out;
}

std::optional<std::string> NumericProblem(const ValueRange& range, const Numeric& type,
                                          std::string_view value) {
  const auto v = type.read(value);
  const std::string expected = Expected(range, type.what);
  if (!v) return expected + "; " + Quoted(value) + " is not one";
  if (range.min) {
    if (auto min = type.read(*range.min); min && *v < *min) {
      return expected + "; " + Quoted(value) + " is below the minimum " + *range.min;
    }
  }
  if (range.max) {
    if (auto max = type.read(*range.max); max && *v > *max) {
      return expected + "; " + Quoted(value) + " is above the maximum " + *range.max;
    }
  }
  return std::nullopt;
}

std::optional<std::string> ChoiceProblem(const ValueRange& range, std::string_view value) {
  std::string listed;
  for (std::string_view allowed : Split(*range.allowed)) {
    if (IEquals(allowed, value)) return std::nullopt;
    listed += (listed.empty() ? "" : ", ") + std::string(allowed);
  }
  return Named(range.type) + " (one of " + listed + "); " + Quoted(value) + " is not one";
}

}  // namespace

std::optional<std::string> ValueProblem(const ValueRange& range, std::string_view value) {
  if (value.size() > kMaxValueBytes) {
    return "a value of at most " + std::to_string(kMaxValueBytes) + " bytes; this one has " +
           std::to_string(value.size());
  }
  if (auto numeric = NumericType(range.type)) return NumericProblem(range, *numeric, value);
  if (range.type == "MOMENT") {
    if (Moment(value)) return std::nullopt;
    return "a MOMENT (a time of day HH:MM from 00:00 to 23:59); " + Quoted(value) + " is not one";
  }
  if (range.type == "BOOL") {
    for (std::string_view b : {"true", "false", "1", "0"}) {
      if (IEquals(value, b)) return std::nullopt;
    }
    return "a BOOL (true, false, 1 or 0); " + Quoted(value) + " is not one";
  }
  if ((range.type == "ENUM" || range.type == "STRING") && range.allowed) {
    return ChoiceProblem(range, value);
  }
  return std::nullopt;  // STRING, STRING_LIST, and a type the mock does not know: any text
}

}  // namespace mock::families::parameters
