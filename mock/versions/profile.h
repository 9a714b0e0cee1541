// OCP version profiles: what the mock (and the contract suite) does differently per OCP version.
//
// Each version is a folder, schemas/versions/<version>/, holding `profile.json` (format:
// schemas/profile.schema.json) and the `*.schema.json` files in which that version's documented
// structures differ from the shared ones in schemas/. A profile may extend another; what it does
// not say comes from there. Adding a version is adding a folder: no code.
//
//   StatusOr<Profile> p = LoadProfile("schemas", "4.2.0");
//   SchemaSet::Load(p.value().schema_dirs);  // 4.2.0's cluster types, 4.0.0's error codes...
//   p.value().errors.Lookup(ocp::ErrorKind::kTaskNotFound).code;  // 4001
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mock/json/schema_dirs.h"
#include "mock/json/schema_set.h"
#include "mock/ocp/error_catalog.h"

namespace mock::versions {

struct Profile {
  std::string version;      // "4.2.0"
  std::string summary;      // one line: what sets it apart
  bool ak_sk = false;       // AK/SK signatures accepted (Basic always is)
  bool api_status = false;  // GET /api/status is served (OCP 4.2.1 and later)
  // GET /api/v2/info and /api/v2/time are documented (every version but 4.2.0, whose docs have
  // neither: docs/reference/ocp-resources-api.md sections 5.1, 5.2). The mock serves them always.
  bool info_and_time = true;
  // POST /api/v2/ob/clusters/{id}/tenants/createTenant is served (OCP 4.0.0 and later:
  // docs/reference/ocp-resources-api.md section 6.1).
  bool async_create_tenant = true;
  // The arbitration services are served (OCP 4.2.1 and 4.2.2: Enterprise only, on no ocp-doc
  // branch; docs/terraform.md). Elsewhere their paths answer as any unknown path.
  bool arbitration = false;
  ocp::ErrorCatalog errors;
  // The same codes with the messages of the version's zh-CN error table where OCP localizes
  // them: the answers of a server in its default language (--quirks language).
  ocp::ErrorCatalog errors_zh;
  // This version's folder, then each folder up its `extends` chain, then the shared schemas.
  json::SchemaDirs schema_dirs;
  // The versions whose profiles contributed, this one first ("4.2.0", "4.0.3", "4.0.0").
  std::vector<std::string> chain;
};

// The versions with a folder under ROOT/versions/, oldest first.
std::vector<std::string> KnownVersions(const std::filesystem::path& schemas_root);

// Loads `version`'s profile, following `extends`. Fails naming the file and the reason: no such
// version (listing the known ones), a profile that breaks profile.schema.json, a `version` or
// `extends` that is no version (a part beyond 4294967295), a `version` that is not its folder's
// name, an `extends` to an unknown version or in a cycle, an error kind that no profile in the
// chain defines.
// `*schemas`, when given, receives the schema set of the profile's schema_dirs, which the
// profiles are checked against: a caller needs it next, and compiling it is most of the cost.
StatusOr<Profile> LoadProfile(const std::filesystem::path& schemas_root, std::string_view version,
                              std::optional<json::SchemaSet>* schemas = nullptr);

// -1, 0, 1 as `a` is older than, the same as, or newer than `b` ("4.2.10" is newer than "4.2.9"),
// read as mock::Version (mock/core/version.h); text that is no version (a folder named "next")
// sorts before every version, in text order.
int CompareVersions(std::string_view a, std::string_view b);

}  // namespace mock::versions
