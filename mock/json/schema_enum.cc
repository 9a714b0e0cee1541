#include "mock/json/schema_enum.h"

#include <map>
#include <memory>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "mock/json/json.h"
#include "mock/json/schema_walk.h"

namespace mock::json {
namespace {

// Schema files read so far, by name: this call's own, so EnumAt needs no loaded SchemaSet.
class Files {
 public:
  explicit Files(const SchemaDirs& dirs) : dirs_(dirs) {}

  const rapidjson::Value* Get(std::string_view name) {
    auto it = files_.find(name);
    if (it != files_.end()) return it->second.get();
    auto path = FindSchemaFile(dirs_, name);
    auto text = path ? ReadFile(*path) : StatusOr<std::string>(NotFound(std::string(name)));
    auto doc = text.ok() ? ParseJson(text.value()) : StatusOr<rapidjson::Document>(text.status());
    if (!doc.ok()) return nullptr;
    auto owned = std::make_unique<rapidjson::Document>(std::move(doc).value());
    return files_.emplace(std::string(name), std::move(owned)).first->second.get();
  }

 private:
  const SchemaDirs& dirs_;
  std::map<std::string, std::unique_ptr<rapidjson::Document>, std::less<>> files_;
};

std::vector<std::string> AsJsonTexts(const rapidjson::Value& values) {
  std::vector<std::string> out;
  for (const auto& e : values.GetArray()) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    e.Accept(w);
    out.emplace_back(buf.GetString(), buf.GetSize());
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> EnumAt(const SchemaDirs& dirs, std::string_view schema,
                                               std::string_view pointer) {
  Files files(dirs);
  const SchemaFileFinder finder = [&files](std::string_view name) { return files.Get(name); };
  for (const SchemaNode& node : SchemaNodesAt(finder, schema, pointer)) {
    const rapidjson::Value* values = Keyword(*node.value, "enum");
    if (values != nullptr && values->IsArray()) return AsJsonTexts(*values);
  }
  return std::nullopt;
}

}  // namespace mock::json
