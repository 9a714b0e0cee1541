// ocp-compat's diff and export: what a client notices between two versions' contracts, and a
// version's schemas as one folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "contract_tests/compat/compat_run.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "tools/client/mock_process.h"

namespace compat {
namespace {

namespace fs = std::filesystem;
using run::Compat;
using run::ReadAll;

TEST(Compat, ExportsAVersionsSchemasAsOnePlainFolder) {
  const fs::path dir = fs::temp_directory_path() / ("ocpmock-schemas-" + std::to_string(getpid()));
  contract::CommandResult r = Compat("schemas 4.2.0 --out '" + dir.string() + "'");
  ASSERT_EQ(0, r.rc) << r.out;
  EXPECT_FALSE(fs::exists(dir / "profile.json"));
  auto schemas = mock::json::SchemaSet::Load(dir);
  ASSERT_TRUE(schemas.ok()) << schemas.status().message();
  const fs::path samples = fs::path(OCPMOCK_SOURCE_DIR) / "contract_tests" / "samples";
  auto text = [&](const char* name) { return mock::json::ReadFile(samples / name).value(); };
  EXPECT_TRUE(
      schemas.value().ValidateText("task-list-response", text("query-tasks-4.2.0.json")).empty());
  EXPECT_FALSE(
      schemas.value().ValidateText("task-list-response", text("query-tasks-4.2.2.json")).empty());
  EXPECT_NE(std::string::npos, ReadAll(dir / "error-code.schema.json").find("\"integer\""));
  fs::remove_all(dir);
  EXPECT_EQ(2, Compat("schemas 9.9.9 --out '" + dir.string() + "'").rc);
}

TEST(Compat, DiffListsWhatAClientNotices) {
  contract::CommandResult r = Compat("diff 4.2.1 4.2.2");
  EXPECT_EQ(0, r.rc) << r.out;
  EXPECT_NE(std::string::npos, r.out.find("error.code: type integer -> string or integer 0"))
      << r.out;
  EXPECT_NE(std::string::npos, r.out.find("error taskNotFound: code 4001 -> TSK10001")) << r.out;
  r = Compat("diff 4.2.1 4.2.0");
  EXPECT_NE(std::string::npos,
            r.out.find("data.contents[].cluster.type: enum values removed: \"STANDBY\""))
      << r.out;
  // The cluster and tenant pages narrow in 4.2.0 as the task pages do.
  for (const char* change :
       {"cluster-list-response\n  data.contents[].status: enum values removed: "
        "\"FAILOVER\", \"SWITCHOVER\"\n  data.contents[].type: enum values "
        "removed: \"STANDBY\"",
        "tenant-detail-response\n  data.clusterStatus: enum values removed",
        "tenant-list-response\n  data.contents[].clusterType: enum values "
        "removed: \"STANDBY\"\n  data.contents[].mode: enum values removed: "
        "\"ORACLE\""}) {
    EXPECT_NE(std::string::npos, r.out.find(change)) << change << "\n" << r.out;
  }
  r = Compat("diff 4.0.0 4.0.3");
  EXPECT_NE(std::string::npos, r.out.find("AK/SK signatures: refused -> accepted")) << r.out;
  // The task API's documented contracts of 4.0.3 and 4.2.1 are the same; 4.2.1 adds
  // GET /api/status, and the diff says so (issue #24: it once said "no difference").
  r = Compat("diff 4.0.3 4.2.1");
  EXPECT_NE(std::string::npos, r.out.find("endpoints\n  GET /api/status: not documented -> "
                                          "documented\n"))
      << r.out;
  EXPECT_EQ(std::string::npos, r.out.find("no difference")) << r.out;
  r = Compat("diff 4.0.3 4.2.0");
  EXPECT_NE(std::string::npos,
            r.out.find("GET /api/v2/info and /api/v2/time: documented -> not documented"))
      << r.out;
  r = Compat("diff 4.2.1 4.2.1");
  EXPECT_NE(std::string::npos, r.out.find("no difference")) << r.out;
  r = Compat("diff 4.2.1 9.9.9");
  EXPECT_EQ(2, r.rc);
  EXPECT_NE(std::string::npos, r.out.find("no OCP version profile \"9.9.9\"")) << r.out;
}

// docs/live-checks.md's `diff` samples are what `diff` prints (issue #24 finding 11: a sample had
// drifted): every line of each sample but "..." is a line of the real output, in order.
TEST(Compat, DocsDiffSamplesAreWhatDiffPrints) {
  const std::string doc = ReadAll(fs::path(OCPMOCK_SOURCE_DIR) / "docs/live-checks.md");
  size_t samples = 0;
  for (size_t at = doc.find("$ tools/ocp-compat diff "); at != std::string::npos;
       at = doc.find("$ tools/ocp-compat diff ", at + 1)) {
    const size_t eol = doc.find('\n', at);
    const std::string command = doc.substr(at + 2, eol - at - 2);  // "tools/ocp-compat diff A B"
    const size_t end = std::min(doc.find("\n$ ", eol), doc.find("\n```", eol));
    std::stringstream sample(doc.substr(eol + 1, end - eol - 1));
    const std::string out = Compat(command.substr(command.find("diff"))).out;
    size_t from = 0;
    for (std::string line; std::getline(sample, line);) {
      if (line.empty() || line == "..." || line == "  ...") continue;
      const size_t found = out.find(line + "\n", from);
      EXPECT_NE(std::string::npos, found) << command << ": the sample's line\n"
                                          << line << "\nis not (in this order) in what it prints:\n"
                                          << out;
      if (found != std::string::npos) from = found + line.size();
    }
    ++samples;
  }
  EXPECT_EQ(2u, samples) << "the samples of docs/live-checks.md were not found";
}

// The clusters, tenants and hosts pages are checked read-only like the task API: a 4.2.2 server
// meets 4.2.2's contract there, and not 4.2.0's, which knows no STANDBY cluster.
}  // namespace
}  // namespace compat
