#include "mock/versions/profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>
#include "mock/ocp/error_kinds.h"

#include <fstream>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"

namespace mock::versions {
namespace {

namespace fs = std::filesystem;
using testing::ElementsAre;
using testing::HasSubstr;

Profile Load(std::string_view version) {
  auto p = LoadProfile(testdata::SchemasDir(), version);
  if (!p.ok()) throw std::runtime_error(p.status().message());
  return std::move(p).value();
}

TEST(Profiles, TheSixDocumentedVersionsOldestFirst) {
  EXPECT_THAT(KnownVersions(testdata::SchemasDir()),
              ElementsAre("3.1.1", "4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"));
}

TEST(Profiles, CompareVersionsIsNumeric) {
  EXPECT_LT(CompareVersions("4.2.9", "4.2.10"), 0);
  EXPECT_GT(CompareVersions("4.0.3", "3.1.1"), 0);
  EXPECT_EQ(CompareVersions("4.2.2", "4.2.2"), 0);
}

// mock::Version's reading (mock/core/version.h): never an overflow; what is no version (a
// folder named otherwise) sorts before every version.
TEST(Profiles, CompareVersionsNeverOverflows) {
  EXPECT_LT(CompareVersions("4.2.4294967295", "4.3.0"), 0);
  EXPECT_GT(CompareVersions("4.2.4294967295", "4.2.4294967294"), 0);
  EXPECT_LT(CompareVersions("4.2.99999999999", "0.0.0"), 0) << "no version";
  EXPECT_LT(CompareVersions("99999999999.0.0", "0.0.0"), 0) << "no version";
  EXPECT_EQ(CompareVersions("next", "next"), 0);
  EXPECT_LT(CompareVersions("next", "4.2.2"), 0);
  EXPECT_GT(CompareVersions("4.2.2", "4.2"), 0);
}

// Codes and messages verbatim from the error tables (docs/reference/ocp-task-api.md 1.7).
TEST(Profiles, ErrorCataloguesFollowEachVersionsTable) {
  const Profile p422 = Load("4.2.2");
  const auto& nf422 = p422.errors.Lookup(ocp::ErrorKind::kTaskNotFound);
  EXPECT_EQ(nf422.CodeText(), "TSK10001");
  EXPECT_EQ(nf422.message, "The {0} task does not exist.");
  for (const char* v : {"4.0.0", "4.0.3", "4.2.0", "4.2.1"}) {
    const Profile p = Load(v);
    const auto& nf = p.errors.Lookup(ocp::ErrorKind::kTaskNotFound);
    EXPECT_EQ(nf.code, (std::variant<int64_t, std::string>(int64_t{4001}))) << v;
    EXPECT_EQ(nf.message, "The task {0} does not exist.") << v;
    EXPECT_EQ(Load(v).errors.Lookup(ocp::ErrorKind::kTaskCannotRollback).CodeText(), "4009") << v;
  }
  Profile p311 = Load("3.1.1");
  EXPECT_EQ(p311.errors.Lookup(ocp::ErrorKind::kTaskNotFound).message,
            "The {0} task does not exist.");
  // 3.1.1's table stops at 4008.
  EXPECT_EQ(p311.errors.Lookup(ocp::ErrorKind::kTaskCannotRollback).CodeText(), "4007");
  EXPECT_EQ(p311.errors.Lookup(ocp::ErrorKind::kSubtaskCannotSkip).CodeText(), "4007");
  EXPECT_EQ(p311.errors.Lookup(ocp::ErrorKind::kUnauthenticated).CodeText(), "3000");
  EXPECT_EQ(Load("4.2.2").errors.Lookup(ocp::ErrorKind::kThrottled).CodeText(), "0");
  EXPECT_EQ(p311.errors.Lookup(ocp::ErrorKind::kThrottled).CodeText(), "0");
}

TEST(Profiles, AkSkFrom403) {
  EXPECT_FALSE(Load("3.1.1").ak_sk);
  EXPECT_FALSE(Load("4.0.0").ak_sk);
  for (const char* v : {"4.0.3", "4.2.0", "4.2.1", "4.2.2"}) EXPECT_TRUE(Load(v).ak_sk) << v;
}

TEST(Profiles, ArbitrationServicesIn421And422Only) {
  for (const char* v : {"3.1.1", "4.0.0", "4.0.3", "4.2.0"}) EXPECT_FALSE(Load(v).arbitration) << v;
  for (const char* v : {"4.2.1", "4.2.2"}) EXPECT_TRUE(Load(v).arbitration) << v;
}

TEST(Profiles, ChainsAndSchemaFolders) {
  Profile p = Load("4.2.0");
  EXPECT_THAT(p.chain, ElementsAre("4.2.0", "4.0.3", "4.0.0"));
  ASSERT_EQ(p.schema_dirs.size(), 4u);
  EXPECT_EQ(p.schema_dirs.back(), testdata::SchemasDir());
  EXPECT_THAT(Load("4.2.2").chain, ElementsAre("4.2.2"));
}

json::SchemaSet ProfileSchemasOf(std::string_view version) {
  auto s = json::SchemaSet::Load(Load(version).schema_dirs);
  if (!s.ok()) throw std::runtime_error(s.status().message());
  return std::move(s).value();
}

bool Valid(const json::SchemaSet& s, std::string_view schema, std::string_view text) {
  auto doc = json::ParseJson(std::string(text));
  return s.Validate(schema, doc.value()).empty() && !s.QuickCheck(schema, doc.value());
}

TEST(Profiles, SchemasDifferWhereTheDocsDo) {
  constexpr std::string_view kStandby = R"({"id":1,"name":"c","obClusterId":1,"type":"STANDBY"})";
  constexpr std::string_view kOracle = R"({"id":1,"name":"t","obTenantId":1,"mode":"ORACLE"})";
  auto s420 = ProfileSchemasOf("4.2.0");
  auto s421 = ProfileSchemasOf("4.2.1");
  auto s422 = ProfileSchemasOf("4.2.2");
  EXPECT_FALSE(Valid(s420, "cluster", kStandby));
  EXPECT_FALSE(Valid(s420, "tenant", kOracle));
  EXPECT_TRUE(Valid(s421, "cluster", kStandby));
  EXPECT_TRUE(Valid(s421, "tenant", kOracle));
  EXPECT_TRUE(Valid(s420, "cluster", R"({"id":1,"name":"c","obClusterId":1,"type":"PRIMARY"})"));
  EXPECT_FALSE(Valid(s421, "error", R"({"code":"TSK10001","message":"m"})"));
  EXPECT_TRUE(Valid(s421, "error", R"({"code":4001,"message":"m"})"));
  EXPECT_TRUE(Valid(s422, "error", R"({"code":"TSK10001","message":"m"})"));
  EXPECT_FALSE(Valid(s422, "error", R"({"code":4001,"message":"m"})"));
  EXPECT_TRUE(Valid(s422, "error", R"({"code":0,"message":"m"})"));
}

// A copy of the bundled schemas to break on purpose.
class ScratchSchemas {
 public:
  ScratchSchemas() {
    root_ = fs::temp_directory_path() /
            ("ocpmock-profiles-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::copy(testdata::SchemasDir(), root_, fs::copy_options::recursive);
  }
  ~ScratchSchemas() { fs::remove_all(root_); }
  void Write(const std::string& version, const std::string& text) {
    fs::create_directories(root_ / "versions" / version);
    std::ofstream(root_ / "versions" / version / "profile.json") << text;
  }
  // The refusal's message; a refused profile is a start-up (kConfig) error.
  std::string ErrorOf(std::string_view version) {
    auto p = LoadProfile(root_, version);
    if (p.ok()) return "";
    EXPECT_EQ(StatusCode::kConfig, p.status().code()) << p.status().ToString();
    return p.status().message();
  }
  const fs::path& root() const { return root_; }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

TEST(Profiles, ANewVersionIsOneFolder) {
  ScratchSchemas s;
  s.Write("4.3.0", R"({"format":"ocp-mock-profile/1","version":"4.3.0","extends":"4.2.2",)"
                   R"("summary":"s","akSk":false})");
  EXPECT_EQ(KnownVersions(s.root()).back(), "4.3.0");
  auto p = LoadProfile(s.root(), "4.3.0");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_FALSE(p.value().ak_sk);
  EXPECT_EQ(p.value().errors.Lookup(ocp::ErrorKind::kTaskNotFound).CodeText(), "TSK10001");
}

TEST(Profiles, AFolderWithoutProfilesSaysSo) {
  ScratchSchemas s;
  std::filesystem::remove_all(s.root() / "versions");
  EXPECT_THAT(s.ErrorOf("4.2.2"), HasSubstr("versions holds no version profile"));
}

TEST(Profiles, BrokenProfilesAreRefusedWithTheReason) {
  ScratchSchemas s;
  EXPECT_THAT(s.ErrorOf("9.9.9"), HasSubstr("no OCP version profile \"9.9.9\"; known: 3.1.1, "));
  s.Write("5.0.0", R"({"format":"ocp-mock-profile/1","version":"5.0.1","summary":"s"})");
  EXPECT_THAT(s.ErrorOf("5.0.0"), HasSubstr("is not the folder's name"));
  s.Write("5.0.0",
          R"({"format":"ocp-mock-profile/1","version":"5.0.0","extends":"5.0.2","summary":"s"})");
  EXPECT_THAT(s.ErrorOf("5.0.0"), HasSubstr("\"5.0.2\" (extended by 5.0.0)"));
  s.Write("5.0.2",
          R"({"format":"ocp-mock-profile/1","version":"5.0.2","extends":"5.0.0","summary":"s"})");
  EXPECT_THAT(s.ErrorOf("5.0.0"), HasSubstr("cycle: 5.0.0, 5.0.2, 5.0.0"));
  s.Write("5.0.0", R"({"format":"ocp-mock-profile/1","version":"5.0.0","summary":"s"})");
  EXPECT_THAT(s.ErrorOf("5.0.0"), HasSubstr("no error entry for \"invalidParameter\""));
  s.Write("5.0.0",
          R"({"format":"ocp-mock-profile/1","version":"5.0.0","summary":"s","extends":"4.2.2",)"
          R"("errors":{"taskNotFund":{"code":1,"message":"m"}}})");
  EXPECT_THAT(s.ErrorOf("5.0.0"), HasSubstr("profile.json: /errors"));
}

// profile.schema.json's pattern admits any digits: a part beyond 4294967295 is refused by name.
TEST(Profiles, AVersionPartTooLargeIsRefused) {
  ScratchSchemas s;
  s.Write("4.2.99999999999", R"({"format":"ocp-mock-profile/1","version":"4.2.99999999999",)"
                             R"("extends":"4.2.2","summary":"s"})");
  EXPECT_EQ(KnownVersions(s.root()).front(), "4.2.99999999999") << "no version: sorted first";
  EXPECT_EQ(KnownVersions(s.root()).back(), "4.2.2");
  EXPECT_THAT(s.ErrorOf("4.2.99999999999"),
              HasSubstr("4.2.99999999999/profile.json: /version: \"4.2.99999999999\" is not an "
                        "OCP version: 99999999999 is too large: each part of MAJOR.MINOR.PATCH "
                        "is a number from 0 to 4294967295"));
  s.Write("5.0.0", R"({"format":"ocp-mock-profile/1","version":"5.0.0",)"
                   R"("extends":"4.99999999999.0","summary":"s"})");
  EXPECT_THAT(s.ErrorOf("5.0.0"),
              HasSubstr("5.0.0/profile.json: /extends: \"4.99999999999.0\" is not an OCP "
                        "version: 99999999999 is too large"));
}

TEST(ErrorCatalog, RendersInOnePassAndNeverShowsAnEmptyPlaceholder) {
  ocp::ErrorCatalog c = Load("3.1.1").errors;
  Status e = ocp::OcpError(ocp::ErrorKind::kTaskStateInvalid, "More.", {"{1}", "FAILED"});
  EXPECT_EQ(c.Render(e),
            "The operation is not allowed because the {1} task is in the FAILED "
            "state. More.");
  EXPECT_EQ(c.Render(ocp::OcpError(ocp::ErrorKind::kInternal, "", {"trace 1"})),
            "An unknown error occurred. Cause: trace 1. Error: see the server log. Please "
            "contact the administrator.");
}

}  // namespace
}  // namespace mock::versions
