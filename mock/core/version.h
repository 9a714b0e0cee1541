// OCP versions (MAJOR.MINOR.PATCH) and the version conditions of fixture files' `ocpVersions`
// ("4.2.1", ">=4.2.1", "<4.2.0", "!4.2.0"): the one parser and ordering of versions, for the
// fixtures, the version profiles and ocp-compat alike. Parsing never overflows: a part beyond
// uint32_t is an error that says so.
//
//   StatusOr<Version> v = Version::Parse("4.2.10");        // {4, 2, 10}; "4.2" is an error
//   v.value() > Version{4, 2, 9};                           // true: numeric, part by part
//   auto c = VersionCondition::Parse(">=4.2.1");
//   c.value().Matches(v.value());                           // true
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "mock/core/status.h"

namespace mock {

struct Version {
  uint32_t major = 0;
  uint32_t minor = 0;
  uint32_t patch = 0;

  // Exactly three dot-separated parts, each only decimal digits (no sign, no space) and at most
  // 4294967295. kInvalidArgument saying what was expected:
  //   "4.2.99999999999" is not an OCP version: 99999999999 is too large: each part of
  //   MAJOR.MINOR.PATCH is a number from 0 to 4294967295
  static StatusOr<Version> Parse(std::string_view text);

  // "4.2.10" (leading zeros are not kept: "04.2.1" is "4.2.1").
  std::string ToString() const;

  // Part by part: 4.2.9 < 4.2.10 < 4.10.0.
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 reads the defaulted <=>'s 0 as a pointer
  auto operator<=>(const Version&) const = default;
};

// One item of a fixture file's `ocpVersions`: a version ("4.2.1"), a range (">=4.2.1",
// ">4.0.0", "<=4.0.3", "<4.2.0") or an exclusion ("!4.2.0").
struct VersionCondition {
  enum class Op { kExactly, kNot, kAtLeast, kAbove, kAtMost, kBelow };
  Op op = Op::kExactly;
  Version version;

  // An optional operator (!, >=, <=, >, <) directly followed by a version (Version::Parse).
  // kInvalidArgument naming the item and why:
  //   ">=4.2.99999999999" is not an OCP version or range (such as 4.2.1, >=4.2.1 or !4.2.0):
  //   99999999999 is too large: ...
  static StatusOr<VersionCondition> Parse(std::string_view text);

  // Whether `v` satisfies the condition: for an exclusion, whether `v` is any other version.
  bool Matches(const Version& v) const;
  bool exclusion() const { return op == Op::kNot; }

  // ">=4.2.1"
  std::string ToString() const;

  bool operator==(const VersionCondition&) const = default;
};

}  // namespace mock
