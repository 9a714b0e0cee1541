// A version's contract for ocp-compat (checks.h): loading it, and whether one is within another.
#include "mock/json/schema_set.h"
#include "mock/versions/profile.h"
#include "tools/compat/checks.h"

namespace compat {

mock::StatusOr<Contract> LoadContract(const std::filesystem::path& schemas_root,
                                      std::string_view version) {
  auto profile = mock::versions::LoadProfile(schemas_root, version);
  if (!profile.ok()) return profile.status();
  Contract c;
  c.profile = std::move(profile).value();
  auto schemas = mock::json::SchemaSet::Load(c.profile.schema_dirs);
  if (!schemas.ok()) return schemas.status();
  c.schemas = std::make_shared<const mock::json::SchemaSet>(std::move(schemas).value());
  for (const char* name : kResponseSchemas) {
    auto outline = OutlineOf(c.profile.schema_dirs, name);
    if (!outline.ok()) return outline.status();
    c.outlines[name] = std::move(outline).value();
  }
  return c;
}

bool WithinContract(const Contract& narrow, const Contract& wide, bool messages) {
  if (wide.profile.ak_sk && !narrow.profile.ak_sk) return false;
  for (size_t k = 0; k < mock::ocp::kErrorKindCount; ++k) {
    auto kind = static_cast<mock::ocp::ErrorKind>(k);
    const auto& a = narrow.profile.errors.Lookup(kind);
    const auto& b = wide.profile.errors.Lookup(kind);
    if (messages ? !(a == b) : a.CodeText() != b.CodeText()) return false;
  }
  for (const auto& [name, outline] : narrow.outlines) {
    if (!WithinOutline(outline, wide.outlines.at(name))) return false;
  }
  return true;
}

}  // namespace compat
