// Proves live mode: the suite, pointed with OCP_BASE_URL at a separately started server, learns
// the data from that server (not from fixtures), passes, and writes JUnit XML.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>

#include "contract_tests/live_mode_harness.h"
#include "contract_tests/support/breaking_proxy.h"
#include "contract_tests/support/server_under_test.h"
#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {
namespace {

TEST_F(LiveMode, SuitePassesAgainstASeparatelyStartedServerWithOtherData) {
  // Other data than the bundled set the suite knows from fixtures: only the generated tasks.
  auto server = Serve("10-generated.json");
  std::string output;
  int rc = RunLiveSuite(server->base_url(), workdir_, &output);
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  EXPECT_NE(std::string::npos, output.find("live mode against " + server->base_url())) << output;
  const std::string xml = ReadAll(workdir_ / "live.xml");
  EXPECT_NE(std::string::npos, xml.find("<testsuites")) << "no JUnit XML";
  EXPECT_NE(std::string::npos, xml.find("failures=\"0\"")) << xml.substr(0, 500);
  // Live mode never sends a mutating request: those cases are skipped, not run.
  EXPECT_NE(std::string::npos, output.find("live mode sends GET requests only")) << output;
  EXPECT_NE(std::string::npos, output.find("set OCP_ALLOW_MUTATIONS=1 and OCP_TASK_ID")) << output;
}

TEST_F(LiveMode, MutatesOnlyTheNamedTaskWhenAllowed) {
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks/20-scenarios.json",
                workdir_ / "fixtures/tasks/scenarios.json");
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/users.json",
                workdir_ / "fixtures/users.json");
  MockProcess server(OCPMOCK_BINARY,
                     {"--fixtures", (workdir_ / "fixtures").string(), "--time-scale", "0",
                      "--ocp-version", ServerUnderTest::Get().version()});
  std::string output;
  int rc = RunLiveSuite(server.base_url(), workdir_, &output,
                        "OCP_ALLOW_MUTATIONS=1 OCP_TASK_ID=8000004", "LiveMutations.*");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  EXPECT_NE(std::string::npos, output.find("[       OK ] LiveMutations.RetryTheNamedTask"))
      << output;
  // The named FAILED task was retried on the "live" server; nothing else was changed.
  HttpClient client(server.base_url(), std::string(kAdminUser), std::string(kAdminPassword));
  EXPECT_NE(
      std::string::npos,
      client.Send("GET", "/api/v2/tasks/instances/8000004").body.find("\"status\":\"RUNNING\""));
  EXPECT_NE(
      std::string::npos,
      client.Send("GET", "/api/v2/tasks/instances/8000002").body.find("\"status\":\"FAILED\""));
}

// Without OCP_VERSION the suite tells which versions' contracts a live server meets. A 4.2.1
// server (numeric codes, here with PRIMARY clusters and MYSQL tenants only) meets 3.1.1 to
// 4.2.1, not 4.2.2 (prefixed codes). 3.1.1's not-found message reads otherwise, which is an
// observation, since messages are free text; with OCP_STRICT=1 it fails, and only 4.0.0 to
// 4.2.1 remain. With AK/SK keys given, a 4.0.0 server meets 3.1.1 (which refuses AK/SK too)
// and 4.0.0 only.
TEST_F(LiveMode, WithoutOcpVersionTheSuiteReportsEachVersion) {
  if (std::getenv("OCP_VERSION") != nullptr) GTEST_SKIP() << "run once, by the default run";
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/tasks/10-generated.json",
                workdir_ / "fixtures/tasks/only.json");
  fs::copy_file(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/users.json",
                workdir_ / "fixtures/users.json");
  MockProcess server(OCPMOCK_BINARY, {"--fixtures", (workdir_ / "fixtures").string(),
                                      "--time-scale", "0", "--ocp-version", "4.2.1"});
  std::string output;
  // The error cases tell the versions apart; six whole runs would take minutes under ASan.
  int rc = RunLiveSuite(server.base_url(), workdir_, &output, "",
                        "Ids/TaskNotFound.*:ErrorEnvelope.*:ListTasks/ErrorCases.*", true);
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  EXPECT_NE(std::string::npos, output.find("compatible with: 3.1.1, 4.0.0, 4.0.3, 4.2.0, 4.2.1\n"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("observation: differs from ocp-mock [mock: the "
                                           "catalogue's English message text]"))
      << output;
  EXPECT_NE(std::string::npos, output.find("4.2.2  NOT compatible")) << output;
  // One JUnit file per version.
  for (const char* v : {"3.1.1", "4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"}) {
    EXPECT_TRUE(fs::exists(workdir_ / ("live-" + std::string(v) + ".xml"))) << v;
  }
  rc = RunLiveSuite(server.base_url(), workdir_, &output, "OCP_STRICT=1",
                    "Ids/TaskNotFound.*:ErrorEnvelope.*:ListTasks/ErrorCases.*", true);
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  EXPECT_NE(std::string::npos, output.find("compatible with: 4.0.0, 4.0.3, 4.2.0, 4.2.1\n"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("3.1.1  NOT compatible")) << output;
  server.Stop();
  MockProcess old(OCPMOCK_BINARY, {"--fixtures", (workdir_ / "fixtures").string(), "--time-scale",
                                   "0", "--ocp-version", "4.0.0"});
  rc = RunLiveSuite(
      old.base_url(), workdir_, &output,
      "OCP_ACCESS_KEY=cqammmxBpfGjFlto OCP_SECRET_KEY=2fc0c299cc94c6be266f2ceece765d4d",
      "Ids/TaskNotFound.*:ErrorEnvelope.*:LiveAuthentication.*", true);
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  EXPECT_NE(std::string::npos, output.find("compatible with: 3.1.1, 4.0.0\n"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
}

// A server that chooses otherwise where OCP's docs are silent (ocp-mock --quirks all: extra
// fields, no tie-breaker, names by code point, HTML for unknown paths, malformed escapes
// ignored, subtasks in any order, Chinese by default) passes, with each difference listed as an
// observation; with OCP_STRICT=1 it fails, and the failures name those rules, not OCP's.
TEST_F(LiveMode, QuirksAreObservationsUnlessStrict) {
  auto server = Serve("10-generated.json", {"--quirks", "all"});
  std::string output;
  int rc = RunLiveSuite(server->base_url(), workdir_, &output);
  EXPECT_EQ(0, rc) << output.substr(output.size() > 4000 ? output.size() - 4000 : 0);
  for (const char* seen : {"observation(s): the server differs from ocp-mock",
                           "/data/contents/*/creatorId is not documented (e.g. ",
                           "/data/contents/*/subtasks/*/taskId is not documented",
                           "[mock: a JSON error envelope for UnknownPath] GET "
                           "/api/v2/nothing-here: expected HTTP 404 with an error envelope; "
                           "came HTTP 200: <!DOCTYPE html>",
                           // tie-order
                           "[mock: ties in id-descending order] GET "
                           "/api/v2/tasks/instances?sort=status: task ",
                           "[mock: pages concatenate under a sort with ties]",
                           // collation
                           "[mock: names in ocp-mock's own order (lower-case folding)] GET "
                           "/api/v2/tasks/instances?sort=name: task ",
                           // lenient-query
                           "[mock: a JSON error envelope for MalformedEscape] GET "
                           "/api/v2/tasks/instances?name=%zz: expected HTTP 400 with an error "
                           "envelope; came HTTP 200"}) {
    EXPECT_NE(std::string::npos, output.find(seen)) << seen;
  }
  EXPECT_NE(std::string::npos, ReadAll(workdir_ / "live.xml").find("name=\"observation\""))
      << "observations are in the JUnit XML";
  rc = RunLiveSuite(server->base_url(), workdir_, &output, "OCP_STRICT=1");
  EXPECT_NE(0, rc);
  EXPECT_NE(std::string::npos, output.find("Failure")) << output.substr(0, 2000);
  EXPECT_NE(std::string::npos, output.find("[mock: the documented fields only"));
  EXPECT_NE(std::string::npos, output.find("[mock: a JSON error envelope for UnknownPath]"));
  EXPECT_NE(std::string::npos, output.find("[mock: ties in id-descending order]"));
  EXPECT_EQ(std::string::npos, output.find("[doc: ")) << "no documented rule is broken";
}

// A `client` rule binds no OCP: a live server without GET /api/v2/tasks/{id} (which the
// terraform provider polls; OCP's docs do not have it) passes, with an observation.
TEST_F(LiveMode, ClientRulesAreObservations) {
  auto server = Serve("10-generated.json");
  BreakingProxy proxy(server->base_url(), Breakage::kNoTasksById);
  std::string output;
  const int rc = RunLiveSuite(proxy.base_url(), workdir_, &output, "", "Compat/CheckLibrary.*");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos,
            output.find("observation: differs from what clients rely on [client: "
                        "tasks-by-id: GET /api/v2/tasks/{id}"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
}

// A `mock` rule binds no OCP either: a live server whose cluster statistics are not the sums
// of its servers' passes, with an observation naming ocp-mock's rule.
TEST_F(LiveMode, MockRowsAreObservations) {
  auto server = Serve("10-generated.json");
  BreakingProxy proxy(server->base_url(), Breakage::kStatsNotSummed);
  std::string output;
  const int rc = RunLiveSuite(proxy.base_url(), workdir_, &output, "", "Compat/CheckLibrary.*");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("observation: differs from ocp-mock [mock: ocp-compat "
                                           "stats-add-up: serverStats has one row per server"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
}

// So for issue #28's `mock` row: a series whose steps are not whole multiples of the interval
// passes, with an observation; values and steps are no documented rule.
TEST_F(LiveMode, MetricStepsAreObservations) {
  auto server = Serve("10-generated.json");
  BreakingProxy proxy(server->base_url(), Breakage::kMetricStepIrregular);
  std::string output;
  const int rc = RunLiveSuite(proxy.base_url(), workdir_, &output, "", "Compat/CheckLibrary.*");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("observation: differs from ocp-mock [mock: ocp-compat "
                                           "metric-steps: that series: each group's timestamps"))
      << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
}

// How many requests of `method` the mock at `base_url` has journaled.
int64_t Journaled(const std::string& base_url, const std::string& method) {
  HttpClient mock(base_url, std::nullopt, std::nullopt);
  const HttpResult r = mock.Send("GET", "/__mock/requests/count?method=" + method);
  rapidjson::Document d;
  d.Parse(r.body.c_str());
  return d.HasParseError() ? -1 : d["data"]["count"].GetInt64();
}

// Live mode creates and changes nothing unless asked: the check library's write rows are
// skipped as "not run" and no POST or PUT is sent; with OCP_ALLOW_WRITES=1 they run and pass (two
// reports, one credential and one inspection run: four POSTs; a cluster's and a tenant's
// parameter set to the values they have: two PUTs).
TEST_F(LiveMode, WriteRowsRunOnlyWhenAllowed) {
  // The parameter catalogue, without which no parameter could be set.
  fs::copy(fs::path(OCPMOCK_SOURCE_DIR) / "fixtures/parameters", workdir_ / "fixtures/parameters",
           fs::copy_options::recursive);
  auto server = Serve("10-generated.json");
  std::string output;
  int rc = RunLiveSuite(server->base_url(), workdir_, &output, "", "Compat/CheckLibrary.*");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("writes are off (--allow-writes, or OCP_ALLOW_WRITES=1"))
      << output;
  EXPECT_NE(std::string::npos, output.find("it sets a cluster parameter and a tenant parameter"))
      << output;
  EXPECT_NE(std::string::npos, output.find("it starts a basic inspection of the first listed"))
      << output;
  EXPECT_EQ(0, Journaled(server->base_url(), "POST"));
  EXPECT_EQ(0, Journaled(server->base_url(), "PUT"));
  rc = RunLiveSuite(server->base_url(), workdir_, &output, "OCP_ALLOW_WRITES=1",
                    "Compat/CheckLibrary.Holds/report_encodings:Compat/CheckLibrary.Holds/"
                    "credential_create:Compat/CheckLibrary.Holds/parameter_round_trip:"
                    "Compat/CheckLibrary.Holds/inspection_run");
  EXPECT_EQ(0, rc) << output.substr(output.size() > 3000 ? output.size() - 3000 : 0);
  EXPECT_NE(std::string::npos, output.find("[  PASSED  ] 4 tests")) << output;
  EXPECT_EQ(4, Journaled(server->base_url(), "POST"));
  EXPECT_EQ(2, Journaled(server->base_url(), "PUT"));
}

TEST_F(LiveMode, SuiteFailsAgainstAServerThatIsNotOcp) {
  // A server answering every request with 404 JSON from another tool must not pass.
  std::string output;
  int rc = RunLiveSuite("http://127.0.0.1:9", workdir_, &output);
  EXPECT_NE(0, rc) << output;
  EXPECT_NE(std::string::npos, output.find("cannot set up the server under test")) << output;
}

}  // namespace
}  // namespace contract
