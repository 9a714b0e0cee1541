// What the live-mode tests share (live_mode_test.cc, live_mode_broken_test.cc): running this
// test binary in live mode against a server, and a fixture that serves ocp-mock on a fixture
// file of its own, in a folder removed after the test.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "contract_tests/support/server_under_test.h"
#include "tools/client/mock_process.h"

namespace contract {

namespace fs = std::filesystem;

inline std::string ReadAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string SelfPath() { return fs::read_symlink("/proc/self/exe").string(); }

// Runs this test binary in live mode against `base_url`, with `env` ("K=V ...") added; returns
// its exit code and output.
// `each_version`: without OCP_VERSION, so the suite checks every version's contract in turn.
inline int RunLiveSuite(const std::string& base_url, const fs::path& workdir, std::string* output,
                        const std::string& env = "", const std::string& filter = "-LiveMode.*",
                        bool each_version = false) {
  const fs::path xml = workdir / "live.xml";
  const fs::path log = workdir / "live.log";
  const std::string version =
      each_version ? "" : " OCP_VERSION='" + ServerUnderTest::Get().version() + "'";
  std::string command = env + (each_version ? " env -u OCP_VERSION" : "") + version +
                        " OCP_BASE_URL='" + base_url + "' OCP_USER='" + std::string(kAdminUser) +
                        "' OCP_PASSWORD='" + std::string(kAdminPassword) + "' '" + SelfPath() +
                        "' --gtest_filter='" + filter + "' --gtest_output=xml:'" + xml.string() +
                        "' > '" + log.string() + "' 2>&1";
  int status = std::system(command.c_str());
  *output = ReadAll(log);
  // ctest counts a test whose output contains gtest's skip marker as skipped, which would turn
  // this test's failure (echoing the child's output) into a skip.
  for (size_t at = output->find("[  SKIPPED ]"); at != std::string::npos;
       at = output->find("[  SKIPPED ]", at)) {
    output->replace(at, 12, "[ (skipped) ]");
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class LiveMode : public testing::Test {
 protected:
  void SetUp() override {
    if (ServerUnderTest::Get().live()) GTEST_SKIP() << "already in live mode";
    workdir_ = fs::temp_directory_path() / ("ocpmock-live-" + std::to_string(getpid()));
    fs::create_directories(workdir_ / "fixtures" / "tasks");
  }
  void TearDown() override { fs::remove_all(workdir_); }

  // ocp-mock on one bundled fixture file and the bundled users, with a frozen clock, playing the
  // version under test, with `extra` arguments.
  std::unique_ptr<MockProcess> Serve(const std::string& fixture,
                                     const std::vector<std::string>& extra = {}) {
    fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks" / fixture,
                  workdir_ / "fixtures/tasks/only.json");
    fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/users.json",
                  workdir_ / "fixtures/users.json");
    std::vector<std::string> args = {"--fixtures",    (workdir_ / "fixtures").string(),
                                     "--time-scale",  "0",
                                     "--ocp-version", ServerUnderTest::Get().version()};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<MockProcess>(OCPMOCK_BINARY, args);
  }

  fs::path workdir_;
};

}  // namespace contract
