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

fs::path DataDir(std::string_view source_from_binary) {
  if (const char* env = std::getenv("OCPMOCK_DATA_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  const fs::path exe = ExecutableDir();
  if (exe.empty()) return {};
  std::error_code ec;
  for (const fs::path& candidate :
       {exe / ".." / "share" / "ocpmock", exe / fs::path(source_from_binary)}) {
    if (fs::is_directory(candidate / "schemas", ec)) return fs::weakly_canonical(candidate, ec);
  }
  return {};
}

}  // namespace mock
