// Path globs, as the request journal's filter and the fault rules take them: fnmatch(3) without
// flags, so `*` also spans '/' ("/api/v2/tasks/*/retry" matches every task's and subtask's retry).
//
//   GlobProblem("/api/v2/tasks/*")   // nullopt: well-formed
//   GlobProblem("api/[a")            // "it starts with '/'"; also "[" unclosed, a NUL byte
//   GlobMatches("/api/v2/tasks/*", "/api/v2/tasks/instances/7")  // true
#pragma once

#include <fnmatch.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace mock {

// Why `glob` is not a path glob (to follow "'GLOB' ... "), or nullopt when it is one.
inline std::optional<std::string> GlobProblem(std::string_view glob) {
  if (glob.empty() || glob.front() != '/') return "is not a path glob: it starts with '/'";
  // fnmatch would read the glob only up to it, while the literal-prefix test reads all of it: a
  // path the two disagree on. No decoded path holds one (http/url.h).
  if (glob.find('\0') != std::string_view::npos) return "holds a NUL byte, which no path holds";
  for (size_t open = glob.find('['); open != std::string_view::npos;
       open = glob.find('[', open + 1)) {
    if (glob.find(']', open + 1) == std::string_view::npos) {
      return "has a '[' that is never closed";
    }
  }
  return std::nullopt;
}

// The part of `glob` before its first wildcard or escape: every path it matches starts with it.
// A cheap test that spares most calls to fnmatch, which is slow (glibc's handles locales).
inline std::string_view GlobLiteralPrefix(std::string_view glob) {
  return glob.substr(0, std::min(glob.size(), glob.find_first_of("*?[\\")));
}

inline bool GlobMatches(const std::string& glob, const std::string& path) {
  return fnmatch(glob.c_str(), path.c_str(), 0) == 0;
}

}  // namespace mock
