// ocp-compat against ocp-mock processes started with each --ocp-version, standing in for live
// servers of each version: it must name the right version each time.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "contract_tests/compat/compat_run.h"
#include "contract_tests/support/breaking_proxy.h"
#include "contract_tests/support/one_body_server.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "tools/client/command.h"
#include "tools/client/mock_process.h"
#include "tools/compat/checks.h"

namespace compat {
namespace {

namespace fs = std::filesystem;
using run::Compat;
using run::ReadAll;

// admin's AK/SK pair (fixtures/users.json; OCP's documented signing example).
const std::string kCredentials =
    "--user admin --password Admin@123 --access-key cqammmxBpfGjFlto "
    "--secret-key 2fc0c299cc94c6be266f2ceece765d4d";

struct Expectation {
  const char* version;     // the stand-in server's
  const char* compatible;  // the "compatible with:" line
  const char* best;        // the "best match:" line
};

// Read by GoogleTest wherever it prints a parameter: the stand-in server's version.
void PrintTo(const Expectation& e, std::ostream* os) { *os << "OCP " << e.version; }

class CompatAgainstEachVersion : public testing::TestWithParam<Expectation> {};

// Why these sets (with --strict, which tells messages apart): a client of 4.0.0 (Basic only) is
// served by 4.0.3 and later servers alike; 4.2.1 is 4.0.3 plus GET /api/status, so a 4.0.3
// server does not meet it and a 4.2.1 server is best matched by it; 4.2.0 narrows the task and
// entity pages (PRIMARY/MYSQL only) but its docs lack /api/v2/info and /api/v2/time, so neither
// it nor 4.0.3 is narrower than the other; 3.1.1 words its not-found message apart; 4.2.2 writes
// prefixed codes. The alert events (issue #28) tell 3.1.1 to 4.0.3 from 4.2.x: their appType
// and scope values differ (docs/reference/ocp-alarms-and-inspection.md §1), so a 4.2.0 or 4.2.1
// server no longer meets 4.0.0's or 4.0.3's contract.
TEST_P(CompatAgainstEachVersion, NamesTheServersVersion) {
  const Expectation& e = GetParam();
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", e.version, "--time-scale", "0"});
  const fs::path dir =
      fs::temp_directory_path() / ("ocpmock-compat-" + std::to_string(getpid()) + "-" + e.version);
  fs::create_directories(dir);
  contract::CommandResult r =
      Compat("check --strict --base-url " + server.base_url() + " " + kCredentials + " --junit '" +
             (dir / "c.xml").string() + "' --markdown '" + (dir / "c.md").string() + "'");
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find(std::string("compatible with: ") + e.compatible + "\n"))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find(std::string("best match: ") + e.best)) << r.out;
  const std::string xml = ReadAll(dir / "c.xml");
  EXPECT_NE(std::string::npos, xml.find("<testsuite name=\"OCP " + std::string(e.version))) << xml;
  EXPECT_EQ(6u, [&] {
    size_t n = 0;
    for (size_t at = xml.find("<testsuite "); at != std::string::npos;
         at = xml.find("<testsuite ", at + 1)) {
      ++n;
    }
    return n;
  }());
  const std::string md = ReadAll(dir / "c.md");
  EXPECT_NE(std::string::npos,
            md.find("| check | rule | 3.1.1 | 4.0.0 | 4.0.3 | 4.2.0 | 4.2.1 | 4.2.2 |"))
      << md;
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Versions, CompatAgainstEachVersion,
                         testing::Values(Expectation{"3.1.1", "3.1.1", "3.1.1"},
                                         Expectation{"4.0.0", "4.0.0", "4.0.0"},
                                         Expectation{"4.0.3", "4.0.0, 4.0.3", "4.0.3"},
                                         Expectation{"4.2.0", "4.2.0", "4.2.0"},
                                         Expectation{"4.2.1", "4.2.1", "4.2.1"},
                                         Expectation{"4.2.2", "4.2.2", "4.2.2"}),
                         [](const testing::TestParamInfo<Expectation>& p) {
                           std::string name = std::string("Ocp") + p.param.version;
                           for (char& c : name) {
                             if (c == '.') c = '_';
                           }
                           return name;
                         });

// Without AK/SK keys the AK/SK check is not run, so 4.0.0 and 4.0.3 look alike.
// Without --strict, a message worded otherwise is an observation: 3.1.1 (whose not-found
// message differs) is met too, and the report says why.
TEST(Compat, WithoutKeysAkSkIsNotApplicable) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.0.0", "--time-scale", "0"});
  const std::string base =
      "check --base-url " + server.base_url() + " --user admin --password Admin@123";
  contract::CommandResult strict = Compat(base + " --strict");
  EXPECT_EQ(0, strict.rc) << strict.out;
  EXPECT_NE(std::string::npos, strict.out.find("compatible with: 4.0.0, 4.0.3\n")) << strict.out;
  contract::CommandResult r = Compat(base);
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("compatible with: 3.1.1, 4.0.0, 4.0.3\n")) << r.out;
  // Issue #24: no version is ranked on the row that was not run. 4.0.0, the version served, is
  // among the best; the report says what ak-sk would have decided.
  EXPECT_NE(std::string::npos, r.out.find("best match: 3.1.1 or 4.0.0 or 4.0.3")) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("not run (n/a in every version; no version is ranked on them):\n  ak-sk: "
                       "no access key given"))
      << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("not decided (a check was not run): whether the server accepts AK/SK "
                       "signatures (documented in 4.0.3; not in 3.1.1, 4.0.0)"))
      << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("3.1.1 unknown-task: differs from ocp-mock [mock: the catalogue's English "
                       "message text] GET /api/v2/tasks/instances/9223372036854775806"))
      << r.out;
}

// ocp-mock playing a real deployment (--quirks all): compatible with the version it plays,
// each difference listed; --strict fails it on those rules only.
TEST(Compat, QuirksAreObservationsUnlessStrict) {
  contract::MockProcess server(OCPMOCK_BINARY,
                               {"--ocp-version", "4.2.2", "--time-scale", "0", "--quirks", "all"});
  const std::string base = "check --base-url " + server.base_url() +
                           " --user admin --password Admin@123 --versions 4.2.2";
  contract::CommandResult r = Compat(base);
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("compatible with: 4.2.2\n")) << r.out;
  for (const char* seen : {"4.2.2 list: differs from ocp-mock [mock: the documented fields only] "
                           "GET /api/v2/tasks/instances?page=1&size=10: not documented: ",
                           "/data/contents/*/creatorId", "/data/contents/*/subtasks/*/taskId",
                           "pass*: passes, but differs from ocp-mock"}) {
    EXPECT_NE(std::string::npos, r.out.find(seen)) << seen << "\n" << r.out;
  }
  contract::CommandResult strict = Compat(base + " --strict");
  EXPECT_EQ(1, strict.rc) << strict.out;
  EXPECT_NE(std::string::npos,
            strict.out.find("4.2.2 list: differs from ocp-mock [mock: the documented fields "
                            "only] GET /api/v2/tasks/instances?page=1&size=10: not documented: "))
      << strict.out;
}

// ocp-mock behind a proxy that breaks one documented rule: no version is compatible, and the
// row of that rule says so. The last five are the variants of issue #24's stand-in OCP that
// ocp-compat once missed (its entity checks read only the shape of four requests).
TEST(Compat, FailsServersThatBreakADocumentedRule) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  using contract::Breakage;
  for (const auto& [b, row] : std::vector<std::pair<Breakage, std::string>>{
           {Breakage::kZeroBasedPageNumber, "list-paging: "},
           {Breakage::kTotalsOffByOne, "list-totals: "},
           {Breakage::kStatusFilterIgnored, "list-filter: "},
           {Breakage::kTaskStatusMissing, "list: "},
           {Breakage::kIdsAsStrings, "list: "},
           {Breakage::kErrorCodeChanged, "unknown-task: "},
           {Breakage::kErrorsAre500, "unknown-task: "},
           {Breakage::kNoAuthentication, "no-credentials: "},
           {Breakage::kDetailNameDiffers, "detail-agrees: "},
           {Breakage::kTenantStatusFilterIgnored, "tenants-filter-each: "},
           {Breakage::kHostsPageShifted, "hosts-paging: "},
           {Breakage::kClusterNameCaseSensitive, "clusters-filter-each: "},
           {Breakage::kTaskClusterNameExact, "list-filter-each: "},
           {Breakage::kDetailStatusDiffers, "detail-agrees: "}}) {
    contract::BreakingProxy proxy(server.base_url(), b);
    contract::CommandResult r = Compat("check --base-url " + proxy.base_url() +
                                       " --user admin --password Admin@123 --versions 4.2.2");
    EXPECT_EQ(1, r.rc) << contract::BreakageName(b) << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << contract::BreakageName(b);
    EXPECT_NE(std::string::npos, r.out.find("4.2.2 " + row)) << contract::BreakageName(b) << "\n"
                                                             << r.out;
  }
}

// A `client` rule (issue #25: what a public client relies on where the docs are silent) binds no
// OCP: a server without GET /api/v2/tasks/{id} still meets its version, with an observation;
// --strict fails it.
TEST(Compat, ClientRulesAreObservationsUnlessStrict) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  contract::BreakingProxy proxy(server.base_url(), contract::Breakage::kNoTasksById);
  const std::string base = "check --base-url " + proxy.base_url() +
                           " --user admin --password Admin@123 --versions 4.2.2";
  contract::CommandResult r = Compat(base);
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("tasks-by-id             client     pass*")) << r.out;
  EXPECT_NE(std::string::npos,
            r.out.find("4.2.2 tasks-by-id: differs from what clients rely on [client: GET "
                       "/api/v2/tasks/{id}"))
      << r.out;
  contract::CommandResult strict = Compat(base + " --strict");
  EXPECT_EQ(1, strict.rc) << strict.out;
}

// A server that is no OCP of any version: exit status 1.
TEST(Compat, ExitsNonZeroWhenNoVersionMatches) {
  // No authentication: every version expects a 401 without credentials.
  contract::MockProcess server(OCPMOCK_BINARY, {"--no-auth"});
  contract::CommandResult r = Compat("check --base-url " + server.base_url() + " --user a");
  EXPECT_EQ(1, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("no-credentials: GET")) << r.out;
}

// "Could not check" is a verdict of its own, not "incompatible": one line naming the cause,
// instead of any table, and exit status 3. Each cause: no credentials (nothing is sent), no
// answer, credentials refused (two requests, quickly), and HTML for the API.
TEST(Compat, CouldNotCheckIsAVerdictOfItsOwn) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2"});
  const fs::path dir =
      fs::temp_directory_path() / ("ocpmock-compat-cannot-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto html =
      contract::ServeOneBody("\n<!DOCTYPE html><html><body>Sign in</body></html>", dir.string());
  const auto start = std::chrono::steady_clock::now();
  contract::CommandResult refused =
      Compat("check --base-url " + server.base_url() + " --user admin --password wrong --junit '" +
             (dir / "c.xml").string() + "'");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_FALSE(fs::exists(dir / "c.xml")) << "nothing was judged: no report";
  const std::pair<contract::CommandResult, std::string> cases[] = {
      {refused, "ocp-compat: could not check: authentication refused (HTTP 401): GET " +
                    server.base_url() + "/api/v2/tasks/instances?size=1 and GET " +
                    "/api/v2/ob/clusters?size=1 answered 401 with the credentials given"},
      {Compat("check --base-url " + server.base_url()),
       "ocp-compat: could not check: no credentials: give --user and --password"},
      {Compat("check --base-url http://127.0.0.1:9 --user a --password b"),
       "ocp-compat: could not check: unreachable: GET "
       "http://127.0.0.1:9/api/v2/tasks/instances?size=1: no answer: "},
      {Compat("check --base-url " + html->base_url() + " --user a --password b"),
       "ocp-compat: could not check: HTML where OCP's JSON API should be: GET "},
  };
  for (const auto& [r, line] : cases) {
    EXPECT_EQ(3, r.rc) << r.out;
    EXPECT_EQ(0u, r.out.find(line)) << "the first line names the cause:\n" << r.out;
    EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << "one line:\n" << r.out;
  }
  fs::remove_all(dir);
}

// The check library's factory: a server that cannot be reached is a failure, not a row of
// verdicts; one that answers anything at all is probed and judged.
TEST(Probe, RunFailsWhenTheServerCannotBeReached) {
  Target t;
  t.base_url = "http://127.0.0.1:9";
  t.user = "a";
  auto probe = Probe::Run(t);
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(mock::StatusCode::kUnavailable, probe.status().code());
  EXPECT_EQ(0u, probe.status().message().find("could not check: unreachable: GET "
                                              "http://127.0.0.1:9/api/v2/tasks/instances?size=1: "
                                              "no answer: "))
      << probe.status().message();
  auto rules = ListRules::Run(contract::HttpClient(t.base_url, std::nullopt, std::nullopt));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(mock::StatusCode::kUnavailable, rules.status().code());
  EXPECT_TRUE(rules.status().message().starts_with(
      "could not check: unreachable: GET http://127.0.0.1:9/api/v2/tasks/instances?size=2000"))
      << rules.status().message();
  t.user.reset();
  EXPECT_EQ(mock::StatusCode::kUnauthenticated, Probe::Run(t).status().code()) << "no credentials";
}

TEST(Probe, RunRecordsWhateverAServerAnswers) {
  const fs::path dir =
      fs::temp_directory_path() / ("ocpmock-compat-probe-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto odd = contract::ServeOneBody("not json", dir.string());
  Target t;
  t.base_url = odd->base_url();
  t.user = "a";
  auto probe = Probe::Run(t);
  ASSERT_TRUE(probe.ok()) << probe.status().message();
  auto contract = LoadContract(fs::path(OCPMOCK_SOURCE_DIR) / "schemas", "4.2.2");
  ASSERT_TRUE(contract.ok()) << contract.status().message();
  const std::vector<Outcome> row = probe.value().Judge(contract.value());
  ASSERT_EQ(kChecks.size(), row.size());
  EXPECT_EQ(Verdict::kFail, row[CheckNamed("list")].verdict);
  EXPECT_NE(std::string::npos, row[CheckNamed("list")].detail.find("the body is not JSON"))
      << row[CheckNamed("list")].detail;
  fs::remove_all(dir);
}

// Answers of any shape, however far from OCP's, give verdicts, never a crash.
TEST(Compat, SurvivesAServerThatAnswersAnythingWithOneBody) {
  const fs::path dir =
      fs::temp_directory_path() / ("ocpmock-compat-odd-" + std::to_string(getpid()));
  fs::create_directories(dir);
  for (const char* body : {R"({"data":{"contents":[{"id":1}],"page":5}})", "[1,2]", "not json",
                           R"({"error":{"code":"x"},"status":404})", ""}) {
    auto odd = contract::ServeOneBody(body, dir.string());
    contract::CommandResult r = Compat("check --base-url " + odd->base_url() + " --user a");
    EXPECT_EQ(1, r.rc) << body << "\n" << r.out;
    EXPECT_NE(std::string::npos, r.out.find("compatible with: none")) << body << "\n" << r.out;
  }
  fs::remove_all(dir);
}

// A server that answers every list with the same valid page: paging, filtering and sorting are
// each caught, beyond the schema.
TEST(Compat, CatchesAListThatIgnoresItsParameters) {
  const fs::path dir =
      fs::temp_directory_path() / ("ocpmock-compat-list-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto odd = contract::ServeOneBody(
      ReadAll(fs::path(OCPMOCK_SOURCE_DIR) / "contract_tests/samples/query-tasks-4.2.2.json"),
      dir.string());
  contract::CommandResult r =
      Compat("check --base-url " + odd->base_url() + " --user a --versions 4.2.2");
  fs::remove_all(dir);
  EXPECT_EQ(1, r.rc) << r.out;
  for (const char* violation :
       {"4.2.2 list-paging: GET /api/v2/tasks/instances?page=2&size=1: page 1, size 10; expected "
        "page 2 of size 1",
        "4.2.2 list-filter: GET /api/v2/tasks/instances?status=FAILED&size=50: task 6202983 is "
        "SUCCESSFUL",
        "4.2.2 list-sort: GET /api/v2/tasks/instances?sort=id,asc&size=50: id 6175879 follows "
        "6202983",
        // The suite's list rules, in the check library (tools/compat/list_rules.h).
        "4.2.2 list-sort-each: GET /api/v2/tasks/instances?size=2000&sort=finishTime,asc: "
        "/data/contents/1/finishTime is out of ascending order",
        "4.2.2 list-filter-each: GET /api/v2/tasks/instances?size=2000&tenantId=169: "
        "/data/contents/1 does not match tenantId=169",
        "4.2.2 list-paging-edges: GET /api/v2/tasks/instances?size=2001: page.size is 10; "
        "expected 2000",
        "4.2.2 list-pages-concatenate: GET /api/v2/tasks/instances?size=7&page=2: task 6202983 "
        "where the whole list (size=2000) has row 2"}) {
    EXPECT_NE(std::string::npos, r.out.find(violation)) << violation << "\n" << r.out;
  }
  EXPECT_NE(std::string::npos, r.out.find("list                    doc        pass")) << r.out;
}

TEST(Compat, CredentialsComeFromTheEnvironmentAndAreNeverPrinted) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2"});
  contract::CommandResult r = Compat(std::string("check") + "");
  EXPECT_EQ(2, r.rc) << "--base-url is required: a usage error is 2, as documented";
  EXPECT_EQ(2, Compat("check --no-such-flag").rc);
  EXPECT_EQ(0, Compat("--help").rc);
  r = Compat("check --base-url " + server.base_url() + " --versions 4.2.2 --user admin");
  EXPECT_EQ(3, r.rc) << r.out;
  EXPECT_EQ(0u, r.out.find("ocp-compat: could not check: authentication refused (HTTP 401)"))
      << "no password: 401s\n"
      << r.out;
  setenv("OCP_PASSWORD", "Admin@123", 1);
  r = Compat("check --base-url " + server.base_url() + " --versions 4.2.2 --user admin");
  unsetenv("OCP_PASSWORD");
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("Admin@123")) << r.out;
}

TEST(Compat, ParametersPrintAsTheServersVersion) {
  EXPECT_EQ("OCP 4.2.0", testing::PrintToString(Expectation{"4.2.0", "", ""}));
}

// One plain folder per version, for validators that know nothing of our folder chain.
TEST(Compat, ChecksTheClusterTenantAndHostPages) {
  contract::MockProcess server(OCPMOCK_BINARY, {"--ocp-version", "4.2.2", "--time-scale", "0"});
  contract::CommandResult r =
      Compat("check --versions 4.2.0,4.2.2 --base-url " + server.base_url() + " " + kCredentials);
  for (const char* row : {"clusters                doc        FAIL    pass",
                          "tenants                 doc        FAIL    pass",
                          "tenant-detail           doc        FAIL    pass",
                          "hosts                   doc        pass    pass"}) {
    EXPECT_NE(std::string::npos, r.out.find(row)) << row << "\n" << r.out;
  }
  EXPECT_NE(std::string::npos, r.out.find("4.2.0 clusters: GET /api/v2/ob/clusters?size=10: "))
      << r.out;
}

}  // namespace
}  // namespace compat
