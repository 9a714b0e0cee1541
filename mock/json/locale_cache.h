#pragma once

namespace mock::json {

// Fills libstdc++'s lazily filled std::ctype<char> narrow() cache for every character. That
// cache is written without a lock on first use (GCC bug 77704,
// https://gcc.gnu.org/bugzilla/show_bug.cgi?id=77704), and std::regex, which Valijson runs for a
// schema's `pattern`, narrows each character it compiles or matches: two threads validating at
// once write the same bytes, a data race ThreadSanitizer reports. Called before main (from
// schema_set.cc, linked into every binary that validates), when no other thread exists, it
// leaves only reads for later. Idempotent; a no-op outside libstdc++.
void FillLocaleCaches();

}  // namespace mock::json
