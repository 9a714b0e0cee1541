// The draft-07 -> 2020-12 conversion (schema_bundle.h): each rewrite on small schemas written
// for it, each refusal naming the file and the place, and every version's real schemas bundled.
// That the bundled schemas validate what the files validate is schema_equivalence_test.cc's.
#include "mock/openapi/schema_bundle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "mock/json/json.h"
#include "mock/openapi/document.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::openapi {
namespace {

namespace fs = std::filesystem;

// A schema folder of its own for one test.
class Folder {
 public:
  Folder() : dir_(fs::temp_directory_path() / ("ocpmock-bundle-" + std::to_string(getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Folder() { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / (name + ".schema.json")) << text;
  }
  json::SchemaDirs dirs() const { return {dir_}; }

 private:
  fs::path dir_;
};

struct Bundled {
  Status status;
  rapidjson::Document doc;
};

Bundled Bundle(const json::SchemaDirs& dirs, const std::vector<std::string>& roots) {
  Bundled b{{}, rapidjson::Document(rapidjson::kObjectType)};
  rapidjson::Value out;
  b.status = BundleSchemas(dirs, roots, out, b.doc.GetAllocator());
  if (b.status.ok()) b.doc.CopyFrom(out, b.doc.GetAllocator());
  return b;
}

rapidjson::Document Parsed(const std::string& text) { return json::ParseJson(text).value(); }

TEST(SchemaBundle, RewritesReferencesDefinitionsItemsAndDependencies) {
  Folder f;
  f.Write("a", R"({"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
    "definitions": {"d": {"type": "integer"}},
    "properties": {
      "local": {"$ref": "#/definitions/d"},
      "other": {"$ref": "b.schema.json#/definitions/x", "description": "kept: an annotation"},
      "whole": {"$ref": "b.schema.json"},
      "tuple": {"type": "array", "items": [{"type": "string"}], "additionalItems": false},
      "list": {"type": "array", "items": {"type": "string"}, "additionalItems": false},
      "definitions": {"type": "string"}
    },
    "dependencies": {"p": ["q"], "r": {"required": ["s"]}}})");
  f.Write("b", R"({"definitions": {"x": {"type": "string"}}, "type": "object"})");
  f.Write("unreached", R"({"type": "string"})");
  const Bundled b = Bundle(f.dirs(), {"a"});
  ASSERT_TRUE(b.status.ok()) << b.status.message();
  const rapidjson::Document expected = Parsed(R"({
    "a": {"type": "object",
      "$defs": {"d": {"type": "integer"}},
      "properties": {
        "local": {"$ref": "#/components/schemas/a/$defs/d"},
        "other": {"$ref": "#/components/schemas/b/$defs/x", "description": "kept: an annotation"},
        "whole": {"$ref": "#/components/schemas/b"},
        "tuple": {"type": "array", "prefixItems": [{"type": "string"}], "items": false},
        "list": {"type": "array", "items": {"type": "string"}},
        "definitions": {"type": "string"}
      },
      "dependentRequired": {"p": ["q"]},
      "dependentSchemas": {"r": {"required": ["s"]}}},
    "b": {"$defs": {"x": {"type": "string"}}, "type": "object"}})");
  EXPECT_EQ(expected, b.doc) << DocumentText(b.doc, true);
}

// Each thing the conversion cannot carry over unchanged is refused, naming the file and place.
TEST(SchemaBundle, RefusesWhatWouldValidateDifferently) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"properties": {"p": {"$ref": "b.schema.json", "type": "string"}}})",
       "a.schema.json /properties/p/type: stands beside a $ref"},
      {R"({"$id": "http://example.com/a"})", "a.schema.json /$id: moves the base"},
      {R"({"prefixItems": [{"type": "string"}]})",
       "a.schema.json /prefixItems: is a JSON Schema 2020-12 keyword"},
      {R"({"$ref": "b.schema.json#/definitions/x/items"})", "points through 'items'"},
      {R"({"$ref": "http://example.com/x.json"})", "not to a NAME.schema.json file"},
      {R"({"allOf": {"type": "string"}})", "a.schema.json /allOf: is not an array of schemas"},
      {R"({"$ref": "missing.schema.json"})",
       "missing.schema.json (named by a.schema.json) is in none of the schema folders"},
  };
  for (const auto& [text, said] : cases) {
    Folder f;
    f.Write("a", text);
    f.Write("b", R"({"definitions": {"x": {"type": "array", "items": {"type": "string"}}}})");
    const Bundled b = Bundle(f.dirs(), {"a"});
    EXPECT_EQ(StatusCode::kConfig, b.status.code()) << text;
    EXPECT_NE(std::string::npos, b.status.message().find(said)) << b.status.message();
  }
}

// Every schema file of every version converts, none of its references is left a file name, and
// no draft-07 `definitions` keyword is left.
TEST(SchemaBundle, EveryVersionsEverySchemaConverts) {
  for (const std::string& version : versions::KnownVersions(testdata::SchemasDir())) {
    const versions::Profile profile =
        versions::LoadProfile(testdata::SchemasDir(), version).value();
    std::vector<std::string> all;
    for (const auto& dir : profile.schema_dirs) {
      for (const auto& e : fs::directory_iterator(dir)) {
        const std::string file = e.path().filename().string();
        if (file.ends_with(".schema.json")) all.push_back(file.substr(0, file.size() - 12));
      }
    }
    const Bundled b = Bundle(profile.schema_dirs, all);
    ASSERT_TRUE(b.status.ok()) << version << ": " << b.status.message();
    const std::string text = DocumentText(b.doc, false);
    EXPECT_EQ(std::string::npos, text.find(".schema.json\"")) << version;
    EXPECT_EQ(std::string::npos, text.find("\"definitions\":{")) << version;
    EXPECT_EQ(std::string::npos, text.find("\"$schema\"")) << version;
    // The version's own files win: 4.0.0's error code is a number, 4.2.2's a string or 0.
    const rapidjson::Value& code = b.doc["error-code"];
    EXPECT_EQ(version == "4.2.2", code.HasMember("oneOf")) << version;
  }
}

}  // namespace
}  // namespace mock::openapi
