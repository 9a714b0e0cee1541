// Entity fixtures: what the loader refuses (with the file and the JSON Pointer), what Complete
// derives from the tasks and which inconsistencies it refuses, and the bundled set described
// fully in every version.
#include "mock/entities/entity_set.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "mock/entities/entity_loader.h"
#include "mock/loader/fixture_loader.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::entities {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fixture folder of its own, removed afterwards.
struct Folder {
  Folder()
      : dir(fs::temp_directory_path() /
            ("ocpmock-entities-" + std::to_string(getpid()) + "-" + std::to_string(counter++))) {
    fs::create_directories(dir / "entities");
  }
  ~Folder() { fs::remove_all(dir); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / "entities" / name) << text;
  }
  fs::path dir;
  static inline int counter = 0;
};

const std::string kCluster = R"({"id": 1, "name": "c1", "obClusterId": 11, "type": "PRIMARY",
    "status": "RUNNING", "obVersion": "4.2.1.0"})";

std::string TenantJson(int id, const std::string& name, const std::string& mode = "MYSQL") {
  return R"({"id": )" + std::to_string(id) + R"(, "name": ")" + name +
         R"(", "clusterId": 1, "clusterName": "c1", "obTenantId": 1001, "mode": ")" + mode +
         R"(", "status": "NORMAL", "locked": false, "readonly": false})";
}

std::string File(const std::string& tenants, const std::string& clusters = kCluster) {
  return R"({"format": "ocp-mock-entities/1", "clusters": [)" + clusters + R"(], "tenants": [)" +
         tenants + "]}";
}

StatusOr<EntitySet> Load(const Folder& f) {
  return LoadEntityFixtures(f.dir, testdata::BundledSchemas(), "4.2.2");
}

TEST(EntityLoader, ReadsEveryArrayAndNamesEachRowsOrigin) {
  Folder f;
  f.Write("a.json", File(TenantJson(5, "t5")));
  auto set = Load(f);
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(1u, set.value().clusters.size());
  ASSERT_EQ(1u, set.value().tenants.size());
  EXPECT_EQ("t5", Str(*set.value().tenants[0].doc, "name"));
  EXPECT_THAT(set.value().tenants[0].origin.str(), HasSubstr("a.json: /tenants/0"));
}

TEST(EntityLoader, RefusesASchemaViolationNamingFileAndPointer) {
  Folder f;
  f.Write("a.json", File(TenantJson(5, "t5", "DB2")));
  auto set = Load(f);
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("a.json"));
  EXPECT_THAT(set.status().message(), HasSubstr("/tenants/0/mode"));
}

TEST(EntityLoader, AnIdDescribedTwiceDifferentlyIsRefusedTheSameAgainIsNot) {
  Folder f;
  f.Write("a.json", File(TenantJson(5, "t5")));
  f.Write("b.json", File(TenantJson(5, "t5")));
  ASSERT_TRUE(Load(f).ok()) << "the same object twice is one entity";
  f.Write("c.json", File(TenantJson(5, "other")));
  auto set = Load(f);
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("c.json: /tenants/0: tenant 5 is described "
                                                "differently in"));
  EXPECT_THAT(set.status().message(), HasSubstr("a.json: /tenants/0"));
}

TEST(EntityLoader, TwoTenantsWithOneNameInOneClusterAreRefused) {
  Folder f;
  f.Write("a.json", File(TenantJson(5, "pay") + "," + TenantJson(6, "pay")));
  auto set = Load(f);
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("has a tenant named \"pay\" already"));
}

TEST(EntityLoader, AFileForOtherVersionsIsSkippedAndAnUnknownVersionRefused) {
  Folder f;
  f.Write("a.json", R"({"format": "ocp-mock-entities/1", "ocpVersions": ["4.2.0"],
                        "clusters": [)" +
                        kCluster + "]}");
  std::vector<std::filesystem::path> skipped;
  auto set =
      LoadEntityFixtures(f.dir, testdata::BundledSchemas(),
                         {"4.2.2", versions::KnownVersions(testdata::SchemasDir())}, &skipped);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_TRUE(set.value().clusters.empty());
  ASSERT_EQ(1u, skipped.size());  // for the caller to log, as task files are
  EXPECT_EQ("a.json", skipped[0].filename());
  f.Write("b.json", R"({"format": "ocp-mock-entities/1", "ocpVersions": ["4.9.9"]})");
  EXPECT_FALSE(LoadEntityFixtures(f.dir, testdata::BundledSchemas(),
                                  {"4.2.2", versions::KnownVersions(testdata::SchemasDir())})
                   .ok());
}

// FixtureTasks of one fixture text.
std::vector<model::Task> FixtureTasks(const std::string& cluster_name,
                                      const std::string& tenant_mode) {
  const std::string text =
      R"({"format": "ocp-mock-fixtures/1", "tasks": [{"hostIds": [3], "task": {"id": 7, "name": "Create tenant",
      "status": "SUCCESSFUL", "creator": {"id": 100, "name": "admin"},
      "cluster": {"id": 1, "name": ")" +
      cluster_name +
      R"(", "obClusterId": 11, "type": "PRIMARY"},
      "tenant": {"id": 5, "name": "t5", "obTenantId": 1001, "mode": ")" +
      tenant_mode + R"("},
      "startTime": "2026-12-01T10:00:00.000+08:00", "finishTime": "2026-12-01T10:05:00.000+08:00",
      "subtasks": [{"id": 71, "name": "Check", "description": "Check", "operation": "EXECUTE",
                    "status": "SUCCESSFUL"}]}}]})";
  auto tasks = fixtures::ParseTaskFixtures(text, "t.json", testdata::BundledSchemas());
  if (!tasks.ok()) throw std::runtime_error(tasks.status().message());
  return std::move(tasks).value();
}

TEST(Complete, DerivesWhatTheTasksNameWithTheDocumentedDefaults) {
  EntitySet set;
  ASSERT_TRUE(Complete(set, FixtureTasks("c1", "MYSQL")).ok());
  ASSERT_EQ(1u, set.clusters.size());
  ASSERT_EQ(1u, set.tenants.size());
  ASSERT_EQ(1u, set.hosts.size());
  const auto& c = *set.clusters[0].doc;
  EXPECT_EQ("c1", Str(c, "name"));
  EXPECT_EQ("RUNNING", Str(c, "status"));
  EXPECT_EQ(11, Int(c, "obClusterId"));
  const auto& t = *set.tenants[0].doc;
  EXPECT_EQ("NORMAL", Str(t, "status"));
  EXPECT_EQ("FULL{1}@zone1", Str(t, "locality"));
  EXPECT_EQ("c1", Str(t, "clusterName"));
  EXPECT_EQ("2026-12-01T10:00:00.000+08:00", Str(t, "createTime")) << "its first task's";
  const auto& h = *set.hosts[0].doc;
  EXPECT_EQ("host-3", Str(h, "name"));
  EXPECT_EQ("10.0.0.3", Str(h, "innerIpAddress"));
  EXPECT_EQ("derived", set.hosts[0].origin.str());
  auto v = testdata::BundledSchemas().Validate("ob-tenant-detail", t);
  EXPECT_TRUE(v.empty()) << json::Describe(v);
}

TEST(Complete, RefusesATaskNamingAnEntityOtherwiseThanItIsDescribed) {
  Folder f;
  f.Write("a.json", File(TenantJson(5, "t5")));
  for (const auto& [tasks, field] : {std::pair{FixtureTasks("renamed", "MYSQL"), "name"},
                                     std::pair{FixtureTasks("c1", "ORACLE"), "mode"}}) {
    auto set = Load(f);
    ASSERT_TRUE(set.ok());
    Status s = Complete(set.value(), tasks);
    ASSERT_FALSE(s.ok()) << field;
    EXPECT_THAT(s.message(), HasSubstr("7")) << "names the task: " << s.message();
    EXPECT_THAT(s.message(), HasSubstr(field)) << s.message();
  }
}

// The bundled set describes every cluster, tenant and host its tasks name, in every version.
TEST(Complete, TheBundledFixturesDescribeEveryEntityTheyServe) {
  const auto known = versions::KnownVersions(testdata::SchemasDir());
  for (const std::string& version : known) {
    auto profile = versions::LoadProfile(testdata::SchemasDir(), version).value();
    auto schemas = json::SchemaSet::Load(profile.schema_dirs).value();
    auto tasks = fixtures::LoadTaskFixtures(testdata::FixturesDir(), schemas, {version, known});
    ASSERT_TRUE(tasks.ok()) << version;
    auto set = LoadEntityFixtures(testdata::FixturesDir(), schemas, {version, known});
    ASSERT_TRUE(set.ok()) << version << ": " << set.status().message();
    const size_t described =
        set.value().clusters.size() + set.value().tenants.size() + set.value().hosts.size();
    ASSERT_TRUE(Complete(set.value(), tasks.value()).ok()) << version;
    EXPECT_EQ(described,
              set.value().clusters.size() + set.value().tenants.size() + set.value().hosts.size())
        << version << ": something was derived, not described";
    const bool narrow = version == "4.2.0";
    EXPECT_EQ(narrow ? 3u : 5u, set.value().clusters.size()) << version;
    EXPECT_EQ(narrow ? 8u : 13u, set.value().tenants.size()) << version;
    EXPECT_EQ(narrow ? 13u : 18u, set.value().hosts.size()) << version;
  }
}

}  // namespace
}  // namespace mock::entities
