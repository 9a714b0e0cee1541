// Every version's documented host-type samples validate against that version's schemas
// (contract_tests/samples/README.md, "Host types"). The list pages' sample spells
// `descripiton`; the field's table, the create page's body and every other page say
// `description`, so the sample is read with that erratum, after proving the verbatim text fails
// at that key alone (docs/reference/ocp-host-types.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

constexpr std::string_view kTypo = R"("descripiton")";

const json::SchemaSet& SchemasOf(const std::string& version) {
  static std::map<std::string, json::SchemaSet> loaded;
  auto found = loaded.find(version);
  if (found != loaded.end()) return found->second;
  auto p = versions::LoadProfile(testdata::SchemasDir(), version).value();
  return loaded.emplace(version, json::SchemaSet::Load(p.schema_dirs).value()).first->second;
}

std::string SampleOf(const std::string& name, const std::string& version) {
  auto text = json::ReadFile(testdata::SamplesDir() / (name + "-" + version + ".json"));
  if (!text.ok()) ADD_FAILURE() << text.status().message();
  return text.ok() ? text.value() : "";
}

class HostTypeSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(HostTypeSamples, TheListSampleValidatesWithItsOneErratum) {
  const std::string version = GetParam();
  std::string body = SampleOf("query-host-types", version);
  const size_t at = body.find(kTypo);
  ASSERT_NE(std::string::npos, at) << "the verbatim sample carries the docs' typo";
  auto verbatim = SchemasOf(version).ValidateText("host-type-list-response", body);
  ASSERT_EQ(1u, verbatim.size()) << json::Describe(verbatim);
  EXPECT_EQ("/data/contents/0", verbatim.front().path);
  EXPECT_EQ(R"(unknown field "descripiton" (did you mean "description"?))",
            verbatim.front().message);
  body.replace(at, kTypo.size(), R"("description")");
  EXPECT_THAT(SchemasOf(version).ValidateText("host-type-list-response", body),
              ::testing::IsEmpty());
}

TEST_P(HostTypeSamples, TheCreateSampleValidatesVerbatim) {
  const std::string version = GetParam();
  EXPECT_THAT(
      SchemasOf(version).ValidateText("host-type-response", SampleOf("create-host-type", version)),
      ::testing::IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, HostTypeSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
