// Every curl example in README.md works as printed: run against a fresh ocp-mock (its port put
// in place of 8080), each answers JSON in OCP's envelope, valid against its schema, and no 5xx.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "contract_tests/support/mock_process.h"
#include "contract_tests/support/server_under_test.h"
#include "mock/json/json.h"

namespace contract {
namespace {

// The `curl` lines of the README's ```sh blocks.
std::vector<std::string> CurlExamples() {
  std::ifstream in(std::string(OCPMOCK_SOURCE_DIR) + "/README.md");
  std::vector<std::string> examples;
  std::string line;
  bool in_sh = false;
  while (std::getline(in, line)) {
    if (line.rfind("```", 0) == 0) {
      in_sh = !in_sh && line == "```sh";
      continue;
    }
    if (in_sh && line.rfind("curl ", 0) == 0) examples.push_back(line);
  }
  return examples;
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

TEST(Readme, EveryCurlExampleWorksAsPrinted) {
  const std::vector<std::string> examples = CurlExamples();
  ASSERT_GE(examples.size(), 10u) << "the README lost its examples";
  MockProcess mock(OCPMOCK_BINARY, {});
  const auto& schemas = ServerUnderTest::Get().schemas();
  for (std::string command : examples) {
    const std::string printed = command;
    size_t at = command.find("http://127.0.0.1:8080");
    ASSERT_NE(std::string::npos, at) << printed;
    command.replace(at, 21, mock.base_url());
    std::string out = Capture(command + " 2>&1");
    std::string body = out;
    if (out.rfind("HTTP/", 0) == 0) {  // curl -i: headers first
      size_t end = out.find("\r\n\r\n");
      ASSERT_NE(std::string::npos, end) << printed;
      body = out.substr(end + 4);
    }
    auto doc = mock::json::ParseJson(body);
    ASSERT_TRUE(doc.ok()) << printed << " printed no JSON: " << out.substr(0, 300);
    int64_t status = mock::json::GetInt64(doc.value(), "status").value_or(0);
    EXPECT_LT(status, 500) << printed;
    const char* schema = status == 200 ? "task-list-response" : "error-envelope";
    auto violations = schemas.Validate(schema, doc.value());
    EXPECT_TRUE(violations.empty()) << printed << ": " << mock::json::Describe(violations);
    if (status == 200) {
      EXPECT_GT(doc.value()["data"]["page"]["totalElements"].GetInt64(), 0)
          << printed << " finds nothing in the bundled fixtures";
    }
  }
}

}  // namespace
}  // namespace contract
