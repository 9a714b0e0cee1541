#include "mock/json/fast_schemas.h"

#include <map>
#include <set>

#include <rapidjson/stringbuffer.h>

#include "mock/json/json.h"
#include "mock/json/rapidjson_patterns.h"

namespace mock::json {
namespace {

constexpr std::string_view kSchemaExtension = ".schema.json";

// Compiles schema files on demand as `$ref`s name them, remembering what failed.
class Provider : public rapidjson::IRemoteSchemaDocumentProvider {
 public:
  explicit Provider(SchemaDirs dirs) : dirs_(std::move(dirs)) {}

  // RapidJSON (this Debian snapshot) passes the `$ref` string with a length one short of the
  // part before '#'. The string is NUL-terminated, so the file name is read up to '#'.
  const rapidjson::SchemaDocument* GetRemoteDocument(const char* uri,
                                                     rapidjson::SizeType) override {
    std::string_view ref(uri);
    return Get(std::string(ref.substr(0, ref.find('#'))));
  }

  const rapidjson::SchemaDocument* Get(const std::string& file) {
    if (auto it = compiled_.find(file); it != compiled_.end()) return it->second.get();
    if (!compiling_.insert(file).second) {
      errors_.push_back(file + ": files refer to each other in a cycle");
      return nullptr;
    }
    auto path = FindSchemaFile(dirs_, file);
    auto text = path ? ReadFile(*path) : StatusOr<std::string>(NotFound(file));
    const rapidjson::SchemaDocument* result = nullptr;
    if (!text.ok()) {
      errors_.push_back("$ref to " + file + ", which cannot be read");
    } else if (auto doc = ParseJson(text.value()); !doc.ok()) {
      errors_.push_back(file + ": not valid JSON");
    } else {
      auto& slot = compiled_[file];
      slot = std::make_unique<rapidjson::SchemaDocument>(doc.value(), this);
      result = slot.get();
    }
    compiling_.erase(file);
    return result;
  }

  const std::vector<std::string>& errors() const { return errors_; }
  std::map<std::string, std::unique_ptr<rapidjson::SchemaDocument>>& compiled() {
    return compiled_;
  }

 private:
  SchemaDirs dirs_;
  std::map<std::string, std::unique_ptr<rapidjson::SchemaDocument>> compiled_;
  std::set<std::string> compiling_;
  std::vector<std::string> errors_;
};

}  // namespace

struct FastSchemas::Impl {
  explicit Impl(SchemaDirs dirs) : provider(std::move(dirs)) {}
  Provider provider;  // owns every compiled document, referenced ones included
  std::map<std::string, const rapidjson::SchemaDocument*, std::less<>> by_name;
};

FastSchemas::FastSchemas(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FastSchemas::~FastSchemas() = default;

StatusOr<std::shared_ptr<const FastSchemas>> FastSchemas::Load(
    const SchemaDirs& dirs, const std::vector<std::string>& names) {
  auto impl = std::make_unique<Impl>(dirs);
  for (const std::string& name : names) {
    const rapidjson::SchemaDocument* doc = impl->provider.Get(name + std::string(kSchemaExtension));
    if (doc != nullptr) impl->by_name.emplace(name, doc);
  }
  if (!impl->provider.errors().empty()) {
    return ConfigError((dirs.front() / "").string() + impl->provider.errors().front());
  }
  return std::shared_ptr<const FastSchemas>(new FastSchemas(std::move(impl)));
}

std::optional<std::string> FastSchemas::FirstViolation(std::string_view name,
                                                       const rapidjson::Value& doc) const {
  auto it = impl_->by_name.find(name);
  if (it == impl_->by_name.end()) return "no schema named '" + std::string(name) + "'";
  rapidjson::SchemaValidator validator(*it->second);
  if (doc.Accept(validator)) return std::nullopt;
  rapidjson::StringBuffer pointer;
  validator.GetInvalidDocumentPointer().Stringify(pointer);
  // "/" for the document itself, as Describe and ParseAndValidate write it.
  const std::string where = pointer.GetSize() == 0 ? "/" : pointer.GetString();
  return where + ": violates " + validator.GetInvalidSchemaKeyword();
}

}  // namespace mock::json
