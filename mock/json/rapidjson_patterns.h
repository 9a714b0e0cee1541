// RapidJSON's schema validator with ocp-mock's pattern checks in place of its regex engine.
// Include this, and not <rapidjson/schema.h>, wherever RapidJSON validates (fast_schemas.cc is
// the one place): the two specialisations below must be seen before RapidJSON's templates are
// used with these arguments, or the program holds two definitions of one class.
//
// - GenericRegex<UTF8<>, CrtAllocator>, the type RapidJSON compiles each `pattern` into, holds
//   the pattern's code (pattern_check.h) or, for a pattern without code (a schema from outside
//   the repository), an ECMAScript std::regex, compiled once, as Valijson compiles it.
// - Schema<SchemaDocument>::IsPatternMatch hands it the value's length: RapidJSON's own engine
//   reads a value up to its first NUL, so "1.2.3\u0000x" passed `^[0-9]+\.[0-9]+\.[0-9]+$`
//   here while Valijson, which gives the message, refused it.
//
// Written against RapidJSON 1.1.0 as Debian 12 packages it (schema.h calls
// `RegexType(const Ch*)`, `IsValid()` and the static `IsPatternMatch`); a RapidJSON that
// changes them fails to compile here rather than quietly using its own engine.
#pragma once

#include <memory>
#include <regex>
#include <string_view>

#include <rapidjson/internal/regex.h>

#include "mock/json/pattern_check.h"

namespace rapidjson::internal {

template <>
class GenericRegex<UTF8<char>, CrtAllocator> {
 public:
  typedef char Ch;

  explicit GenericRegex(const Ch* source, CrtAllocator* = nullptr)
      : check_(mock::json::CheckFor(source)) {
    if (check_ != nullptr) return;
    try {
      regex_ = std::make_unique<std::regex>(source, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      // Not a pattern: IsValid says so, and RapidJSON then ignores the keyword, as it did.
    }
  }

  bool IsValid() const { return check_ != nullptr || regex_ != nullptr; }

  // A JSON Schema `pattern` is a search, anchored only where it says so.
  bool Search(std::string_view value) const {
    if (check_ != nullptr) return check_(value);
    return std::regex_search(value.begin(), value.end(), *regex_);
  }

 private:
  mock::json::PatternCheck check_ = nullptr;
  std::unique_ptr<std::regex> regex_;
};

}  // namespace rapidjson::internal

#include <rapidjson/schema.h>

namespace rapidjson::internal {

template <>
inline bool Schema<SchemaDocument>::IsPatternMatch(const RegexType* pattern, const Ch* str,
                                                   SizeType length) {
  return pattern->Search(std::string_view(str, length));
}

}  // namespace rapidjson::internal
