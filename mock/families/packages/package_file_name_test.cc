// Reading an RPM file name into SoftwarePackageMeta's fields (the docs' sample and obdeploy's
// packages), each name that cannot be read, and the type each package name stands for.
#include "mock/families/packages/package_file_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>

namespace mock::families {
namespace {

using ::testing::HasSubstr;

struct Named {
  std::string file;
  RpmFileName read;
};

void PrintTo(const Named& n, std::ostream* os) { *os << n.file; }

class RpmFileNameTest : public ::testing::TestWithParam<Named> {};

TEST_P(RpmFileNameTest, ReadsEveryPiece) {
  auto r = ParseRpmFileName(GetParam().file);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const RpmFileName& want = GetParam().read;
  EXPECT_EQ(want.name, r.value().name);
  EXPECT_EQ(want.version, r.value().version);
  EXPECT_EQ(want.build_number, r.value().build_number);
  EXPECT_EQ(want.operating_system, r.value().operating_system);
  EXPECT_EQ(want.architecture, r.value().architecture);
}

std::string TestName(const ::testing::TestParamInfo<Named>& p) {
  std::string name = p.param.file;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(
    Packages, RpmFileNameTest,
    ::testing::Values(
        // The docs' sample (docs/reference/ocp-client-flows.md 4.6).
        Named{"t-oceanbase-ocp-agent-3.1.2-20210812221645.alios7.x86_64.rpm",
              {"t-oceanbase-ocp-agent", "3.1.2", "20210812221645", "alios7", "x86_64"}},
        // What obdeploy uploads: oceanbase-ce / oceanbase-standalone of 4.3.0.0 on.
        Named{"oceanbase-ce-4.3.0.1-100000242024032211.el7.x86_64.rpm",
              {"oceanbase-ce", "4.3.0.1", "100000242024032211", "el7", "x86_64"}},
        Named{"oceanbase-standalone-4.3.3.0-100000012024111815.el8.aarch64.rpm",
              {"oceanbase-standalone", "4.3.3.0", "100000012024111815", "el8", "aarch64"}},
        // A release with two dots: the OS is after the last.
        Named{"obproxy-ce-4.2.1.0-11.1.el7_9.x86_64.rpm",
              {"obproxy-ce", "4.2.1.0", "11.1", "el7_9", "x86_64"}}),
    TestName);

struct Unreadable {
  std::string label;
  std::string file;
  std::string says;
};

void PrintTo(const Unreadable& u, std::ostream* os) { *os << u.label; }

class UnreadableTest : public ::testing::TestWithParam<Unreadable> {};

TEST_P(UnreadableTest, SaysWhichPieceIsWrong) {
  auto r = ParseRpmFileName(GetParam().file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, r.status().code());
  EXPECT_THAT(r.status().message(), HasSubstr(GetParam().says));
}

INSTANTIATE_TEST_SUITE_P(
    Names, UnreadableTest,
    ::testing::Values(
        Unreadable{"NotRpm", "oceanbase-ce-4.3.0.1-1.el7.x86_64.zip", "does not end .rpm"},
        Unreadable{"NoArch", "oceanbase.rpm", "no .ARCH"},
        Unreadable{"BadArch", "t-oceanbase-ocp-agent-3.1.2-20210812221.rpm",
                   "the architecture"},  // the docs' sample request line's name
        Unreadable{"NoRelease", "oceanbase.x86_64.rpm", "no -BUILD.OS"},
        Unreadable{"ReleaseWithoutOs", "oceanbase-ce-4.3.0.1-1.x86_64.rpm", "is not BUILD.OS"},
        Unreadable{"NoVersion", "oceanbase-1.el7.x86_64.rpm", "no NAME-VERSION"},
        Unreadable{"EmptyName", "-4.3.0.1-1.el7.x86_64.rpm", "no NAME-VERSION"},
        Unreadable{"VersionNotANumber", "oceanbase-ce-libs-1.el7.x86_64.rpm",
                   "the version \"libs\" does not start with a digit"},
        Unreadable{"Space", "oceanbase-ce-4.3.0.1-1.el7.x86_64 (1).rpm", "a character other"},
        Unreadable{"Backslash", "C:\\oceanbase-ce-4.3.0.1-1.el7.x86_64.rpm", "a character other"},
        Unreadable{"TooLong", "oceanbase-ce-4.3.0.1-1." + std::string(250, 'a') + ".x86_64.rpm",
                   "longer than 255 bytes"}),
    [](const ::testing::TestParamInfo<Unreadable>& p) { return p.param.label; });

TEST(PackageTypeTest, IsInferredFromTheName) {
  EXPECT_EQ("OB_SERVER_INSTALL_PACKAGE", PackageTypeOf("oceanbase").value_or(""));
  EXPECT_EQ("OB_SERVER_INSTALL_PACKAGE", PackageTypeOf("oceanbase-ce").value_or(""));
  EXPECT_EQ("OB_SERVER_INSTALL_PACKAGE", PackageTypeOf("oceanbase-standalone").value_or(""));
  EXPECT_EQ("OBPROXY_INSTALL_PACKAGE", PackageTypeOf("obproxy").value_or(""));
  EXPECT_EQ("OBPROXY_INSTALL_PACKAGE", PackageTypeOf("obproxy-ce").value_or(""));
  EXPECT_EQ("OCP_AGENT_INSTALL_PACKAGE", PackageTypeOf("t-oceanbase-ocp-agent").value_or(""));
  EXPECT_EQ("OCP_AGENT_INSTALL_PACKAGE", PackageTypeOf("ocp-agent-ce").value_or(""));
  EXPECT_EQ("OB_BACKUP_AGENT_INSTALL_PACKAGE", PackageTypeOf("ob-backup-agent").value_or(""));
  EXPECT_FALSE(PackageTypeOf("oceanbase-ce-libs")) << "not the server: no documented type";
  EXPECT_FALSE(PackageTypeOf("mysql"));
}

TEST(PackageTypeTest, TheSuffixIsWhatFollowsTheLastDot) {
  EXPECT_EQ("rpm", SuffixOf("a.b.rpm"));
  EXPECT_EQ("gz", SuffixOf("a.tar.gz"));
  EXPECT_EQ("", SuffixOf("package"));
  EXPECT_EQ("", SuffixOf("trailing."));
}

}  // namespace
}  // namespace mock::families
