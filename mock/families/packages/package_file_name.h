// What OCP reads from the name of an uploaded package file: the RPM convention
// NAME-VERSION-RELEASE.ARCH.rpm, whose RELEASE is BUILD.OS, read into SoftwarePackageMeta's name,
// version, buildNumber, operatingSystem and architecture; and the package type the name stands
// for. A pure function of the name (docs/takeover.md, "Uploading a package", gives each rule's
// provenance; docs/reference/ocp-client-flows.md §4.6 the fields).
//
//   ParseRpmFileName("oceanbase-ce-4.3.0.1-100000242024032211.el7.x86_64.rpm")
//     // {"oceanbase-ce", "4.3.0.1", "100000242024032211", "el7", "x86_64"}
//   PackageTypeOf("oceanbase-ce")  // "OB_SERVER_INSTALL_PACKAGE"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "mock/core/status.h"

namespace mock::families {

struct RpmFileName {
  std::string name;              // "t-oceanbase-ocp-agent"
  std::string version;           // "3.1.2"
  std::string build_number;      // "20210812221645"
  std::string operating_system;  // "alios7"
  std::string architecture;      // "x86_64"
};

// The suffix of `file_name` after its last '.', "" when it has none: what OCP's suffix check
// (7503 / PKG10003) names.
std::string_view SuffixOf(std::string_view file_name);

// `file_name` (ending ".rpm") read as NAME-VERSION-RELEASE.ARCH.rpm: the release split at its
// last '.' into the build number and the operating system; every piece non-empty, the version
// starting with a digit, the architecture letters, digits and '_', and the whole name made of
// letters, digits and ._+~- only, at most 255 bytes. kInvalidArgument saying which piece is missing
// or wrong.
StatusOr<RpmFileName> ParseRpmFileName(std::string_view file_name);

// The type of OCP's SoftwarePackageMeta a package of RPM name `name` has: oceanbase,
// oceanbase-ce and oceanbase-standalone are OB_SERVER_INSTALL_PACKAGE; obproxy* is
// OBPROXY_INSTALL_PACKAGE; *ocp-agent* is OCP_AGENT_INSTALL_PACKAGE; *backup-agent* is
// OB_BACKUP_AGENT_INSTALL_PACKAGE; nullopt for any other name.
std::optional<std::string_view> PackageTypeOf(std::string_view name);

}  // namespace mock::families
