// Where the bundled data (fixtures/ and schemas/) is, found relative to the running executable
// so that a build tree and an installed copy work alike, and no path of the build machine is
// compiled in:
//   1. $OCPMOCK_DATA_DIR, when set;
//   2. <the executable's folder>/../share/ocpmock, when it holds schemas/ (installed);
//   3. <the executable's folder>/<source_from_binary>, when it holds schemas/ (a build tree;
//      source_from_binary is the relative path CMake computed, e.g. "../..").
//
//   std::filesystem::path d = DataDir(OCPMOCK_SOURCE_FROM_BINARY);
//   d / "fixtures", d / "schemas"
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string_view>

namespace mock {

// The data folder, or an empty path when none of the three holds schemas/ (the caller says
// which flags or variable give it).
std::filesystem::path DataDir(std::string_view source_from_binary);

// The same search from another place: $OCPMOCK_DATA_DIR, then `base`/each of `relatives` that
// holds schemas/ (the library looks from its own file, not the executable's).
std::filesystem::path DataDirNear(const std::filesystem::path& base,
                                  std::initializer_list<std::string_view> relatives);

// The folder of the running executable (/proc/self/exe), or empty.
std::filesystem::path ExecutableDir();

}  // namespace mock
