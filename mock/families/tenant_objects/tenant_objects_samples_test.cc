// The documented tenant-object samples (contract_tests/samples/README.md, "Tenant objects")
// validate against every version's schemas. The users' and one user's en-US samples are not JSON
// (docs/reference/ocp-tenant-objects-and-obproxy.md §6.3, §7.3): the test proves they fail to
// parse at their one stray character and nowhere else (they are the zh-CN copies, which the
// mock's tests use, but for it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string File(const std::string& name) {
  auto text = json::ReadFile(testdata::SamplesDir() / name);
  if (!text.ok()) ADD_FAILURE() << text.status().message();
  return text.ok() ? text.value() : "";
}

class TenantObjectSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(TenantObjectSamples, EverySampleValidatesVerbatim) {
  const json::SchemaSet& s = testdata::VersionSchemas(GetParam());
  EXPECT_THAT(s.ValidateText("tenant-database-list-response", File("tenant-databases-4.2.2.json")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("tenant-user-list-response", File("tenant-users-4.2.2.json")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("tenant-user-response", File("tenant-user-4.2.2.json")), IsEmpty());
  EXPECT_THAT(s.ValidateText("tenant-role-list-response", File("tenant-roles-4.2.2.json")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("tenant-role-response", File("tenant-role-4.2.2.json")), IsEmpty());
  EXPECT_THAT(s.ValidateText("tenant-db-object-list-response", File("tenant-objects-4.2.2.json")),
              IsEmpty());
  EXPECT_THAT(
      s.ValidateText("obproxy-parameter-list-response", File("obproxy-parameters-4.2.2.json")),
      IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, TenantObjectSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

struct EnglishCopy {
  std::string name;  // the sample, without -4.2.2
  std::string line;  // the line and column the parser stops at
};
void PrintTo(const EnglishCopy& c, std::ostream* os) { *os << c.name << "-4.2.2.invalid.txt"; }

class TenantUserEnglishSamples : public ::testing::TestWithParam<EnglishCopy> {};

TEST_P(TenantUserEnglishSamples, AreTheZhCopyButForOneStrayPeriodThatBreaksThem) {
  const std::string en = File(GetParam().name + "-4.2.2.invalid.txt");
  const std::string zh = File(GetParam().name + "-4.2.2.json");
  auto parsed = json::ParseJson(en);
  ASSERT_FALSE(parsed.ok()) << "a re-copied sample that parses needs no zh-CN copy";
  EXPECT_THAT(parsed.status().message(), HasSubstr(GetParam().line));
  const size_t at = en.find("\"username\": \"root\".");
  ASSERT_NE(std::string::npos, at);
  std::string mended = en;
  mended.erase(at + std::string("\"username\": \"root\"").size(), 1);
  EXPECT_EQ(zh, mended) << "the one difference";
}

INSTANTIATE_TEST_SUITE_P(EnUs, TenantUserEnglishSamples,
                         ::testing::Values(EnglishCopy{"tenant-users", "line 99"},
                                           EnglishCopy{"tenant-user", "line 97"}),
                         [](const auto& param_info) {
                           std::string name = param_info.param.name;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
