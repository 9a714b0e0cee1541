// The contract suite's entry point: sets up the server under test (mock or live, see
// support/server_under_test.h) before the first test and stops it after the last.
//
// Live mode without OCP_VERSION checks every known version's contract in turn (one child run of
// this binary per version, each with its own JUnit file when --gtest_output=xml:F is given:
// F with the version before the extension) and reports which versions the server satisfies.
//
// --allow-writes (or OCP_ALLOW_WRITES=1) lets the check library's two write rows run against a
// live server (they create two workload reports and a credential); without it they are skipped.
//
// Live mode first asks whether the server can be checked at all (the check library's
// compat::CouldNotCheck: credentials given, an answer, not refused, not HTML). When it cannot,
// the run says so in one line, "contract suite: cannot set up the server under test: could not
// check: CAUSE: ...", runs no test and exits 3 (kCouldNotCheck), as ocp-compat does; a run whose
// tests ran exits 0 or 1.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract_tests/support/provenance.h"
#include "contract_tests/support/server_under_test.h"
#include "mock/versions/profile.h"
#include "tools/compat/checks.h"

namespace {

constexpr int kCouldNotCheck = 3;

std::optional<std::string> Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::optional<std::string>(v) : std::nullopt;
}

// Whether the live server can be checked at all; says why not in the run's one line.
bool CanCheckLiveServer() {
  compat::Target t;
  t.base_url = Env("OCP_BASE_URL").value_or("");
  t.user = Env("OCP_USER");
  t.password = Env("OCP_PASSWORD");
  t.language = Env("OCP_LANGUAGE").value_or(std::getenv("OCP_LANGUAGE") ? "" : "en-US");
  const mock::Status why = compat::CouldNotCheck(t);
  if (!why.ok()) {
    std::printf("contract suite: cannot set up the server under test: %s\n", why.message().c_str());
  }
  return why.ok();
}

// Whether the arguments only ask what the suite holds (no server needed).
bool OnlyListing(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--gtest_list_tests" || a == "--help" || a == "-h") return true;
  }
  return false;
}

class ServerEnvironment : public testing::Environment {
 public:
  void SetUp() override { contract::ServerUnderTest::Get(); }
  void TearDown() override { contract::ServerUnderTest::Shutdown(); }
};

// "--gtest_output=xml:out/live.xml" -> "--gtest_output=xml:out/live-4.2.1.xml".
std::string PerVersion(const std::string& arg, const std::string& version) {
  const std::string flag = "--gtest_output=xml:";
  if (arg.rfind(flag, 0) != 0) return arg;
  std::string path = arg.substr(flag.size());
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) dot = path.size();
  return flag + path.substr(0, dot) + "-" + version + path.substr(dot);
}

// Runs this binary with OCP_VERSION=`version` and `args`; true when every test passed.
bool RunForVersion(const std::string& version, const std::vector<std::string>& args) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    setenv("OCP_VERSION", version.c_str(), 1);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    std::perror("contract suite: exec");
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int EachVersion(int argc, char** argv) {
  const auto versions = mock::versions::KnownVersions(contract::SchemasRoot());
  std::vector<std::string> compatible;
  std::string table;
  for (const std::string& version : versions) {
    std::printf("\n=== contract suite: OCP %s ===\n", version.c_str());
    std::vector<std::string> args;
    for (int i = 0; i < argc; ++i) args.push_back(PerVersion(argv[i], version));
    const bool ok = RunForVersion(version, args);
    if (ok) compatible.push_back(version);
    table += "  " + version + (ok ? "  compatible\n" : "  NOT compatible (see its run above)\n");
  }
  std::printf("\ncontract suite: the live server against each OCP version's contract:\n%s",
              table.c_str());
  std::string list;
  for (const auto& v : compatible) list += (list.empty() ? "" : ", ") + v;
  std::printf("compatible with: %s\n", compatible.empty() ? "none" : list.c_str());
  return compatible.empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // --allow-writes is OCP_ALLOW_WRITES=1 (check_library_test.cc): the check library's write rows
  // run against a live server too. The environment carries it to each version's run.
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--allow-writes") setenv("OCP_ALLOW_WRITES", "1", 1);
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (std::getenv("OCP_BASE_URL") != nullptr && !OnlyListing(argc, argv)) {
    if (!CanCheckLiveServer()) {
      curl_global_cleanup();
      return kCouldNotCheck;
    }
    if (std::getenv("OCP_VERSION") == nullptr) {
      const int rc = EachVersion(argc, argv);
      curl_global_cleanup();
      return rc;
    }
  }
  testing::InitGoogleTest(&argc, argv);
  testing::AddGlobalTestEnvironment(new ServerEnvironment);
  int rc = RUN_ALL_TESTS();
  const auto observations = contract::Observations();
  if (!observations.empty()) {
    std::printf(
        "\n%zu observation(s): the server differs from ocp-mock where OCP's docs are "
        "silent (OCP_STRICT=1 fails on them):\n",
        observations.size());
    for (const std::string& o : observations) std::printf("  %s\n", o.c_str());
  }
  curl_global_cleanup();
  return rc;
}
