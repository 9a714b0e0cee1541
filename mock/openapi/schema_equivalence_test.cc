// The bundled schemas (schema_bundle.h) accept exactly what the schema files accept, for every
// version: every documented sample of the version, and mutants of each sample a schema accepts
// (a member removed, a value of another type, an unknown member), judged by every schema, give
// the same verdict from the files (json::SchemaSet) as from the bundle.
//
// Valijson 1.0 knows no JSON Schema 2020-12 (docs/reference/valijson-1.0.md), so the bundle is
// read here as draft-07, through a root {"$ref": "#/components/schemas/NAME", "components": ...}:
// this proves that every rewritten `$ref` lands where the file's did and that nothing else moved.
// The keywords whose spelling the conversion changes are unit-tested in schema_bundle_test.cc,
// and none of our schemas uses them but `definitions`; that a 2020-12 validator reads the bundle
// alike is the independent tools' part (docs/openapi.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/openapi/schema_bundle.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

// Valijson defines its own throwing RAPIDJSON_ASSERT (json/schema_set.cc says why).
#undef RAPIDJSON_ASSERT
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace mock::openapi {
namespace {

namespace fs = std::filesystem;
using rapidjson::Value;

std::vector<std::string> SchemaNames(const json::SchemaDirs& dirs) {
  std::set<std::string> names;
  for (const auto& dir : dirs) {
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string file = e.path().filename().string();
      if (file.ends_with(".schema.json")) names.insert(file.substr(0, file.size() - 12));
    }
  }
  return {names.begin(), names.end()};
}

// The version's schemas, bundled, compiled by Valijson one root at a time.
class EquivalenceBundle {
 public:
  EquivalenceBundle(const json::SchemaDirs& dirs, const std::vector<std::string>& names) {
    auto& a = root_.GetAllocator();
    Value schemas;
    const Status s = BundleSchemas(dirs, names, schemas, a);
    if (!s.ok()) throw std::runtime_error(s.message());
    Value components(rapidjson::kObjectType);
    components.AddMember("schemas", schemas, a);
    root_.SetObject();
    root_.AddMember("$ref", "", a);
    root_.AddMember("components", components, a);
    for (const std::string& name : names) {
      const std::string ref = ComponentRef(name);
      root_["$ref"].SetString(ref.c_str(), static_cast<rapidjson::SizeType>(ref.size()), a);
      auto schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      parser.populateSchema(valijson::adapters::RapidJsonAdapter(root_), *schema);
      compiled_.emplace(name, std::move(schema));
    }
  }

  // As json::SchemaSet::Validate judges: strong types.
  bool Valid(const std::string& name, const Value& doc) const {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    return validator.validate(*compiled_.at(name), valijson::adapters::RapidJsonAdapter(doc),
                              nullptr);
  }

 private:
  rapidjson::Document root_;
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

// Pointers to the first `limit` objects and scalars of `doc`, depth first.
void Nodes(Value& v, std::vector<Value*>& objects, std::vector<Value*>& scalars, size_t limit) {
  if (v.IsObject()) {
    if (objects.size() < limit) objects.push_back(&v);
    for (auto& m : v.GetObject()) Nodes(m.value, objects, scalars, limit);
  } else if (v.IsArray()) {
    for (auto& e : v.GetArray()) Nodes(e, objects, scalars, limit);
  } else if (scalars.size() < limit) {
    scalars.push_back(&v);
  }
}

// Changes of `doc` that a schema may or may not accept: each of the first objects without its
// first member, or with an unknown member; each of the first scalars of another type.
std::vector<rapidjson::Document> Mutants(const Value& doc) {
  constexpr size_t kLimit = 6;
  std::vector<rapidjson::Document> out;
  for (size_t i = 0; i < 3 * kLimit; ++i) {
    rapidjson::Document copy;
    copy.CopyFrom(doc, copy.GetAllocator());
    std::vector<Value*> objects, scalars;
    Nodes(copy, objects, scalars, kLimit);
    const size_t n = i % kLimit;
    if (i < kLimit && n < objects.size() && objects[n]->MemberCount() > 0) {
      objects[n]->RemoveMember(objects[n]->MemberBegin());
    } else if (i >= kLimit && i < 2 * kLimit && n < objects.size()) {
      objects[n]->AddMember("zzUnknownMember", 1, copy.GetAllocator());
    } else if (i >= 2 * kLimit && n < scalars.size()) {
      Value& s = *scalars[n];
      if (s.IsString()) {
        s.SetInt(7);
      } else if (s.IsNumber()) {
        s.SetString("7");
      } else {
        s.SetNull();
      }
    } else {
      continue;
    }
    out.push_back(std::move(copy));
  }
  return out;
}

class SchemaEquivalence : public ::testing::TestWithParam<std::string> {};

TEST_P(SchemaEquivalence, TheBundleJudgesEverySampleAndMutantAsTheFilesDo) {
  const std::string version = GetParam();
  const versions::Profile profile = versions::LoadProfile(testdata::SchemasDir(), version).value();
  const json::SchemaSet files = json::SchemaSet::Load(profile.schema_dirs).value();
  const std::vector<std::string> names = SchemaNames(profile.schema_dirs);
  const EquivalenceBundle bundle(profile.schema_dirs, names);
  size_t judged = 0, accepted = 0;
  auto judge = [&](const std::string& what, const Value& doc, const std::string& name) {
    const bool file = files.Validate(name, doc).empty();
    EXPECT_EQ(file, bundle.Valid(name, doc)) << what << " against " << name << " (OCP " << version
                                             << "): the file says " << (file ? "valid" : "invalid");
    ++judged;
    return file;
  };
  for (const auto& e : fs::directory_iterator(testdata::SamplesDir())) {
    const std::string sample = e.path().filename().string();
    if (!sample.ends_with("-" + version + ".json")) continue;
    const rapidjson::Document doc = json::ParseJson(json::ReadFile(e.path()).value()).value();
    for (const std::string& name : names) {
      if (!judge(sample, doc, name)) continue;
      ++accepted;
      size_t i = 0;
      for (const rapidjson::Document& mutant : Mutants(doc)) {
        judge(sample + " mutant " + std::to_string(i++), mutant, name);
      }
    }
  }
  EXPECT_GT(accepted, 0u) << "no sample of " << version << " is valid against any schema";
  EXPECT_GT(judged, 500u);
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, SchemaEquivalence,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::openapi
