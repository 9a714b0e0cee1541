// A schema's `pattern` checked by code written for it, not by a regex engine run per value.
//
// The fast validator (fast_schemas.h) checks every task of a fixture set, and RapidJSON's regex
// engine, an NFA simulated per character, was a seventh of a large set's start-up (issue 29's
// profile: GenericRegex::AddState and SearchWithAnchoring, for the timestamp pattern on every
// task). Each pattern the bundled schemas use has a function here that answers exactly what an
// ECMAScript regex search (Valijson's std::regex, whose verdict and message the mock gives)
// answers for every string, embedded NULs and non-ASCII bytes included: pattern_check_test.cc
// proves it against std::regex on generated strings, and fails on a schema pattern without code.
//
//   if (PatternCheck check = CheckFor("^[0-9a-f]{40}$")) check(value);  // else: no code for it
#pragma once

#include <string_view>
#include <vector>

namespace mock::json {

// Whether a whole string value matches the pattern it was made for (a search: a pattern
// without `^`/`$` matches anywhere, as JSON Schema says).
using PatternCheck = bool (*)(std::string_view value);

// The code for a pattern, by its exact text in the schema; nullptr when there is none (a schema
// outside the bundled ones: the caller falls back to a regex).
PatternCheck CheckFor(std::string_view pattern);

// Every pattern that has code, for the differential test.
std::vector<std::string_view> PatternsWithCode();

}  // namespace mock::json
