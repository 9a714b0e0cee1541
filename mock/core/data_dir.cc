#include "mock/core/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace mock {

namespace fs = std::filesystem;

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

fs::path DataDirNear(const fs::path& base, std::initializer_list<std::string_view> relatives) {
  if (const char* env = std::getenv("OCPMOCK_DATA_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  if (base.empty()) return {};
  std::error_code ec;
  for (std::string_view relative : relatives) {
    const fs::path candidate = base / fs::path(relative);
    if (fs::is_directory(candidate / "schemas", ec)) return fs::weakly_canonical(candidate, ec);
  }
  return {};
}

fs::path DataDir(std::string_view source_from_binary) {
  return DataDirNear(ExecutableDir(), {"../share/ocpmock", source_from_binary});
}

}  // namespace mock
