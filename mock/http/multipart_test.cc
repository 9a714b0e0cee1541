// The multipart/form-data parser over the bodies real clients send (captured byte for byte from
// curl 7.88.1 -F and Python requests 2.34 files=, docs/reference/multipart-form-data.md §2), the
// framing RFC 2046 allows around them, and each malformed body, refused with what was wrong.
#include "mock/http/multipart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>

namespace mock::http {
namespace {

using ::testing::HasSubstr;

// The file both clients sent: binary bytes, and a line that looks like a delimiter but is not.
constexpr char kFileBytes[] = "RPMDATA\0\1\r\n--notaboundary\r\nend";
const std::string kFile = std::string(kFileBytes, sizeof kFileBytes - 1);
constexpr char kName[] = "t-oceanbase-ocp-agent-3.1.2-20210812221645.alios7.x86_64.rpm";

// Python requests: `files={'file': open(path, 'rb')}`: no part Content-Type.
const std::string kRequestsType = "multipart/form-data; boundary=f395e4bdbefed29aefe16c38f52b5cc3";
const std::string kRequestsBody =
    "--f395e4bdbefed29aefe16c38f52b5cc3\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"" +
    std::string(kName) + "\"\r\n\r\n" + kFile + "\r\n--f395e4bdbefed29aefe16c38f52b5cc3--\r\n";

// curl -F "file=@NAME" (the OCP FAQ's command).
const std::string kCurlType =
    "multipart/form-data; boundary=------------------------06393583221202f9";
const std::string kCurlBody =
    "--------------------------06393583221202f9\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"" +
    std::string(kName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + kFile +
    "\r\n--------------------------06393583221202f9--\r\n";

std::vector<FormPart> Parse(const std::string& content_type, const std::string& body) {
  auto boundary = FormBoundary(content_type);
  EXPECT_TRUE(boundary.ok()) << boundary.status().message();
  if (!boundary.ok()) return {};
  auto parts = ParseFormData(body, boundary.value());
  EXPECT_TRUE(parts.ok()) << parts.status().message();
  return parts.ok() ? parts.value() : std::vector<FormPart>{};
}

TEST(MultipartTest, PythonRequestsBodyHasAFilePartWithoutContentType) {
  auto parts = Parse(kRequestsType, kRequestsBody);
  ASSERT_EQ(1u, parts.size());
  EXPECT_EQ("file", parts[0].name);
  EXPECT_EQ(kName, parts[0].filename.value_or("(none)"));
  EXPECT_EQ("", parts[0].content_type);
  EXPECT_EQ(kFile, parts[0].data);
}

TEST(MultipartTest, CurlBodyHasAFilePartWithItsContentType) {
  auto parts = Parse(kCurlType, kCurlBody);
  ASSERT_EQ(1u, parts.size());
  EXPECT_EQ("application/octet-stream", parts[0].content_type);
  EXPECT_EQ(kFile, parts[0].data);
  EXPECT_EQ(&parts[0], FindPart(parts, "file"));
  EXPECT_EQ(nullptr, FindPart(parts, "other"));
}

TEST(MultipartTest, TheBoundaryMayBeQuotedAndTheTypeInAnyCase) {
  EXPECT_EQ("a b:c", FormBoundary("multipart/form-data; boundary=\"a b:c\"").value());
  EXPECT_EQ("xyz", FormBoundary("Multipart/Form-Data; charset=utf-8; BOUNDARY=xyz").value());
  EXPECT_EQ("xyz", FormBoundary("multipart/form-data;boundary=xyz ; other=\"q;q\"").value());
  EXPECT_EQ(std::string(70, 'b'),
            FormBoundary("multipart/form-data; boundary=" + std::string(70, 'b')).value());
}

TEST(MultipartTest, TheMediaTypeIsLowerCasedWithoutParameters) {
  EXPECT_EQ("multipart/form-data", MediaType(" Multipart/Form-Data ; boundary=x"));
  EXPECT_EQ("application/json", MediaType("application/json"));
  EXPECT_EQ("", MediaType(""));
}

TEST(MultipartTest, PreambleEpiloguePaddingAndSeveralParts) {
  const std::string body =
      "a preamble\r\n--B  \t\r\n"
      "content-disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
      "--B\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"a;b\\\"c.rpm\"\r\n"
      "X-Other: ignored\r\n\r\n"
      "\r\n"
      "--B\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"second.rpm\"\r\n\r\n2\r\n"
      "--B-- an epilogue\r\nmore";
  auto parts = Parse("multipart/form-data; boundary=B", body);
  ASSERT_EQ(3u, parts.size());
  EXPECT_EQ("note", parts[0].name);
  EXPECT_FALSE(parts[0].filename.has_value());
  EXPECT_EQ("hello", parts[0].data);
  EXPECT_EQ("a;b\"c.rpm", parts[1].filename.value_or(""));
  EXPECT_EQ("", parts[1].data) << "an empty file";
  EXPECT_EQ("2", parts[2].data);
  EXPECT_EQ(&parts[1], FindPart(parts, "file")) << "Spring binds the first part of a name";
}

TEST(MultipartTest, NoPartAtAllIsAnEmptyList) {
  EXPECT_TRUE(Parse("multipart/form-data; boundary=B", "--B--\r\n").empty());
}

struct BadCase {
  std::string name;
  std::string content_type;
  std::string body;
  std::string says;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class MalformedTest : public testing::TestWithParam<BadCase> {};

TEST_P(MalformedTest, IsRefusedSayingWhatWasWrong) {
  const BadCase& c = GetParam();
  auto boundary = FormBoundary(c.content_type);
  Status status = boundary.status();
  if (boundary.ok()) status = ParseFormData(c.body, boundary.value()).status();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(StatusCode::kInvalidArgument, status.code());
  EXPECT_THAT(status.message(), HasSubstr(c.says));
}

const std::string kB = "multipart/form-data; boundary=B";
const std::string kPart = "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx";

INSTANTIATE_TEST_SUITE_P(
    ContentType, MalformedTest,
    testing::Values(
        BadCase{"Json", "application/json", "", "not multipart/form-data"},
        BadCase{"MultipartMixed", "multipart/mixed; boundary=B", "", "not multipart"},
        BadCase{"NoBoundary", "multipart/form-data", "", "no boundary"},
        BadCase{"EmptyBoundary", "multipart/form-data; boundary=", "", "1 to 70"},
        BadCase{"BoundaryOf71", "multipart/form-data; boundary=" + std::string(71, 'b'), "",
                "1 to 70"},
        BadCase{"BoundaryWithAt", "multipart/form-data; boundary=a@b", "", "1 to 70"},
        BadCase{"BoundaryEndingInSpace", "multipart/form-data; boundary=\"ab \"", "", "1 to 70"},
        BadCase{"UnclosedQuote", "multipart/form-data; boundary=\"ab", "", "no closing quote"}),
    [](const testing::TestParamInfo<BadCase>& p) { return p.param.name; });

INSTANTIATE_TEST_SUITE_P(
    Body, MalformedTest,
    testing::Values(
        BadCase{"Empty", kB, "", "no delimiter line \"--B\""},
        BadCase{"OtherBoundary", kB, "--C\r\n\r\nx\r\n--C--", "no delimiter line"},
        BadCase{"NoClosingDelimiter", kB, kPart, "no closing delimiter \"--B--\" after part 1"},
        BadCase{"CutInTheHeaders", kB, "--B\r\nContent-Disposition: form-data; name=\"f\"",
                "part 1: its headers are not ended by an empty line"},
        BadCase{"DelimiterGoesOn", kB, "--Bxyz\r\n\r\nx\r\n--B--", "goes on after \"--B\""},
        BadCase{"BareLineFeeds", kB,
                "--B\nContent-Disposition: form-data; name=\"file\"\n\nx\n--B--\n",
                "goes on after \"--B\""},
        BadCase{"HeaderWithoutColon", kB, "--B\r\nno colon here\r\n\r\nx\r\n--B--",
                "part 1: the header line \"no colon here\" is not `Name: value`"},
        BadCase{"NoDisposition", kB, "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--",
                "part 1 has no Content-Disposition: form-data"},
        BadCase{"AttachmentDisposition", kB,
                "--B\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--B--",
                "not form-data"},
        BadCase{"DispositionWithoutName", kB,
                "--B\r\nContent-Disposition: form-data; filename=\"a.rpm\"\r\n\r\nx\r\n--B--",
                "has no `name`"},
        BadCase{"SecondPartCut", kB, kPart + "\r\n--B\r\nContent-Disposition: form-data",
                "part 2: its headers are not ended"}),
    [](const testing::TestParamInfo<BadCase>& p) { return p.param.name; });

}  // namespace
}  // namespace mock::http
