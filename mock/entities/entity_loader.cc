#include "mock/entities/entity_loader.h"

#include <algorithm>
#include <map>
#include <utility>

#include "mock/json/json.h"

namespace mock::entities {
namespace {

namespace fs = std::filesystem;

constexpr std::pair<Kind, const char*> kArrays[] = {
    {Kind::kCluster, "clusters"}, {Kind::kTenant, "tenants"}, {Kind::kHost, "hosts"}};

// Adds `row` unless its id is described already: the same object again is no error, another
// one is.
Status Add(EntitySet& set, Kind kind, Row row) {
  std::vector<Row>& rows = set.Of(kind);
  for (const Row& r : rows) {
    if (r.id == row.id) {
      if (*r.doc == *row.doc) return Status();
      return ConfigError(row.origin.str() + ": " + std::string(KindName(kind)) + " " +
                         std::to_string(row.id) + " is described differently in " + r.origin.str());
    }
    if (kind == Kind::kTenant && Int(*r.doc, "clusterId") == Int(*row.doc, "clusterId") &&
        Str(*r.doc, "name") == Str(*row.doc, "name")) {
      return ConfigError(row.origin.str() + ": cluster " +
                         std::to_string(Int(*row.doc, "clusterId")) + " has a tenant named \"" +
                         std::string(Str(*row.doc, "name")) + "\" already, in " + r.origin.str());
    }
  }
  rows.push_back(std::move(row));
  return Status();
}

// Adds the file's entities to `set`; true when the file is for other OCP versions (then it
// adds nothing).
StatusOr<bool> ReadFile(const fs::path& file, const json::SchemaSet& schemas,
                        const fixtures::FixtureVersion& version, EntitySet& set) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return ConfigError(file.string() + ": cannot be read");
  auto doc = json::ParseAndValidate(text.value(), file.string(), "entity-file", schemas);
  if (!doc.ok()) {
    // A file for other versions is not checked against this version's schemas.
    auto raw = json::ParseJson(text.value());
    if (raw.ok()) {
      auto other = fixtures::FileIsForOtherVersions(raw.value(), version, file);
      if (!other.ok()) return ConfigError(other.status().message());
      if (other.value()) return true;
    }
    return ConfigError(doc.status().message());
  }
  auto other = fixtures::FileIsForOtherVersions(doc.value(), version, file);
  if (!other.ok()) return ConfigError(other.status().message());
  if (other.value()) return true;
  for (const auto& [kind, key] : kArrays) {
    auto it = doc.value().FindMember(key);
    if (it == doc.value().MemberEnd()) continue;
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      rapidjson::Document one;
      one.CopyFrom(it->value[i], one.GetAllocator());
      const int64_t id = Int(one, "id");
      Row row{id, MakeDoc(std::move(one)), file.string() + ": /" + key + "/" + std::to_string(i)};
      if (Status s = Add(set, kind, std::move(row)); !s.ok()) return s;
    }
  }
  return false;
}

}  // namespace

StatusOr<EntitySet> LoadEntityFixtures(const fs::path& dir, const json::SchemaSet& schemas,
                                       const fixtures::FixtureVersion& version,
                                       std::vector<fs::path>* skipped) {
  EntitySet set;
  for (const fs::path& file : json::JsonFilesIn(dir / "entities")) {
    auto other_versions = ReadFile(file, schemas, version, set);
    if (!other_versions.ok()) return other_versions.status();
    if (other_versions.value() && skipped != nullptr) skipped->push_back(file);
  }
  return set;
}

}  // namespace mock::entities
