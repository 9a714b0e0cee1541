// Where schema files are found: an ordered list of folders, searched first to last, so a folder
// earlier in the list overrides a file of the same name later in it. A version's schemas are its
// own folder (only what differs) in front of the shared ones; see mock/versions/profile.h.
//
//   SchemaDirs dirs = {"schemas/versions/4.2.0", "schemas/versions/4.2.1", "schemas"};
//   FindSchemaFile(dirs, "cluster-type.schema.json");  // the 4.2.0 one
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace mock::json {

using SchemaDirs = std::vector<std::filesystem::path>;

// The first folder's `file`; nullopt when none has it.
inline std::optional<std::filesystem::path> FindSchemaFile(const SchemaDirs& dirs,
                                                           std::string_view file) {
  std::error_code ec;
  for (const auto& dir : dirs) {
    auto path = dir / file;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return std::nullopt;
}

}  // namespace mock::json
