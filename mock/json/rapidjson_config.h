// Force-included before every translation unit that uses RapidJSON (see MockDependencies.cmake).
// RapidJSON's default assertion aborts the process (rapidjson#1219); ours throws, so a wrong-typed
// access on untrusted input is caught at the request boundary and answered with a 500 instead.
#pragma once

#include <stdexcept>

namespace mock::json {
[[noreturn]] inline void RapidJsonAssertFailed(const char* expression) {
  throw std::logic_error(std::string("RapidJSON assertion failed: ") + expression);
}
}  // namespace mock::json

#define RAPIDJSON_ASSERT(x) ((x) ? static_cast<void>(0) : ::mock::json::RapidJsonAssertFailed(#x))
#define RAPIDJSON_HAS_STDSTRING 1
