#include "mock/core/version.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>
#include <variant>

namespace mock {
namespace {

constexpr std::string_view kShape =
    "expected MAJOR.MINOR.PATCH, three numbers separated by dots, such as 4.2.1";
constexpr std::string_view kPartRule =
    "each part of MAJOR.MINOR.PATCH is a number from 0 to 4294967295";

// One part of a version, or why it is not one.
std::variant<uint32_t, std::string> ReadPart(std::string_view part) {
  if (part.empty()) return "a part is empty: " + std::string(kPartRule);
  if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "\"" + Excerpt(part) + "\" is not a number: " + std::string(kPartRule);
  }
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return Excerpt(part) + " is too large: " + std::string(kPartRule);
  }
  if (ec != std::errc() || end != part.data() + part.size()) {  // digits only: cannot happen
    return "\"" + Excerpt(part) + "\" is not a number: " + std::string(kPartRule);
  }
  return value;
}

// The version `text` is, or why it is not one.
std::variant<Version, std::string> Read(std::string_view text) {
  if (std::count(text.begin(), text.end(), '.') != 2) return std::string(kShape);
  std::array<uint32_t, 3> parts{};
  size_t start = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const size_t dot = i + 1 < parts.size() ? text.find('.', start) : text.size();
    auto part = ReadPart(text.substr(start, dot - start));
    if (auto* why = std::get_if<std::string>(&part)) return std::move(*why);
    parts[i] = std::get<uint32_t>(part);
    start = dot + 1;
  }
  return Version{parts[0], parts[1], parts[2]};
}

struct OpText {
  std::string_view text;
  VersionCondition::Op op;
};
// Two-character operators first, so that ">=" is not read as ">" and "=4.2.1".
constexpr std::array<OpText, 5> kOps = {{
    {">=", VersionCondition::Op::kAtLeast},
    {"<=", VersionCondition::Op::kAtMost},
    {">", VersionCondition::Op::kAbove},
    {"<", VersionCondition::Op::kBelow},
    {"!", VersionCondition::Op::kNot},
}};

}  // namespace

StatusOr<Version> Version::Parse(std::string_view text) {
  auto read = Read(text);
  if (auto* why = std::get_if<std::string>(&read)) {
    return InvalidArgument("\"" + Excerpt(text) + "\" is not an OCP version: " + *why);
  }
  return std::get<Version>(read);
}

std::string Version::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

StatusOr<VersionCondition> VersionCondition::Parse(std::string_view text) {
  VersionCondition c;
  std::string_view rest = text;
  for (const OpText& o : kOps) {
    if (rest.starts_with(o.text)) {
      c.op = o.op;
      rest.remove_prefix(o.text.size());
      break;
    }
  }
  auto read = Read(rest);
  if (auto* why = std::get_if<std::string>(&read)) {
    return InvalidArgument("\"" + Excerpt(text) +
                           "\" is not an OCP version or range (such as 4.2.1, >=4.2.1, <4.2.0 "
                           "or !4.2.0): " +
                           *why);
  }
  c.version = std::get<Version>(read);
  return c;
}

bool VersionCondition::Matches(const Version& v) const {
  switch (op) {
    case Op::kExactly:
      return v == version;
    case Op::kNot:
      return v != version;
    case Op::kAtLeast:
      return v >= version;
    case Op::kAbove:
      return v > version;
    case Op::kAtMost:
      return v <= version;
    case Op::kBelow:
      return v < version;
  }
  return false;
}

std::string VersionCondition::ToString() const {
  std::string_view prefix;
  for (const OpText& o : kOps) {
    if (o.op == op) prefix = o.text;
  }
  return std::string(prefix) + version.ToString();
}

}  // namespace mock
