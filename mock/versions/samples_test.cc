// Every documented sample of every version validates against that version's schemas
// (contract_tests/samples/README.md says where each sample comes from).
#include <gtest/gtest.h>

#include <filesystem>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::versions {
namespace {

namespace fs = std::filesystem;

// Each documented sample and the schema its response must satisfy.
constexpr std::pair<const char*, const char*> kSamples[] = {
    {"query-tasks", "task-list-response"},
    {"task-detail", "task-detail-response"},
    {"retry-task", "task-detail-response"},
    {"subtask-log", "subtask-log-response"},
    {"skip-subtask", "no-data-response"},
    {"throttled-429", "error-envelope"},
    {"info", "info"},
};

// NAME-VERSION.json, or 4.2.2's where the version documents the same sample.
fs::path SampleFor(const std::string& name, const std::string& version) {
  fs::path own = testdata::SamplesDir() / (name + "-" + version + ".json");
  return fs::exists(own) ? own : testdata::SamplesDir() / (name + "-4.2.2.json");
}

json::SchemaSet SchemasOf(const std::string& version) {
  auto p = LoadProfile(testdata::SchemasDir(), version);
  if (!p.ok()) throw std::runtime_error(p.status().message());
  auto s = json::SchemaSet::Load(p.value().schema_dirs);
  if (!s.ok()) throw std::runtime_error(s.status().message());
  return std::move(s).value();
}

TEST(DocumentedSamples, EveryVersionsSamplesValidateAgainstItsSchemas) {
  size_t checked = 0;
  for (const std::string& version : KnownVersions(testdata::SchemasDir())) {
    const json::SchemaSet schemas = SchemasOf(version);
    for (const auto& [name, schema] : kSamples) {
      const fs::path sample = SampleFor(name, version);
      auto v = schemas.ValidateText(schema, json::ReadFile(sample).value());
      EXPECT_TRUE(v.empty()) << "OCP " << version << ", " << sample.filename() << ": "
                             << json::Describe(v);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 6 * std::size(kSamples));
}

// The versions' schemas are not all alike: 4.2.2's list sample (an ORACLE tenant) is not a
// 4.2.0 response, 4.2.0's is a 4.2.2 one; 4.2.2's prefixed codes are not 4.2.1 codes.
TEST(DocumentedSamples, OneVersionsSampleCanBreakAnothersContract) {
  const auto text422 = json::ReadFile(SampleFor("query-tasks", "4.2.2")).value();
  const auto text420 = json::ReadFile(SampleFor("query-tasks", "4.2.0")).value();
  auto v = SchemasOf("4.2.0").ValidateText("task-list-response", text422);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v.front().path, "/data/contents/0/tenant/mode");
  EXPECT_TRUE(SchemasOf("4.2.2").ValidateText("task-list-response", text420).empty());
  const std::string prefixed =
      R"({"duration":0,"error":{"code":"TSK10001","message":"The 1 task does not exist."},)"
      R"("server":"s","status":404,"successful":false,"timestamp":"2024-01-01T00:00:00+08:00",)"
      R"("traceId":""})";
  EXPECT_TRUE(SchemasOf("4.2.2").ValidateText("error-envelope", prefixed).empty());
  EXPECT_FALSE(SchemasOf("4.2.1").ValidateText("error-envelope", prefixed).empty());
}

}  // namespace
}  // namespace mock::versions
