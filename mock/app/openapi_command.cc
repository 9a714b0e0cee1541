#include "mock/app/openapi_command.h"

#include <fstream>
#include <map>
#include <utility>

#include "mock/versions/profile.h"

namespace mock::app {
namespace {

namespace fs = std::filesystem;

struct Pending {
  fs::path file;
  std::string text;
};

Status WriteWhole(const Pending& p) {
  const fs::path temporary = p.file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << p.text;
    if (!out.flush()) return ConfigError("cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, p.file, ec);
  if (ec) return ConfigError("cannot write " + p.file.string() + ": " + ec.message());
  return {};
}

Status CheckFolder(const fs::path& out) {
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec)) {
    return ConfigError("--out " + out.string() + " is a file, not a folder");
  }
  fs::create_directories(out, ec);
  if (ec) return ConfigError("--out " + out.string() + ": " + ec.message());
  return {};
}

}  // namespace

StatusOr<OpenApiFiles> WriteOpenApiDocuments(const api::OpenApiSources& sources,
                                             const fs::path& out) {
  const std::vector<std::string> versions = versions::KnownVersions(sources.schemas_root);
  if (versions.empty()) {
    return ConfigError(sources.schemas_root.string() + "/versions/ holds no version profile");
  }
  std::vector<Pending> pending;
  std::map<std::string, std::vector<std::string>> problems;  // sentence -> versions
  auto build = [&](const std::string& version, openapi::Variant variant,
                   const std::string& name) -> Status {
    std::vector<std::string> found;
    auto doc = api::BuildVersionDocument(sources, version, variant, &found);
    if (!doc.ok()) return ConfigError("OCP " + version + ": " + doc.status().message());
    for (std::string& p : found) {
      std::vector<std::string>& in = problems[std::move(p)];
      if (in.empty() || in.back() != version) in.push_back(version);
    }
    pending.push_back({out / name, openapi::DocumentText(doc.value(), true)});
    return {};
  };
  for (const std::string& v : versions) {
    if (Status s = build(v, {}, "ocp-" + v + ".openapi.json"); !s.ok()) return s;
    if (Status s = build(v, {.strict = true}, "ocp-" + v + ".strict.openapi.json"); !s.ok()) {
      return s;
    }
  }
  if (Status s = build(versions.back(), {.plane = openapi::Plane::kControl},
                       "ocp-mock-control.openapi.json");
      !s.ok()) {
    return s;
  }
  if (Status s = CheckFolder(out); !s.ok()) return s;
  OpenApiFiles files;
  for (const Pending& p : pending) {
    if (Status s = WriteWhole(p); !s.ok()) return s;
    files.written.push_back(p.file);
  }
  for (const auto& [sentence, in] : problems) {
    std::string list;
    for (const std::string& v : in) list += (list.empty() ? "" : ", ") + v;
    files.warnings.push_back(sentence + " [" + list + "]");
  }
  return files;
}

}  // namespace mock::app
