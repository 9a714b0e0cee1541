// Every documented sample of the cluster, tenant and host pages validates against its version's
// schemas: one test per (version, page), for every version that documents the page
// (contract_tests/samples/README.md says where each sample comes from and what errata apply).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::versions {
namespace {

namespace fs = std::filesystem;

struct Page {
  const char* sample;  // contract_tests/samples/SAMPLE-VERSION.json
  const char* schema;  // what a response of that page must satisfy
  const char* since;   // the first version documenting the page
};

// Read by GoogleTest wherever it prints a parameter (test lists, failures): the sample and the
// schema it must satisfy.
void PrintTo(const Page& p, std::ostream* os) { *os << p.sample << " against " << p.schema; }

constexpr Page kPages[] = {
    {"query-clusters", "cluster-list-response", "3.1.1"},
    {"query-cluster-tenants", "tenant-list-response", "3.1.1"},
    {"query-tenants", "tenant-list-response", "3.1.1"},
    {"tenant-detail", "tenant-detail-response", "3.1.1"},
    {"query-hosts", "host-list-response", "3.1.1"},
    {"host-detail", "host-response", "3.1.1"},
    {"create-tenant", "tenant-response", "3.1.1"},
    {"create-tenant-async", "async-task-response", "4.0.0"},
    {"delete-tenant", "no-data-response", "3.1.1"},
    {"lock-tenant", "no-data-response", "3.1.1"},
    {"unlock-tenant", "no-data-response", "3.1.1"},
    {"batch-create-hosts", "host-tasks-response", "3.1.1"},
};

const json::SchemaSet& EntitySchemasOf(const std::string& version) {
  static std::map<std::string, json::SchemaSet> loaded;
  auto found = loaded.find(version);
  if (found != loaded.end()) return found->second;
  auto p = LoadProfile(testdata::SchemasDir(), version);
  if (!p.ok()) throw std::runtime_error(p.status().message());
  auto s = json::SchemaSet::Load(p.value().schema_dirs);
  if (!s.ok()) throw std::runtime_error(s.status().message());
  return loaded.emplace(version, std::move(s).value()).first->second;
}

// The docs' one erratum in these samples (docs/reference/ocp-resources-api.md 3.1 (e), 3.2): the
// tenant lists' sample gives a tenant `"mode":"Oracle"` where the field's table, every other page
// and every real OCP say ORACLE (Jackson writes the TenantMode enum's name). The mock serves
// ORACLE, so the sample is read with the erratum applied, after proving the verbatim text fails
// only there.
constexpr std::string_view kOracleTypo = R"("mode":"Oracle")";

bool HasOracleTypo(const std::string& text) { return text.find(kOracleTypo) != std::string::npos; }

std::string WithErratum(std::string text) {
  const size_t at = text.find(kOracleTypo);
  return text.replace(at, kOracleTypo.size(), R"("mode":"ORACLE")");
}

using Case = std::tuple<std::string, Page>;

class EntitySample : public ::testing::TestWithParam<Case> {};

TEST_P(EntitySample, ValidatesAgainstItsVersionsSchema) {
  const auto& [version, page] = GetParam();
  const fs::path file =
      testdata::SamplesDir() / (std::string(page.sample) + "-" + version + ".json");
  ASSERT_TRUE(fs::exists(file)) << "every version documenting the page has its sample: " << file;
  auto text = json::ReadFile(file);
  ASSERT_TRUE(text.ok()) << text.status().message();
  std::string body = text.value();
  if (HasOracleTypo(body)) {
    auto verbatim = EntitySchemasOf(version).ValidateText(page.schema, body);
    ASSERT_FALSE(verbatim.empty());
    EXPECT_THAT(verbatim.front().path, ::testing::EndsWith("/mode")) << "the typo, nothing else";
    body = WithErratum(body);
  }
  auto v = EntitySchemasOf(version).ValidateText(page.schema, body);
  EXPECT_TRUE(v.empty()) << file.filename() << " against " << page.schema << ": "
                         << json::Describe(v);
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const std::string& version : KnownVersions(testdata::SchemasDir())) {
    for (const Page& page : kPages) {
      if (CompareVersions(version, page.since) >= 0) cases.emplace_back(version, page);
    }
  }
  return cases;
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = std::get<1>(info.param).sample + std::string("_") + std::get<0>(info.param);
  for (char& c : name) {
    if (c == '-' || c == '.') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(PerVersionAndPage, EntitySample, ::testing::ValuesIn(Cases()), CaseName);

// 4.0.0 introduced the asynchronous create: 3.1.1 documents no such page, and the mock has no
// route for it there (route_table.cc).
TEST(EntitySamples, TheAsynchronousCreateIsNotDocumentedBefore400) {
  EXPECT_FALSE(fs::exists(testdata::SamplesDir() / "create-tenant-async-3.1.1.json"));
  EXPECT_EQ(Cases().size(), 6 * std::size(kPages) - 1);
}

// The typo is in every version's tenant lists but 4.2.0's, whose sample tenant is MYSQL (4.2.0
// knows no ORACLE mode): if a sample were re-copied without it, the erratum would go unnoticed.
TEST(EntitySamples, TheOracleTypoIsWhereTheDocsHaveIt) {
  for (const std::string& version : KnownVersions(testdata::SchemasDir())) {
    for (const char* page : {"query-tenants", "query-cluster-tenants"}) {
      auto text =
          json::ReadFile(testdata::SamplesDir() / (std::string(page) + "-" + version + ".json"));
      ASSERT_TRUE(text.ok());
      EXPECT_EQ(version != "4.2.0", HasOracleTypo(text.value())) << page << " " << version;
    }
  }
}

// A sample is not waved through: a cluster without its required id fails the list schema.
TEST(EntitySamples, ABrokenSampleFails) {
  auto text = json::ReadFile(testdata::SamplesDir() / "query-clusters-4.2.2.json").value();
  auto doc = json::ParseJson(text).value();
  doc["data"]["contents"][0].RemoveMember("id");
  EXPECT_FALSE(EntitySchemasOf("4.2.2").Validate("cluster-list-response", doc).empty());
}

}  // namespace
}  // namespace mock::versions
