// The check library behind ocp-compat (tools/compat/), run by the contract suite too: every one
// of ocp-compat's checks against the server under test (ocp-mock, or OCP_BASE_URL), judged by
// the version under test's contract. A violation ocp-compat reports fails here, with the
// check's provenance; what ocp-compat marks pass* is an observation here.
//
// The write rows (report-encodings, credential-create, parameter-round-trip, inspection-run) run
// against ocp-mock, which is then reset (its tasks, workload reports, credentials, parameter
// values and inspection reports), and against a live server only with OCP_ALLOW_WRITES=1 (or
// --allow-writes): otherwise they are skipped as "not run", and no POST or PUT is sent.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "contract_tests/support/one_body_server.h"
#include "contract_tests/support/provenance.h"
#include "contract_tests/support/server_under_test.h"
#include "mock/core/status.h"
#include "tools/client/command.h"
#include "tools/client/mock_process.h"
#include "tools/compat/checks.h"

namespace contract {
namespace {

std::optional<std::string> Env(const char* name, const std::optional<std::string>& otherwise) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::optional<std::string>(v) : otherwise;
}

// OCP_ALLOW_WRITES=1 (or true; the suite's --allow-writes sets it): the write rows run against
// a live server too.
bool AllowWrites() {
  const char* v = std::getenv("OCP_ALLOW_WRITES");
  return v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
}

// The probe's requests are sent once, for every check (and a server that cannot be checked
// fails every check with the reason).
const mock::StatusOr<compat::Probe>& SharedProbe() {
  static const mock::StatusOr<compat::Probe> probe = [] {
    const ServerUnderTest& server = ServerUnderTest::Get();
    const bool live = server.live();
    compat::Target t;
    t.base_url = server.base_url();
    t.user = Env("OCP_USER", live ? std::nullopt : std::optional<std::string>(kAdminUser));
    t.password =
        Env("OCP_PASSWORD", live ? std::nullopt : std::optional<std::string>(kAdminPassword));
    // In mock mode: admin's pair in the bundled users (OCP's documented signing example).
    t.access_key =
        Env("OCP_ACCESS_KEY", live ? std::nullopt : std::optional<std::string>("cqammmxBpfGjFlto"));
    t.secret_key =
        Env("OCP_SECRET_KEY",
            live ? std::nullopt : std::optional<std::string>("2fc0c299cc94c6be266f2ceece765d4d"));
    t.language = server.client().language();
    t.strict = Strict();
    t.allow_writes = !live || AllowWrites();
    auto run = compat::Probe::Run(t);
    // What the writes made goes, so that the tests after these see the fixtures' state.
    if (!live && run.ok()) {
      server.client().Send(
          "POST",
          "/__mock/reset?only=tasks,workloadReports,credentials,parameters,inspectionItems");
    }
    return run;
  }();
  return probe;
}

const compat::Contract& VersionContract() {
  static const compat::Contract contract = [] {
    auto c = compat::LoadContract(SchemasRoot(), VersionUnderTest());
    if (!c.ok()) throw std::runtime_error(c.status().message());
    return std::move(c).value();
  }();
  return contract;
}

// One of ocp-compat's checks: its index in compat::kChecks, which GoogleTest prints (test lists,
// failures) as the check's name and what it checks.
struct Check {
  size_t index;
};

void PrintTo(const Check& c, std::ostream* os) {
  *os << compat::kChecks[c.index].name << ": " << compat::kChecks[c.index].what;
}

std::vector<Check> EveryCheck() {
  std::vector<Check> checks;
  for (size_t i = 0; i < compat::kChecks.size(); ++i) checks.push_back(Check{i});
  return checks;
}

class CheckLibrary : public testing::TestWithParam<Check> {};

TEST_P(CheckLibrary, Holds) {
  const compat::CheckInfo& check = compat::kChecks[GetParam().index];
  const mock::StatusOr<compat::Probe>& probe = SharedProbe();
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  const compat::Outcome o = probe.value().Judge(VersionContract())[GetParam().index];
  const std::string_view from = check.source;
  const Source source = from == "framework" ? Source::kFramework
                        : from == "client"  ? Source::kClient
                        : from == "mock"    ? Source::kMock
                                            : Source::kDoc;
  const std::string rule = std::string(check.name) + ": " + check.what;
  if (o.verdict == compat::Verdict::kNotApplicable) {
    TagProvenance(source, rule);
    GTEST_SKIP() << o.detail;
  }
  // A rule of ocp-mock's own (extra fields, message wording, a `mock` row's consistency) is an
  // observation against a live server: its detail names it ("differs from ocp-mock [mock:
  // ...]"), and Observe fails it against ocp-mock and in strict mode.
  const bool mock_rule = o.detail.starts_with("differs from ocp-mock [mock: ");
  if (mock_rule && o.verdict != compat::Verdict::kPass) {
    Observe("ocp-compat " + rule, o.detail);
    return;
  }
  // A client rule (what a public client relies on where the docs are silent): an observation
  // against a live server, a failure against ocp-mock (CheckRule decides by the source).
  if (source == Source::kClient && o.verdict != compat::Verdict::kPass) {
    CheckRule(source, rule, false, o.detail);
    return;
  }
  CheckRule(source, rule, o.verdict != compat::Verdict::kFail, o.detail);
}

std::string CheckName(const testing::TestParamInfo<Check>& info) {
  std::string name = compat::kChecks[info.param.index].name;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

INSTANTIATE_TEST_SUITE_P(Compat, CheckLibrary, testing::ValuesIn(EveryCheck()), CheckName);

// The suite in live mode says "could not check" as ocp-compat does: one line naming the cause,
// before (and instead of) any test or version run, and exit status 3; never "compatible with:
// none" (issue #24, finding 2).
TEST(CouldNotCheck, TheSuiteSaysSoInOneLineAndExitsThree) {
  if (ServerUnderTest::Get().live()) GTEST_SKIP() << "already in live mode";
  MockProcess mock(OCPMOCK_BINARY, {"--time-scale", "0"});
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ocpmock-could-not-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto html = ServeOneBody("<html><body>Sign in</body></html>", dir.string());
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string base = "OCP_BASE_URL='" + mock.base_url() + "' ";
  const std::pair<std::string, std::string> cases[] = {
      {"env -u OCP_VERSION " + base + "OCP_USER=admin OCP_PASSWORD=wrong",
       "authentication refused (HTTP 401): GET " + mock.base_url() + "/api/v2/tasks/instances"},
      {"OCP_VERSION=4.2.2 " + base + "OCP_USER=admin OCP_PASSWORD=wrong",
       "authentication refused (HTTP 401): "},
      {"env -u OCP_USER " + base, "no credentials: "},
      {"OCP_BASE_URL='" + html->base_url() + "' OCP_USER=a OCP_PASSWORD=b",
       "HTML where OCP's JSON API should be: GET " + html->base_url()},
  };
  for (const auto& [env, cause] : cases) {
    const CommandResult r = RunCommand(env + " '" + self + "' --gtest_brief=1");
    EXPECT_EQ(3, r.rc) << env << "\n" << r.out;
    EXPECT_EQ(0u, r.out.find("contract suite: cannot set up the server under test: could not "
                             "check: " +
                             cause))
        << env << "\n"
        << r.out;
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << "one line:\n" << r.out;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace contract
