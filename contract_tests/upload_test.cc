// POST /api/v2/software-packages over real HTTP, against an ocp-mock of its own on port 0 with a
// small --max-upload-bytes: the upload's own body limit (docs/takeover.md, "Uploading a
// package"), as clients meet it.
//
// Provenance: every rule here is `mock` (OCP's limit and its answer to an oversized upload are
// undocumented, docs/reference/ocp-client-flows.md §4.6, §9 item 6), but for the upload through
// the FAQ's own curl command, which is `doc`. None runs against a live OCP: each needs a server
// started with the flag.
//   - an upload within the limit is served, though far over --max-request-bytes;
//   - an oversized upload is a JSON 413 in OCP's envelope naming the limit and its flag, answered
//     to libcurl (which stops sending) and to a client that sends its whole body before reading,
//     as Python's http.client under requests does, without a hang; nothing is stored;
//   - other paths keep --max-body-bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"
#include "tools/client/raw_http.h"

namespace contract {
namespace {

namespace fs = std::filesystem;

constexpr size_t kLimit = size_t{1} << 20;
constexpr char kPath[] = "/api/v2/software-packages";
constexpr char kBoundary[] = "------------------------06393583221202f9";
constexpr char kType[] = "multipart/form-data; boundary=------------------------06393583221202f9";

std::string Body(const std::string& file_name, size_t size) {
  return std::string("--") + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
         "\"\r\n\r\n" + std::string(size, 'r') + "\r\n--" + kBoundary + "--\r\n";
}

class Upload : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    mock_ = new MockProcess(OCPMOCK_BINARY, {"--max-upload-bytes", std::to_string(kLimit)});
    admin_ = new HttpClient(mock_->base_url(), "admin", "Admin@123");
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete mock_;
  }

  // The packages held: the envelope's data, without its time and trace id.
  static std::string Held() {
    const std::string body = HttpClient(mock_->base_url(), std::nullopt, std::nullopt)
                                 .Send("GET", "/__mock/softwarePackages")
                                 .body;
    return body.substr(0, body.find(",\"duration\""));
  }

  static void ExpectTooLarge(int status, const std::string& body) {
    EXPECT_EQ(413, status) << body;
    auto violations = ServerUnderTest::SchemaSetForTools().ValidateText("error-envelope", body);
    EXPECT_TRUE(violations.empty()) << mock::json::Describe(violations) << "\n" << body;
    EXPECT_NE(std::string::npos,
              body.find("the body exceeds 1048576 bytes, the limit set by --max-upload-bytes"))
        << body;
  }

  static MockProcess* mock_;
  static HttpClient* admin_;
};

MockProcess* Upload::mock_ = nullptr;
HttpClient* Upload::admin_ = nullptr;

TEST_F(Upload, AnUploadWithinItsLimitIsServedFarOverTheRequestLimit) {
  HttpResult r = admin_->SendBody("POST", kPath, kType,
                                  Body("oceanbase-ce-4.3.0.1-1.el7.x86_64.rpm", kLimit - 1000));
  ASSERT_EQ(200, r.status) << r.body.substr(0, 300);
  auto violations =
      ServerUnderTest::SchemaSetForTools().ValidateText("software-package-response", r.body);
  EXPECT_TRUE(violations.empty()) << mock::json::Describe(violations);
  EXPECT_NE(std::string::npos, r.body.find("\"size\":1047576")) << r.body;
}

TEST_F(Upload, AnOversizedUploadIsA413NamingTheLimitAndStoresNothing) {
  const std::string before = Held();
  HttpResult r = admin_->SendBody("POST", kPath, kType,
                                  Body("oceanbase-ce-4.3.0.1-2.el7.x86_64.rpm", kLimit + 1));
  ExpectTooLarge(static_cast<int>(r.status), r.body);
  EXPECT_EQ(before, Held());
  EXPECT_EQ(200, admin_->Send("GET", "/api/v2/tasks/instances?size=1").status)
      << "the server goes on serving";
}

// Python's http.client (under requests) writes the whole body, then reads the answer: the
// server reads and drops the rest of an oversized body, so the 413 waits for it.
TEST_F(Upload, A413ReachesAClientThatSendsItsWholeBodyFirst) {
  const std::string before = Held();
  const std::string body = Body("oceanbase-ce-4.3.0.1-3.el7.x86_64.rpm", 4 * kLimit);
  RawConnection connection(mock_->base_url());
  // A blocking send of all 4 MiB: it returns only once the server has read them (a server that
  // stopped reading would hang it, and ctest's timeout would fail the test).
  connection.SendOnly(std::string("POST ") + kPath + " HTTP/1.1\r\nHost: t\r\n" +
                      "Authorization: Basic YWRtaW46QWRtaW5AMTIz\r\nContent-Type: " + kType +
                      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  RawResponse r = connection.Exchange("", 10000);
  ExpectTooLarge(r.status, r.body);
  EXPECT_NE(std::string::npos, r.head.find("Connection: Close")) << r.head;
  EXPECT_EQ(before, Held());
}

TEST_F(Upload, OtherPathsKeepTheGeneralBodyLimit) {
  HttpResult r = admin_->SendJson("POST", "/api/v2/compute/hostTypes",
                                  "{\"name\": \"" + std::string(20000, 'n') + "\"}");
  EXPECT_EQ(413, r.status) << r.body;
  EXPECT_NE(std::string::npos, r.body.find("the body exceeds 16384 bytes")) << r.body;
}

// OCP's FAQ "Failed to upload the software package": curl -i --user U:P -X POST
// "${SITE_URL}/api/v2/software-packages" -H "Content-Type: multipart/form-data"
// -F "file=@${FILE_NAME}" (docs/reference/ocp-client-flows.md §4.6).
TEST_F(Upload, TheFaqsCurlCommandUploadsTheFile) {
  if (std::system("curl --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no curl";
  const fs::path dir = fs::temp_directory_path() / ("ocpmock-upload-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "obproxy-ce-4.2.1.0-20.el7.x86_64.rpm";
  std::ofstream(file, std::ios::binary) << "demo rpm\n";
  const std::string command = "curl -s -i --user admin:Admin@123 -X POST \"" + mock_->base_url() +
                              kPath + "\" -H \"Content-Type: multipart/form-data\" -F \"file=@" +
                              file.string() + "\"";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
  }
  fs::remove_all(dir);
  ASSERT_EQ(0u, out.rfind("HTTP/1.1 200", 0)) << out;
  const std::string body = out.substr(out.find("\r\n\r\n") + 4);
  auto doc = mock::json::ParseJson(body);
  ASSERT_TRUE(doc.ok()) << body;
  const auto& data = doc.value()["data"];
  EXPECT_STREQ("obproxy-ce-4.2.1.0-20.el7.x86_64.rpm", data["fileName"].GetString());
  EXPECT_STREQ("OBPROXY_INSTALL_PACKAGE", data["type"].GetString());
  EXPECT_EQ(9, data["size"].GetInt64());
  // printf 'demo rpm\n' | sha1sum
  EXPECT_STREQ("e0265cd7ee8d8da1aaed1d9249d47687936edc2f", data["sha1"].GetString());
}

}  // namespace
}  // namespace contract
