#include "mock/resources/resource_set.h"

#include <algorithm>
#include <map>

#include "mock/json/json.h"

namespace mock::resources {
namespace {

namespace fs = std::filesystem;

int64_t IdOf(const rapidjson::Value& row) {
  auto it = row.FindMember("id");
  return it != row.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

// Whether `file` (text `text`) is for other versions; an unknown version name is an error.
StatusOr<bool> ForOtherVersions(const std::string& text, const fixtures::FixtureVersion& version,
                                const fs::path& file) {
  auto raw = json::ParseJson(text);
  if (!raw.ok()) return false;  // the schema check says what is wrong
  return fixtures::FileIsForOtherVersions(raw.value(), version, file);
}

// Adds the file's rows to `rows` (by id, with the place each came from).
Status ReadFile(const fs::path& file, const ResourceSpec& spec, const json::SchemaSet& schemas,
                const fixtures::FixtureVersion& version, std::map<int64_t, Row>& rows,
                std::map<int64_t, std::string>& origins, bool& other) {
  auto text = json::ReadFile(file);
  if (!text.ok()) return ConfigError(file.string() + ": cannot be read");
  auto other_versions = ForOtherVersions(text.value(), version, file);
  if (!other_versions.ok()) return ConfigError(other_versions.status().message());
  other = other_versions.value();
  if (other) return Status();
  auto doc = json::ParseAndValidate(text.value(), file.string(), spec.schema + "-file", schemas);
  if (!doc.ok()) return ConfigError(doc.status().message());
  auto items = doc.value().FindMember(rapidjson::StringRef(spec.items.c_str()));
  if (items == doc.value().MemberEnd()) return Status();
  for (rapidjson::SizeType i = 0; i < items->value.Size(); ++i) {
    auto one = std::make_shared<rapidjson::Document>();
    one->CopyFrom(items->value[i], one->GetAllocator());
    const int64_t id = IdOf(*one);
    const std::string origin = file.string() + ": /" + spec.items + "/" + std::to_string(i);
    auto [at, fresh] = rows.try_emplace(id, Row{id, one});
    if (!fresh && !(*at->second.doc == *one)) {
      return ConfigError(origin + ": " + spec.name + " " + std::to_string(id) +
                         " is described differently in " + origins[id]);
    }
    origins.try_emplace(id, origin);
  }
  return Status();
}

}  // namespace

StatusOr<std::vector<Row>> LoadResources(const fs::path& dir, const ResourceSpec& spec,
                                         const json::SchemaSet& schemas,
                                         const fixtures::FixtureVersion& version,
                                         std::vector<fs::path>* skipped) {
  std::map<int64_t, Row> rows;
  std::map<int64_t, std::string> origins;
  for (const fs::path& file : json::JsonFilesIn(dir / spec.folder)) {
    bool other = false;
    if (Status s = ReadFile(file, spec, schemas, version, rows, origins, other); !s.ok()) return s;
    if (other && skipped != nullptr) skipped->push_back(file);
  }
  std::vector<Row> out;
  out.reserve(rows.size());
  for (auto& [id, row] : rows) out.push_back(std::move(row));
  return out;
}

StatusOr<Row> ParseRow(std::string_view text, int64_t id, const ResourceSpec& spec,
                       const json::SchemaSet& schemas) {
  auto parsed = json::ParseJson(text);
  if (!parsed.ok()) return InvalidArgument("the body is not JSON: " + parsed.status().message());
  auto doc = std::make_shared<rapidjson::Document>(std::move(parsed).value());
  if (!doc->IsObject()) return InvalidArgument("the body must be one " + spec.name + " object");
  auto given = doc->FindMember("id");
  if (given == doc->MemberEnd()) {
    doc->AddMember("id", rapidjson::Value(id), doc->GetAllocator());
  } else if (!given->value.IsInt64() || given->value.GetInt64() != id) {
    return InvalidArgument("/id: must be " + std::to_string(id) +
                           ", the id in the path, or absent");
  }
  auto violations = schemas.Check(spec.schema, *doc);
  if (!violations.empty()) {
    return InvalidArgument(violations.front().path + ": " + violations.front().message + " (a " +
                           spec.name + " row: schemas/" + spec.schema + ".schema.json)");
  }
  return Row{id, std::move(doc)};
}

}  // namespace mock::resources
