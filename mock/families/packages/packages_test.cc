// POST /api/v2/software-packages over HTTP requests (no sockets): obdeploy's upload (Python
// requests' multipart body) and the FAQ's curl -F, the SoftwarePackageMeta answered, each refusal
// (OCP's error naming the field, nothing changed), the permission, /__mock/softwarePackages,
// reset, and the numbered codes of older versions.
#include "mock/families/packages/packages_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kPath[] = "/api/v2/software-packages";
constexpr char kObserver[] = "oceanbase-ce-4.3.0.1-100000242024032211.el7.x86_64.rpm";
constexpr char kSample[] = "t-oceanbase-ocp-agent-3.1.2-20210812221645.alios7.x86_64.rpm";
constexpr char kBoundary[] = "f395e4bdbefed29aefe16c38f52b5cc3";
// "demo rpm\n", whose SHA-1 `printf 'demo rpm\n' | sha1sum` gives.
constexpr char kContent[] = "demo rpm\n";
constexpr char kContentSha1[] = "e0265cd7ee8d8da1aaed1d9249d47687936edc2f";

// The body Python requests writes for files={'file': open(NAME, 'rb')}: no part Content-Type.
// `part_type` adds one, as curl -F does; `extra` parts go first.
std::string Body(const std::string& file_name, const std::string& content = kContent,
                 const std::string& part_type = "", const std::string& extra = "") {
  return extra + "--" + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name + "\"\r\n" +
         (part_type.empty() ? "" : "Content-Type: " + part_type + "\r\n") + "\r\n" + content +
         "\r\n--" + kBoundary + "--\r\n";
}

http::Headers Form(http::Headers more = {}) {
  more.emplace_back("Content-Type", std::string("multipart/form-data; boundary=") + kBoundary);
  return more;
}

http::Response Upload(const BundledApi& h, const std::string& body, http::Headers headers = Form(),
                      const std::string& target = kPath) {
  return h.Send("POST", target, body, std::move(headers));
}

std::string StateOf(const BundledApi& h) {
  const std::string rows = h.Send("GET", "/__mock/softwarePackages").body;
  return rows.substr(0, rows.find(",\"duration\""));
}

std::vector<std::string> ViolationsOf(const BundledApi& h, const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText("software-package-response", body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

TEST(PackagesTest, AnUploadAsObdeployDoesItAnswersTheMetaOfTheFile) {
  BundledApi h;
  http::Response r = Upload(h, Body(kObserver), Form({{"Host", "ocp.example:8080"}}));
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(ViolationsOf(h, r.body), IsEmpty());
  const auto doc = json::ParseJson(r.body).value();
  const auto& d = doc["data"];
  EXPECT_EQ(27, d["id"].GetInt64()) << "after the bundled packages 25 and 26";
  EXPECT_STREQ("oceanbase-ce", d["name"].GetString());
  EXPECT_STREQ(kObserver, d["fileName"].GetString());
  EXPECT_STREQ("rpm", d["extension"].GetString());
  EXPECT_STREQ("4.3.0.1", d["version"].GetString());
  EXPECT_STREQ("100000242024032211", d["buildNumber"].GetString());
  EXPECT_STREQ("el7", d["operatingSystem"].GetString());
  EXPECT_STREQ("x86_64", d["architecture"].GetString());
  EXPECT_STREQ("OB_SERVER_INSTALL_PACKAGE", d["type"].GetString());
  EXPECT_EQ(sizeof kContent - 1, d["size"].GetUint64());
  EXPECT_STREQ(kContentSha1, d["sha1"].GetString());
  EXPECT_EQ(std::string("http://ocp.example:8080/api/v2/files/sys-package/") + kObserver,
            d["downloadUrl"].GetString());
  EXPECT_THAT(StateOf(h), HasSubstr(kContentSha1)) << "the row is held; the bytes are not";
  EXPECT_THAT(StateOf(h), ::testing::Not(HasSubstr("demo rpm")));
}

TEST(PackagesTest, TheFaqsCurlUploadWithAPartTypeAndNoHostIsAnsweredAsTheSample) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("DELETE", "/__mock/softwarePackages/26").status);
  http::Response r = Upload(h, Body(kSample, "x", "application/octet-stream"));
  ASSERT_EQ(200, r.status) << r.body;
  const auto doc = json::ParseJson(r.body).value();
  const auto sample = json::ParseJson(json::ReadFile(mock::testdata::SamplesDir() /
                                                     "upload-software-package-4.2.2.json")
                                          .value())
                          .value();
  for (const char* field : {"name", "fileName", "extension", "version", "buildNumber",
                            "operatingSystem", "architecture", "type", "downloadUrl"}) {
    EXPECT_EQ(std::string(sample["data"][field].GetString()), doc["data"][field].GetString())
        << field;
  }
  EXPECT_EQ(1u, doc["data"]["size"].GetUint64());
}

TEST(PackagesTest, TheSamePackageTwiceIsPackageExistsAndChangesNothing) {
  BundledApi h;
  ASSERT_EQ(200, Upload(h, Body(kObserver)).status);
  const std::string before = StateOf(h);
  http::Response r = Upload(h, Body(kObserver, "other bytes"));
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("\"code\":\"PKG10012\""));
  EXPECT_THAT(r.body,
              HasSubstr(std::string("Software package \\\"") + kObserver + "\\\" already exists."));
  EXPECT_EQ(before, StateOf(h));
  EXPECT_EQ(400, Upload(h, Body(kSample)).status) << "the bundled sample package is held";
}

TEST(PackagesTest, ExtraPartsAndTheQueryAreIgnored) {
  BundledApi h;
  const std::string note = std::string("--") + kBoundary +
                           "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n";
  http::Response r = Upload(h, Body(kObserver, kContent, "", note), Form(),
                            std::string(kPath) + "?file=other-1.0-1.el7.x86_64.rpm");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(std::string("\"fileName\":\"") + kObserver + "\""));
}

struct Refusal {
  std::string name;
  std::string body;
  http::Headers headers;
  std::string target;
  std::string code;
  std::string says;
};

void PrintTo(const Refusal& r, std::ostream* os) { *os << r.name; }

class PackagesRefusalTest : public ::testing::TestWithParam<Refusal> {};

TEST_P(PackagesRefusalTest, NamesWhatIsWrongAndChangesNothing) {
  const Refusal& c = GetParam();
  BundledApi h;
  const std::string before = StateOf(h);
  http::Response r = Upload(h, c.body, c.headers, c.target);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":\"" + c.code + "\"")) << r.body;
  EXPECT_THAT(r.body, HasSubstr(c.says)) << r.body;
  EXPECT_EQ(before, StateOf(h));
}

const std::string kNoFile = "The input parameter file is empty or invalid";

INSTANTIATE_TEST_SUITE_P(
    Each, PackagesRefusalTest,
    ::testing::Values(
        Refusal{"NotAnRpm", Body("oceanbase-ce-4.3.0.1.tar.gz"), Form(), kPath, "PKG10003",
                "The suffix is gz, but must be rpm."},
        Refusal{"NoSuffix", Body("package"), Form(), kPath, "PKG10003", "but must be rpm"},
        Refusal{"UnparsableName", Body("oceanbase.rpm"), Form(), kPath, "COM10001",
                "Failed to parse the software package information"},
        Refusal{"AVersionWithoutDigits", Body("oceanbase-ce-libs-x.el7.x86_64.rpm"), Form(), kPath,
                "COM10001", "does not start with a digit"},
        Refusal{"APath", Body("dir/oceanbase-ce-4.3.0.1-1.el7.x86_64.rpm"), Form(), kPath,
                "COM10001", "a character other than"},
        Refusal{"NoTypeForTheName", Body("mysql-8.0.1-1.el7.x86_64.rpm"), Form(), kPath, "COM10001",
                "no package type for the name \\\"mysql\\\""},
        Refusal{"JsonBody",
                "{\"file\": \"x.rpm\"}",
                {{"Content-Type", "application/json"}},
                kPath,
                "COM10001",
                "Current request is not a multipart request"},
        Refusal{"TheDocsSampleRequestLine",
                "",
                {},
                std::string(kPath) + "?file=" + kSample,
                "COM10001",
                "names no file's bytes"},
        Refusal{"NoFilePart",
                Body(kObserver).replace(Body(kObserver).find("name=\"file\""), 11, "name=\"pkg\""),
                Form(), kPath, "COM10001", "Required request part 'file' is not present"},
        Refusal{"AFilePartWithoutFilename",
                std::string("--") + kBoundary +
                    "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--" + kBoundary +
                    "--\r\n",
                Form(), kPath, "COM10001", "has no filename"},
        Refusal{"NoClosingDelimiter", Body(kObserver).substr(0, 150), Form(), kPath, "COM10003",
                "Failed to parse multipart servlet request: no closing delimiter"},
        Refusal{"NoBoundary",
                Body(kObserver),
                {{"Content-Type", "multipart/form-data"}},
                kPath,
                "COM10003",
                "has no boundary parameter"}),
    [](const ::testing::TestParamInfo<Refusal>& p) { return p.param.name; });

TEST(PackagesTest, OnlyAPackageManagerMayUpload) {
  const std::vector<auth::User> users = {
      {1, "packager", "p", {}, {auth::Permission::kPackageManager}, std::nullopt},
      {2,
       "hosts",
       "p",
       {},
       {auth::Permission::kHostManager, auth::Permission::kTaskManager},
       std::nullopt}};
  BundledApi h("4.2.2", users);
  EXPECT_EQ(401, Upload(h, Body(kObserver)).status);
  EXPECT_EQ(403, Upload(h, Body(kObserver), Form({{"Authorization", "Basic aG9zdHM6cA=="}}))
                     .status);  // hosts:p
  EXPECT_EQ(200, Upload(h, Body(kObserver), Form({{"Authorization", "Basic cGFja2FnZXI6cA=="}}))
                     .status);  // packager:p
}

TEST(PackagesTest, APackagePutUnderMockIsHeldAndAResetForgetsUploads) {
  BundledApi h;
  const std::string row = R"({"architecture": "x86_64", "buildNumber": "1", "downloadUrl": "u",
      "extension": "rpm", "fileName": ")" +
                          std::string(kObserver) +
                          R"(", "name": "oceanbase-ce", "operatingSystem": "el7",
      "sha1": "0000000000000000000000000000000000000000", "size": 1,
      "type": "OB_SERVER_INSTALL_PACKAGE", "version": "4.3.0.1"})";
  ASSERT_EQ(200, h.Send("PUT", "/__mock/softwarePackages/40", row).status);
  EXPECT_THAT(Upload(h, Body(kObserver)).body, HasSubstr("PKG10012"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=softwarePackages").status);
  http::Response again = Upload(h, Body(kObserver));
  ASSERT_EQ(200, again.status) << again.body;
  EXPECT_THAT(again.body, HasSubstr("\"id\":27"));
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=softwarePackages").status);
  EXPECT_THAT(StateOf(h), ::testing::Not(HasSubstr(kObserver)));
  EXPECT_EQ(400, h.Send("PUT", "/__mock/softwarePackages/41", R"({"name": "x"})").status)
      << "a row must be a whole SoftwarePackageMeta";
}

TEST(PackagesTest, OlderVersionsNumberTheErrors) {
  BundledApi old("4.2.1");
  EXPECT_THAT(Upload(old, Body("a.zip")).body, HasSubstr("\"code\":7503"));
  EXPECT_THAT(Upload(old, Body(kSample)).body, HasSubstr("\"code\":7512"));
  BundledApi oldest("3.1.1");
  EXPECT_EQ(200, Upload(oldest, Body(kObserver)).status) << "every version documents the page";
}

}  // namespace
}  // namespace mock::families
