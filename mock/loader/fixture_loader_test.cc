#include "mock/loader/fixture_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>
#include <map>
#include <set>

#include "mock/testing/test_paths.h"

namespace mock::fixtures {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;

const json::SchemaSet& Schemas() { return mock::testdata::BundledSchemas(); }

// A fixture folder in a fresh temporary directory, removed afterwards.
class FixtureDir {
 public:
  FixtureDir() {
    root_ = fs::temp_directory_path() /
            ("ocpmock-fixtures-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(root_ / "tasks");
  }
  ~FixtureDir() { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / "tasks" / name) << content;
  }
  const fs::path& root() const { return root_; }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

// A finished task without subtasks (a state OCP can be in), plus `extra` task fields.
std::string Task(int64_t id, const std::string& extra = "") {
  return R"({"task":{"id":)" + std::to_string(id) +
         R"(,"name":"t","status":"SUCCESSFUL","creator":{"id":1,"name":"a"},"subtasks":[])" +
         extra + "}}";
}

// Task `id` in `status` with one subtask per entry of `subtasks` (ids 1, 2, ... in a chain).
std::string TaskWith(int64_t id, const std::string& status,
                     const std::vector<std::string>& subtasks) {
  std::string list;
  for (size_t i = 0; i < subtasks.size(); ++i) {
    const std::string sid = std::to_string(i + 1);
    list += std::string(i ? "," : "") + R"({"id":)" + sid + R"(,"name":"s)" + sid +
            R"(","description":"d","status":")" + subtasks[i] + R"(","operation":"EXECUTE")" +
            (i ? R"(,"upstreams":[)" + std::to_string(i) + "]" : "") + "}";
  }
  return R"({"task":{"id":)" + std::to_string(id) + R"(,"name":"t","status":")" + status +
         R"(","creator":{"id":1,"name":"a"},"subtasks":[)" + list + "]}}";
}

std::string File(const std::vector<std::string>& entries) {
  std::string out = R"({"format":"ocp-mock-fixtures/1","tasks":[)";
  for (size_t i = 0; i < entries.size(); ++i) out += (i ? "," : "") + entries[i];
  return out + "]}";
}

// The refusal's message; every refusal is a start-up (kConfig) error, never an HTTP one.
std::string LoadError(const FixtureDir& dir) {
  auto result = LoadTaskFixtures(dir.root(), Schemas());
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(StatusCode::kConfig, result.status().code()) << result.status().ToString();
  EXPECT_TRUE(result.status().ocp_kind().empty()) << result.status().ToString();
  return result.ok() ? "" : result.status().message();
}

TEST(FixtureLoaderTest, BundledFixturesLoad) {
  auto tasks = LoadTaskFixtures(mock::testdata::FixturesDir(), Schemas(), "4.2.2");
  ASSERT_TRUE(tasks.ok()) << tasks.status().message();
  EXPECT_GE(tasks.value().size(), 200u);
}

// The bundled set promises variety (docs/fixtures.md); this keeps it honest.
TEST(FixtureLoaderTest, BundledFixturesCoverEveryValue) {
  auto tasks =
      std::move(LoadTaskFixtures(mock::testdata::FixturesDir(), Schemas(), "4.2.2")).value();
  std::set<std::string> seen;
  std::set<int64_t> clusters, tenants, hosts;
  for (const model::Task& t : tasks) {
    seen.insert("status:" + std::string(model::ToString(t.status)));
    seen.insert("type:" + std::string(model::ToString(t.type)));
    seen.insert(t.cluster ? "cluster:" + t.cluster->type : "cluster:none");
    seen.insert(t.tenant ? "tenant:" + t.tenant->mode : "tenant:none");
    if (!t.start_time) seen.insert("not started");
    if (t.cluster) clusters.insert(t.cluster->id);
    if (t.tenant) tenants.insert(t.tenant->id);
    hosts.insert(t.host_ids.begin(), t.host_ids.end());
    for (const model::Subtask& s : t.subtasks) {
      seen.insert("subtask:" + std::string(model::ToString(s.status)));
      seen.insert("operation:" + std::string(model::ToString(s.operation)));
    }
  }
  for (const char* want :
       {"status:RUNNING",    "status:FAILED",     "status:SUCCESSFUL",  "type:MANUAL",
        "type:SYS_ONECE",    "type:SCHEDULED",    "type:SYS_SCHEDULED", "cluster:PRIMARY",
        "cluster:STANDBY",   "cluster:none",      "tenant:MYSQL",       "tenant:ORACLE",
        "tenant:none",       "not started",       "subtask:PENDING",    "subtask:READY",
        "subtask:RUNNING",   "subtask:CANCELING", "subtask:FAILED",     "subtask:SUCCESSFUL",
        "operation:EXECUTE", "operation:RETRY",   "operation:ROLLBACK", "operation:SKIP",
        "operation:CANCEL"}) {
    EXPECT_TRUE(seen.count(want)) << want;
  }
  EXPECT_GE(clusters.size(), 4u);
  EXPECT_GE(tenants.size(), 8u);
  EXPECT_GE(hosts.size(), 10u);
}

// A file naming ocpVersions is read only for those versions, and not even checked otherwise.
TEST(FixtureLoaderTest, FilesForOtherVersionsAreSkipped) {
  FixtureDir dir;
  dir.Write("a.json", R"({"format":"ocp-mock-fixtures/1","tasks":[)" + Task(1) + "]}");
  dir.Write("b.json", R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.0"],"tasks":[)" +
                          Task(2) + "]}");
  dir.Write("c.json", R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.2"],"tasks":[)" +
                          Task(2, R"(,"bogusField":1)") + "]}");
  std::vector<fs::path> skipped;
  auto as420 = LoadTaskFixtures(dir.root(), Schemas(), "4.2.0", &skipped);
  ASSERT_TRUE(as420.ok()) << as420.status().message();
  EXPECT_EQ(2u, as420.value().size());
  ASSERT_EQ(1u, skipped.size());
  EXPECT_EQ("c.json", skipped[0].filename());
  auto as422 = LoadTaskFixtures(dir.root(), Schemas(), "4.2.2");
  ASSERT_FALSE(as422.ok());
  EXPECT_THAT(as422.status().message(), HasSubstr("c.json"));
  auto unnamed = LoadTaskFixtures(dir.root(), Schemas());
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(1u, unnamed.value().size()) << "no version: only files for every version";
  // A version name nobody knows would hide the file from every version: refused.
  dir.Write("d.json", R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.9"],"tasks":[]})");
  auto typo = LoadTaskFixtures(dir.root(), Schemas(), {"4.2.0", {"4.2.0", "4.2.2"}});
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().message(),
              HasSubstr("d.json: /ocpVersions/0: \"4.2.9\" is not a known OCP version (4.2.0, "
                        "4.2.2)"));
}

// One file's text read as the loader reads a file: its ocpVersions first, so that a file for
// other versions is neither checked nor read, and a version nobody knows is refused.
TEST(FixtureLoaderTest, OneTextHonoursOcpVersionsAsAFileDoes) {
  const FixtureVersion as420{"4.2.0", {"4.2.0", "4.2.2"}};
  const std::string other = R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.2"],"tasks":[)" +
                            Task(2, R"(,"bogusField":1)") + "]}";
  auto skipped = ParseTaskFixtures(other, "other.json", Schemas(), &as420);
  ASSERT_TRUE(skipped.ok()) << skipped.status().message();
  EXPECT_TRUE(skipped.value().empty());
  auto checked = ParseTaskFixtures(other, "other.json", Schemas());
  ASSERT_FALSE(checked.ok()) << "without a version the file is checked, and refused";
  EXPECT_THAT(checked.status().message(), HasSubstr("other.json: /tasks/0/task"));
  const std::string mine =
      R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.0"],"tasks":[)" + Task(3) + "]}";
  auto read = ParseTaskFixtures(mine, "mine.json", Schemas(), &as420);
  ASSERT_TRUE(read.ok() && read.value().size() == 1u) << read.status().message();
  EXPECT_EQ(3, read.value()[0].id);
  auto typo =
      ParseTaskFixtures(R"({"format":"ocp-mock-fixtures/1","ocpVersions":["4.2.9"],"tasks":[]})",
                        "typo.json", Schemas(), &as420);
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().message(),
              HasSubstr("typo.json: /ocpVersions/0: \"4.2.9\" is not a known OCP version"));
}

// Ranges and exclusions, so that a new version's folder picks up the files meant for it.
TEST(FixtureLoaderTest, VersionRangesAndExclusionsChooseTheFiles) {
  FixtureDir dir;
  const std::string head = R"({"format":"ocp-mock-fixtures/1","ocpVersions":)";
  dir.Write("from421.json", head + R"([">=4.2.1"],"tasks":[)" + Task(1) + "]}");
  dir.Write("not420.json", head + R"(["!4.2.0"],"tasks":[)" + Task(2) + "]}");
  dir.Write("old.json", head + R"(["<4.2.0", "4.2.2"],"tasks":[)" + Task(3) + "]}");
  auto ids = [&](const std::string& version, std::vector<std::string> known) {
    auto tasks = LoadTaskFixtures(dir.root(), Schemas(), {version, std::move(known)});
    EXPECT_TRUE(tasks.ok()) << version << ": " << tasks.status().message();
    std::vector<int64_t> out;
    for (const auto& t : tasks.value()) out.push_back(t.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  const std::vector<std::string> known = {"4.0.0", "4.2.0", "4.2.1", "4.2.2", "4.2.10"};
  EXPECT_EQ((std::vector<int64_t>{2, 3}), ids("4.0.0", known));
  EXPECT_EQ((std::vector<int64_t>{}), ids("4.2.0", known));
  EXPECT_EQ((std::vector<int64_t>{1, 2}), ids("4.2.1", known));
  EXPECT_EQ((std::vector<int64_t>{1, 2, 3}), ids("4.2.2", known));
  EXPECT_EQ((std::vector<int64_t>{1, 2}), ids("4.2.10", known)) << "a new version, no edits";
  dir.Write("typo.json", head + R"(["!4.2.9"],"tasks":[]})");
  auto typo = LoadTaskFixtures(dir.root(), Schemas(), {"4.2.1", known});
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().message(), HasSubstr("\"4.2.9\" is not a known OCP version"));
}

// The items are read before any schema check (a file for other versions is never checked): one
// that is no version, such as a part beyond 32 bits, is refused by its pointer, never overflows.
TEST(FixtureLoaderTest, AVersionPartTooLargeIsRefusedByItsPointer) {
  const std::string head = R"({"format":"ocp-mock-fixtures/1","ocpVersions":)";
  for (const FixtureVersion& played :
       {FixtureVersion(), FixtureVersion("4.2.1"), FixtureVersion("4.2.1", {"4.2.0", "4.2.1"})}) {
    FixtureDir dir;
    dir.Write("a.json", head + R"([">=4.2.99999999999"],"tasks":[)" + Task(1) + "]}");
    auto tasks = LoadTaskFixtures(dir.root(), Schemas(), played);
    ASSERT_FALSE(tasks.ok()) << played.name;
    EXPECT_EQ(StatusCode::kConfig, tasks.status().code()) << tasks.status().ToString();
    EXPECT_THAT(tasks.status().message(),
                HasSubstr("a.json: /ocpVersions/0: \">=4.2.99999999999\" is not an OCP version or "
                          "range (such as 4.2.1, >=4.2.1, <4.2.0 or !4.2.0): 99999999999 is too "
                          "large: each part of MAJOR.MINOR.PATCH is a number from 0 to "
                          "4294967295"));
  }
  FixtureDir dir;
  dir.Write("b.json", head + R"(["4.2.1", "!99999999999.0.0"],"tasks":[]})");
  EXPECT_THAT(LoadError(dir), HasSubstr("b.json: /ocpVersions/1: \"!99999999999.0.0\" is not an "
                                        "OCP version or range"));
  for (const char* item : {"4.2", "4.2.1.0", "latest", "=4.2.1", " 4.2.1", "+4.2.1"}) {
    dir.Write("b.json", head + "[\"" + item + "\"],\"tasks\":[]}");
    EXPECT_THAT(LoadError(dir), HasSubstr("b.json: /ocpVersions/0: \"" + std::string(item) +
                                          "\" is not an OCP version or range"));
  }
}

TEST(FixtureLoaderTest, BundledFixturesAs420HaveOnlyWhat420Documents) {
  auto tasks = LoadTaskFixtures(mock::testdata::FixturesDir(), Schemas(), "4.2.0");
  ASSERT_TRUE(tasks.ok()) << tasks.status().message();
  EXPECT_GE(tasks.value().size(), 150u);
  bool sample = false;
  for (const model::Task& t : tasks.value()) {
    if (t.cluster) {
      EXPECT_EQ("PRIMARY", t.cluster->type) << t.id;
    }
    if (t.tenant) {
      EXPECT_EQ("MYSQL", t.tenant->mode) << t.id;
    }
    if (t.id == 6202983) sample = t.tenant && t.tenant->name == "******";
  }
  EXPECT_TRUE(sample) << "4.2.0's own list sample";
}

TEST(FixtureLoaderTest, DocumentedSamplesAreIncluded) {
  auto tasks =
      std::move(LoadTaskFixtures(mock::testdata::FixturesDir(), Schemas(), "4.2.2")).value();
  std::set<int64_t> ids;
  for (const model::Task& t : tasks) ids.insert(t.id);
  for (int64_t id : {6202983, 6175879, 35000312}) EXPECT_TRUE(ids.count(id)) << id;
}

TEST(FixtureLoaderTest, ReadsEveryFieldAndDefaultsTypeToManual) {
  FixtureDir dir;
  dir.Write("a.json", File({R"({"hostIds":[7,8],"task":{"id":5,"name":"N","status":"RUNNING",
    "creator":{"id":1,"name":"a"},"cluster":{"id":2,"name":"c","obClusterId":3,"type":"STANDBY"},
    "tenant":{"id":4,"name":"t","obTenantId":6,"mode":"ORACLE"},
    "startTime":"2021-08-25T15:09:31+08:00","subtasks":[{"id":9,"name":"s","description":"d",
    "status":"CANCELING","operation":"CANCEL"}]}})"}));
  auto tasks = LoadTaskFixtures(dir.root(), Schemas());
  ASSERT_TRUE(tasks.ok()) << tasks.status().message();
  const model::Task& t = tasks.value().at(0);
  EXPECT_EQ(model::TaskType::kManual, t.type);
  EXPECT_EQ(model::TaskStatus::kRunning, t.status);
  EXPECT_EQ("STANDBY", t.cluster->type);
  EXPECT_EQ("ORACLE", t.tenant->mode);
  EXPECT_EQ((std::vector<int64_t>{7, 8}), t.host_ids);
  EXPECT_EQ(model::SubtaskStatus::kCanceling, t.subtasks.at(0).status);
  EXPECT_FALSE(t.finish_time);
}

TEST(FixtureLoaderTest, InvalidJsonNamesFileLineAndColumn) {
  FixtureDir dir;
  dir.Write("bad.json", "{\n  \"format\": \"ocp-mock-fixtures/1\",\n  \"tasks\": [,]\n}");
  std::string error = LoadError(dir);
  // A sentence: where, then what, in the reader's words.
  EXPECT_THAT(error, HasSubstr("bad.json: not valid JSON at line 3, column 13: invalid value"));
}

// What came and what was expected: an enum names the bad value and the allowed ones (read from
// the schema, so each version's own); a time names the expected format.
TEST(FixtureLoaderTest, EnumAndTimeErrorsSayWhatWasExpected) {
  FixtureDir dir;
  dir.Write("a.json", File({Task(1), R"({"task":{"id":2,"name":"t","status":"RUNNNING",)"
                                     R"("creator":{"id":1,"name":"a"},"subtasks":[]}})"}));
  EXPECT_THAT(LoadError(dir),
              HasSubstr("a.json: /tasks/1/task/status: \"RUNNNING\" is not one of \"RUNNING\", "
                        "\"FAILED\", \"SUCCESSFUL\""));
  FixtureDir times;
  times.Write("a.json", File({Task(1, R"(,"startTime":"2026-12-01 10:00:00")")}));
  EXPECT_THAT(LoadError(times),
              HasSubstr("a.json: /tasks/0/task/startTime: expected a date-time like "
                        "2026-12-01T10:00:00.000+08:00 (pattern ^[0-9]{4}-"));
  EXPECT_THAT(LoadError(times),
              HasSubstr("$), got \"2026-12-01 10:00:00\" (fixture-file.schema.json)"));
}

TEST(FixtureLoaderTest, SchemaViolationNamesFileAndPointer) {
  FixtureDir dir;
  dir.Write("a.json", File({Task(1), Task(2, R"(,"stauts":"x")")}));
  EXPECT_THAT(LoadError(dir), HasSubstr("a.json: /tasks/1/task"));
  FixtureDir dir2;
  dir2.Write("b.json", File({Task(1, R"(,"startTime":"yesterday")")}));
  EXPECT_THAT(LoadError(dir2), HasSubstr("b.json: /tasks/0/task/startTime"));
}

TEST(FixtureLoaderTest, ImpossibleDateNamesItsPointer) {
  FixtureDir dir;
  dir.Write("a.json", File({Task(1, R"(,"finishTime":"2021-02-30T00:00:00Z")")}));
  EXPECT_THAT(LoadError(dir), HasSubstr("a.json: /tasks/0/task/finishTime"));
}

TEST(FixtureLoaderTest, DuplicateTaskIdNamesBothPlaces) {
  FixtureDir dir;
  dir.Write("a.json", File({Task(1), Task(42)}));
  dir.Write("b.json", File({Task(42)}));
  std::string error = LoadError(dir);
  EXPECT_THAT(error, HasSubstr("b.json: /tasks/0/task: duplicate task id 42"));
  EXPECT_THAT(error, HasSubstr("a.json at /tasks/1/task/id"));
}

TEST(FixtureLoaderTest, RefusesInconsistentRelations) {
  const std::string cluster = R"(,"cluster":{"id":2,"name":"c","obClusterId":3,"type":"PRIMARY"})";
  const std::string other = R"(,"cluster":{"id":2,"name":"d","obClusterId":3,"type":"PRIMARY"})";
  const std::string tenant = R"(,"tenant":{"id":4,"name":"t","obTenantId":6,"mode":"MYSQL"})";
  const std::string sub = R"({"id":9,"name":"s","description":"d","status":"READY",)"
                          R"("operation":"EXECUTE"})";
  std::map<std::string, std::vector<std::string>> cases = {
      {"a tenant must also have a cluster", {Task(1, tenant)}},
      {"cluster 2 is described differently", {Task(1, cluster), Task(2, other)}},
      {"duplicate subtask id 9",
       {R"({"task":{"id":1,"name":"t","status":"RUNNING","creator":{"id":1,"name":"a"},)"
        R"("subtasks":[)" +
        sub + "," + sub + "]}}"}},
  };
  for (const auto& [expected, entries] : cases) {
    FixtureDir dir;
    dir.Write("a.json", File(entries));
    EXPECT_THAT(LoadError(dir), HasSubstr(expected));
  }
}

TEST(FixtureLoaderTest, RefusesImpossibleTaskStatesNamingTheTask) {
  const std::pair<std::string, std::string> cases[] = {
      {TaskWith(3, "SUCCESSFUL", {"SUCCESSFUL", "RUNNING"}),
       "/tasks/0/task: a SUCCESSFUL task cannot have a subtask still under way: subtask 2 is "
       "RUNNING"},
      {TaskWith(3, "FAILED", {"SUCCESSFUL", "SUCCESSFUL"}),
       "/tasks/0/task: a FAILED task needs a FAILED subtask"},
      {TaskWith(3, "FAILED", {"FAILED", "READY"}), "subtask 2 is READY"},
      {TaskWith(3, "RUNNING", {"SUCCESSFUL", "FAILED", "PENDING"}),
       "/tasks/0/task: a RUNNING task needs a subtask under way"},
      {TaskWith(3, "RUNNING", {}), "a RUNNING task needs a subtask under way"},
  };
  for (const auto& [entry, expected] : cases) {
    FixtureDir dir;
    dir.Write("a.json", File({entry}));
    EXPECT_THAT(LoadError(dir), HasSubstr(expected)) << entry;
  }
  // And the possible ones load: under way, able to start, finished.
  FixtureDir dir;
  dir.Write("a.json", File({TaskWith(1, "RUNNING", {"SUCCESSFUL", "PENDING"}),
                            TaskWith(2, "RUNNING", {"RUNNING", "PENDING"}),
                            TaskWith(3, "FAILED", {"SUCCESSFUL", "FAILED", "PENDING"}),
                            TaskWith(4, "SUCCESSFUL", {"SUCCESSFUL", "SUCCESSFUL"})}));
  auto tasks = LoadTaskFixtures(dir.root(), Schemas());
  EXPECT_TRUE(tasks.ok()) << tasks.status().message();
}

TEST(FixtureLoaderTest, MissingTasksFolderIsAnErrorEmptyIsNot) {
  FixtureDir empty;
  auto none = LoadTaskFixtures(empty.root(), Schemas());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  auto missing = LoadTaskFixtures("/nonexistent", Schemas());
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("/nonexistent/tasks"));
}

// A stop (ocp-mock's SIGTERM during start-up) ends the load without reading further files.
TEST(FixtureLoaderTest, AStoppedLoadReadsNoFurtherFile) {
  FixtureDir dir;
  for (int i = 0; i < 8; ++i) dir.Write(std::to_string(i) + ".json", File({Task(i + 1)}));
  std::stop_source stop;
  stop.request_stop();
  auto stopped = LoadTaskFixtures(dir.root(), Schemas(), {}, nullptr, stop.get_token());
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(StatusCode::kUnavailable, stopped.status().code());
  EXPECT_THAT(stopped.status().message(), HasSubstr("stopped"));
  EXPECT_EQ(8u, LoadTaskFixtures(dir.root(), Schemas(), {}, nullptr, {}).value().size());
}

TEST(FixtureLoaderTest, NonJsonFilesAreIgnored) {
  FixtureDir dir;
  dir.Write("README.md", "not a fixture");
  dir.Write("a.json", File({Task(1)}));
  EXPECT_EQ(1u, LoadTaskFixtures(dir.root(), Schemas()).value().size());
}

}  // namespace
}  // namespace mock::fixtures
