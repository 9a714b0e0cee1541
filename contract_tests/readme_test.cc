// Every curl example in README.md and docs/*.md works as printed: each file's run in order
// against a fresh ocp-mock (its port put in place of 8080), each answers JSON in OCP's envelope,
// valid against its schema, with the status the README promises (200, or the one in a trailing "  #
// NNN"). The endpoints OCP documents without the envelope answer as documented: /api/v2/info a bare
// object valid against its schema, /api/v2/time and /api/status text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

namespace fs = std::filesystem;

// The example lines of a Markdown file's ```sh blocks: those that call curl on 127.0.0.1:8080.
std::vector<std::string> CurlExamples(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> examples;
  std::string line;
  bool in_sh = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      in_sh = !in_sh && line == "```sh";
      continue;
    }
    if (in_sh && line.find("curl ") != std::string::npos &&
        line.find("http://127.0.0.1:8080") != std::string::npos) {
      examples.push_back(line);
    }
  }
  return examples;
}

// `s` for use inside single quotes in sh.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

std::string Capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// The README, then the manual's files in name order.
std::vector<fs::path> Documents() {
  std::vector<fs::path> docs;
  for (const auto& e : fs::directory_iterator(fs::path(OCPMOCK_SOURCE_DIR) / "docs")) {
    if (e.path().extension() == ".md") docs.push_back(e.path());
  }
  std::sort(docs.begin(), docs.end());
  docs.insert(docs.begin(), fs::path(OCPMOCK_SOURCE_DIR) / "README.md");
  return docs;
}

void RunExamples(const fs::path& file, const std::vector<std::string>& examples);

TEST(Readme, EveryCurlExampleWorksAsPrinted) {
  size_t total = 0;
  for (const fs::path& file : Documents()) {
    const std::vector<std::string> examples = CurlExamples(file);
    if (file.filename() == "README.md") {
      EXPECT_GE(examples.size(), 8u) << "the README lost its examples";
    }
    total += examples.size();
    if (!examples.empty()) RunExamples(file, examples);
  }
  EXPECT_GE(total, 40u) << "the manual lost its examples";
}

void RunExamples(const fs::path& file, const std::vector<std::string>& examples) {
  SCOPED_TRACE(file.filename().string());
  // The docs show the default version, whatever version this run of the suite checks.
  MockProcess mock(OCPMOCK_BINARY, {"--time-scale", "0"});
  const auto& schemas = ServerUnderTest::SchemaSetForTools();
  const std::string host = mock.base_url().substr(7);  // "127.0.0.1:PORT"
  for (std::string command : examples) {
    const std::string printed = command;
    // Every mention, the URL and the Host an AK/SK example signs alike.
    for (size_t at = command.find("127.0.0.1:8080"); at != std::string::npos;
         at = command.find("127.0.0.1:8080", at + host.size())) {
      command.replace(at, 14, host);
    }
    const size_t url = printed.find("http://127.0.0.1:8080") + 21;
    const std::string target = printed.substr(url, printed.find('\'', url) - url);
    const std::string method = printed.find("-X POST") != std::string::npos     ? "POST"
                               : printed.find("-X PUT") != std::string::npos    ? "PUT"
                               : printed.find("-X DELETE") != std::string::npos ? "DELETE"
                                                                                : "GET";
    const std::string path = target.substr(0, target.find('?'));
    // An example that shows an error says which, in a trailing "  # 404"; the rest expect 200.
    const size_t note = printed.rfind("  # ");
    const int64_t expected = note == std::string::npos ? 200 : std::stoll(printed.substr(note + 4));
    std::string out = Capture("sh -c '" + Escape(command) + "' 2>&1");
    if (path == "/api/v2/time" || path == "/api/status") {
      EXPECT_FALSE(out.empty()) << printed;
      EXPECT_FALSE(mock::json::ParseJson(out).ok()) << printed << " is documented as text: " << out;
      continue;
    }
    if (path == "/api/v2/info") {
      auto v = schemas.ValidateText("info", out);
      EXPECT_TRUE(v.empty()) << printed << ": " << mock::json::Describe(v) << "\n" << out;
      continue;
    }
    // The journal as HAR, and the OpenAPI documents: bare documents, not in the envelope.
    if (path.ends_with(".har") || target.find("format=har") != std::string::npos) {
      auto har = mock::json::ParseJson(out);
      ASSERT_TRUE(har.ok()) << printed << " printed no JSON: " << out.substr(0, 300);
      const rapidjson::Value* log = mock::json::Find(har.value(), "log");
      ASSERT_NE(nullptr, log) << printed << ": " << out.substr(0, 300);
      EXPECT_EQ("1.2", mock::json::GetString(*log, "version").value_or("")) << printed;
      continue;
    }
    std::string body = out;
    if (out.rfind("HTTP/", 0) == 0) {  // curl -i: headers first
      size_t end = out.find("\r\n\r\n");
      EXPECT_NE(std::string::npos, end) << printed;
      if (end == std::string::npos) continue;
      body = out.substr(end + 4);
    }
    auto doc = mock::json::ParseJson(body);
    EXPECT_TRUE(doc.ok()) << printed << " printed no JSON: " << out.substr(0, 300);
    if (!doc.ok()) continue;
    int64_t status = mock::json::GetInt64(doc.value(), "status").value_or(0);
    EXPECT_EQ(expected, status) << printed << "\n" << body.substr(0, 300);
    const std::string schema = SchemaFor(method, target, status);
    auto violations = schemas.Validate(schema, doc.value());
    EXPECT_TRUE(violations.empty()) << printed << ": " << mock::json::Describe(violations);
    if (schema == "task-list-response") {
      EXPECT_GT(doc.value()["data"]["page"]["totalElements"].GetInt64(), 0)
          << printed << " finds nothing in the bundled fixtures";
    }
  }
}

}  // namespace
}  // namespace contract
