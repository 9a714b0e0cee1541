#include "mock/families/packages/package_file_name.h"

#include <algorithm>
#include <cctype>

namespace mock::families {
namespace {

constexpr std::string_view kRpm = ".rpm";
// NAME_MAX of Linux file systems: no package file has a longer name.
constexpr size_t kMaxFileName = 255;

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Letters, digits and the punctuation RPM file names use: nothing that needs quoting in the
// downloadUrl's path, and no path separator.
bool IsNameChar(char c) {
  return IsAlnum(c) || std::string_view("._+~-").find(c) != std::string_view::npos;
}

Status Unparsable(std::string_view file_name, const std::string& why) {
  return InvalidArgument("\"" + Excerpt(file_name) +
                         "\" is not NAME-VERSION-BUILD.OS.ARCH.rpm: " + why);
}

}  // namespace

std::string_view SuffixOf(std::string_view file_name) {
  const size_t dot = file_name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : file_name.substr(dot + 1);
}

StatusOr<RpmFileName> ParseRpmFileName(std::string_view file_name) {
  if (!file_name.ends_with(kRpm)) return Unparsable(file_name, "it does not end .rpm");
  if (file_name.size() > kMaxFileName) {
    return Unparsable(file_name, "it is longer than " + std::to_string(kMaxFileName) + " bytes");
  }
  if (!std::all_of(file_name.begin(), file_name.end(), IsNameChar)) {
    return Unparsable(file_name, "it has a character other than letters, digits and ._+~-");
  }
  std::string_view rest = file_name.substr(0, file_name.size() - kRpm.size());
  const size_t arch_dot = rest.rfind('.');
  if (arch_dot == std::string_view::npos) return Unparsable(file_name, "no .ARCH");
  RpmFileName out;
  out.architecture = std::string(rest.substr(arch_dot + 1));
  const bool arch_ok =
      !out.architecture.empty() && std::all_of(out.architecture.begin(), out.architecture.end(),
                                               [](char c) { return IsAlnum(c) || c == '_'; });
  if (!arch_ok) return Unparsable(file_name, "the architecture is empty or not [A-Za-z0-9_]");
  rest = rest.substr(0, arch_dot);
  const size_t release_dash = rest.rfind('-');
  if (release_dash == std::string_view::npos) return Unparsable(file_name, "no -BUILD.OS");
  const std::string_view release = rest.substr(release_dash + 1);
  const size_t os_dot = release.rfind('.');
  if (os_dot == std::string_view::npos || os_dot == 0 || os_dot + 1 == release.size()) {
    return Unparsable(file_name, "the release \"" + Excerpt(release) + "\" is not BUILD.OS");
  }
  out.build_number = std::string(release.substr(0, os_dot));
  out.operating_system = std::string(release.substr(os_dot + 1));
  rest = rest.substr(0, release_dash);
  const size_t version_dash = rest.rfind('-');
  if (version_dash == std::string_view::npos || version_dash == 0) {
    return Unparsable(file_name, "no NAME-VERSION before the release");
  }
  out.name = std::string(rest.substr(0, version_dash));
  out.version = std::string(rest.substr(version_dash + 1));
  if (out.version.empty() || !std::isdigit(static_cast<unsigned char>(out.version.front()))) {
    return Unparsable(file_name,
                      "the version \"" + Excerpt(out.version) + "\" does not start with a digit");
  }
  return out;
}

std::optional<std::string_view> PackageTypeOf(std::string_view name) {
  if (name == "oceanbase" || name == "oceanbase-ce" || name == "oceanbase-standalone") {
    return "OB_SERVER_INSTALL_PACKAGE";
  }
  if (name.starts_with("obproxy")) return "OBPROXY_INSTALL_PACKAGE";
  if (name.find("ocp-agent") != std::string_view::npos) return "OCP_AGENT_INSTALL_PACKAGE";
  if (name.find("backup-agent") != std::string_view::npos) {
    return "OB_BACKUP_AGENT_INSTALL_PACKAGE";
  }
  return std::nullopt;
}

}  // namespace mock::families
