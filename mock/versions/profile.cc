#include "mock/versions/profile.h"

#include <algorithm>
#include <compare>
#include <map>
#include <optional>

#include "mock/core/version.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"

namespace mock::versions {
namespace {

namespace fs = std::filesystem;

// What one profile.json says; absent fields are left to its parent.
struct Layer {
  std::string version;
  std::optional<std::string> extends;
  std::string summary;
  std::optional<bool> ak_sk;
  std::optional<bool> api_status;
  std::optional<bool> info_and_time;
  std::optional<bool> async_create_tenant;
  std::optional<bool> arbitration;
  std::map<ocp::ErrorKind, ocp::CatalogEntry> errors;
  std::map<ocp::ErrorKind, std::string> zh_messages;
};

ocp::CatalogEntry ReadEntry(const rapidjson::Value& v) {
  ocp::CatalogEntry e;
  const auto& code = v["code"];
  if (code.IsString()) {
    e.code = std::string(code.GetString(), code.GetStringLength());
  } else {
    e.code = code.GetInt64();
  }
  e.message = v["message"].GetString();
  return e;
}

StatusOr<Layer> ReadLayer(const fs::path& file, std::string_view version,
                          const json::SchemaSet& schemas) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return ConfigError(text.status().message());
  auto doc = json::ParseAndValidate(text.value(), file.string(), "profile", schemas);
  if (!doc.ok()) return ConfigError(doc.status().message());
  const auto& d = doc.value();
  Layer layer;
  layer.version = d["version"].GetString();
  // The schema's pattern admits any digits; a version is also at most 4294967295 a part.
  for (const char* key : {"version", "extends"}) {
    if (!d.HasMember(key)) continue;
    auto parsed = Version::Parse(d[key].GetString());
    if (!parsed.ok()) {
      return ConfigError(file.string() + ": /" + key + ": " + parsed.status().message());
    }
  }
  if (layer.version != version) {
    return ConfigError(file.string() + ": /version: \"" + layer.version +
                       "\" is not the folder's name \"" + std::string(version) + "\"");
  }
  if (d.HasMember("extends")) layer.extends = d["extends"].GetString();
  layer.summary = d["summary"].GetString();
  if (d.HasMember("akSk")) layer.ak_sk = d["akSk"].GetBool();
  if (d.HasMember("apiStatus")) layer.api_status = d["apiStatus"].GetBool();
  if (d.HasMember("infoAndTime")) layer.info_and_time = d["infoAndTime"].GetBool();
  if (d.HasMember("arbitration")) layer.arbitration = d["arbitration"].GetBool();
  if (d.HasMember("asyncCreateTenant")) {
    layer.async_create_tenant = d["asyncCreateTenant"].GetBool();
  }
  if (d.HasMember("errors")) {
    for (const auto& m : d["errors"].GetObject()) {
      // The schema admits only known names.
      layer.errors.emplace(*ocp::ErrorKindFromName(m.name.GetString()), ReadEntry(m.value));
    }
  }
  if (d.HasMember("zhMessages")) {
    for (const auto& m : d["zhMessages"].GetObject()) {
      layer.zh_messages.emplace(*ocp::ErrorKindFromName(m.name.GetString()), m.value.GetString());
    }
  }
  return layer;
}

// `errors` with the Chinese messages where there are some; English where OCP does not localize.
std::map<ocp::ErrorKind, ocp::CatalogEntry> Localized(
    std::map<ocp::ErrorKind, ocp::CatalogEntry> errors,
    const std::map<ocp::ErrorKind, std::string>& messages) {
  for (const auto& [kind, message] : messages) {
    if (auto it = errors.find(kind); it != errors.end()) it->second.message = message;
  }
  return errors;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

int CompareVersions(std::string_view a, std::string_view b) {
  auto va = Version::Parse(a), vb = Version::Parse(b);
  if (va.ok() != vb.ok()) return va.ok() ? 1 : -1;  // what is no version sorts first
  if (!va.ok()) return a < b ? -1 : (a == b ? 0 : 1);
  const auto order = va.value() <=> vb.value();
  return std::is_lt(order) ? -1 : (std::is_eq(order) ? 0 : 1);
}

std::vector<std::string> KnownVersions(const fs::path& schemas_root) {
  std::vector<std::string> versions;
  std::error_code ec;
  for (fs::directory_iterator it(schemas_root / "versions", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_directory(ec) && fs::exists(it->path() / "profile.json", ec)) {
      versions.push_back(it->path().filename().string());
    }
  }
  std::sort(versions.begin(), versions.end(),
            [](const auto& a, const auto& b) { return CompareVersions(a, b) < 0; });
  return versions;
}

namespace {

// The schema folders of `version`'s chain, newest first, then the root: read from each
// profile's `extends` alone, best effort (the first file that cannot say ends it). The profiles
// are then checked against the schemas of these folders, one compilation serving the check and
// the caller (LoadProfile reports whatever is wrong, in the chain's order).
json::SchemaDirs ChainDirs(const fs::path& root, std::string_view version,
                           const std::vector<std::string>& known) {
  json::SchemaDirs dirs;
  std::vector<std::string> seen;
  for (std::string next(version); !next.empty();) {
    if (std::find(known.begin(), known.end(), next) == known.end() ||
        std::find(seen.begin(), seen.end(), next) != seen.end()) {
      break;
    }
    seen.push_back(next);
    dirs.push_back(root / "versions" / next);
    auto text = json::ReadFile(dirs.back() / "profile.json");
    auto doc =
        text.ok() ? json::ParseJson(text.value()) : StatusOr<rapidjson::Document>(text.status());
    next.clear();
    if (doc.ok() && doc.value().IsObject() && doc.value().HasMember("extends") &&
        doc.value()["extends"].IsString()) {
      next = doc.value()["extends"].GetString();
    }
  }
  dirs.push_back(root);
  return dirs;
}

}  // namespace

StatusOr<Profile> LoadProfile(const fs::path& schemas_root, std::string_view version,
                              std::optional<json::SchemaSet>* schemas_out) {
  auto known = KnownVersions(schemas_root);
  if (known.empty()) {
    return ConfigError((schemas_root / "versions").string() +
                       " holds no version profile (<version>/profile.json)");
  }
  const json::SchemaDirs dirs = ChainDirs(schemas_root, version, known);
  auto schemas = json::SchemaSet::Load(dirs);
  if (!schemas.ok()) return schemas.status();
  Profile profile;
  std::map<ocp::ErrorKind, ocp::CatalogEntry> errors;
  std::map<ocp::ErrorKind, std::string> zh_messages;
  std::optional<bool> api_status;
  std::optional<bool> info_and_time;
  std::optional<bool> arbitration;
  std::optional<bool> async_create_tenant;
  std::optional<bool> ak_sk;
  for (std::string next(version); !next.empty();) {
    if (std::find(known.begin(), known.end(), next) == known.end()) {
      std::string who = profile.chain.empty() ? "" : " (extended by " + profile.chain.back() + ")";
      return ConfigError("no OCP version profile \"" + next + "\"" + who +
                         "; known: " + Joined(known));
    }
    if (std::find(profile.chain.begin(), profile.chain.end(), next) != profile.chain.end()) {
      return ConfigError("version profiles extend each other in a cycle: " + Joined(profile.chain) +
                         ", " + next);
    }
    const fs::path dir = schemas_root / "versions" / next;
    auto layer = ReadLayer(dir / "profile.json", next, schemas.value());
    if (!layer.ok()) return layer.status();
    if (profile.chain.empty()) profile.summary = layer.value().summary;
    profile.chain.push_back(next);
    profile.schema_dirs.push_back(dir);
    if (!ak_sk) ak_sk = layer.value().ak_sk;
    if (!api_status) api_status = layer.value().api_status;
    if (!info_and_time) info_and_time = layer.value().info_and_time;
    if (!arbitration) arbitration = layer.value().arbitration;
    if (!async_create_tenant) async_create_tenant = layer.value().async_create_tenant;
    errors.merge(layer.value().errors);  // keeps what a later (more specific) layer set
    zh_messages.merge(layer.value().zh_messages);
    next = layer.value().extends.value_or("");
  }
  profile.schema_dirs.push_back(schemas_root);
  if (profile.schema_dirs != dirs) {  // ChainDirs stopped short only where an error ended the loop
    return InternalError("version profile " + std::string(version) +
                         ": its schema folders changed "
                         "while it was read");
  }
  profile.version = std::string(version);
  profile.ak_sk = ak_sk.value_or(false);
  profile.api_status = api_status.value_or(false);
  profile.info_and_time = info_and_time.value_or(true);
  profile.arbitration = arbitration.value_or(false);
  profile.async_create_tenant = async_create_tenant.value_or(true);
  auto catalog = ocp::ErrorCatalog::Make(errors);
  if (!catalog.ok()) {
    return ConfigError("version profile " + profile.version + ": " + catalog.status().message());
  }
  profile.errors = std::move(catalog).value();
  profile.errors_zh = ocp::ErrorCatalog::Make(Localized(errors, zh_messages)).value();
  if (schemas_out != nullptr) *schemas_out = std::move(schemas).value();
  return profile;
}

}  // namespace mock::versions
