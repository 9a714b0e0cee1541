// What SchemaSet::Validate says, sentence for sentence (violation_words.h): each kind of
// violation against the bundled schemas, as a person reads it after the path.
#include "mock/json/violation_words.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"

namespace mock::json {
namespace {

// "path: message" of each violation of `text` against `schema`.
std::vector<std::string> Said(const SchemaSet& schemas, const char* schema,
                              const std::string& text) {
  std::vector<std::string> out;
  for (const Violation& v : schemas.ValidateText(schema, text)) {
    out.push_back((v.path.empty() ? "/" : v.path) + ": " + v.message);
  }
  return out;
}

std::vector<std::string> Said(const char* schema, const std::string& text) {
  return Said(testdata::BundledSchemas(), schema, text);
}

// The documented task list sample, its first task changed by `mutate`.
std::string TaskList(const std::function<void(rapidjson::Value&, rapidjson::Document&)>& mutate) {
  auto doc = ParseJson(ReadFile(testdata::SamplesDir() / "query-tasks-4.2.2.json").value());
  rapidjson::Document& d = doc.value();
  mutate(d["data"]["contents"][0], d);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  d.Accept(w);
  return buf.GetString();
}

// An error envelope whose error code is `code` (JSON).
std::string ErrorEnvelope(const std::string& code) {
  return R"({"duration": 1, "server": "s", "status": 404, "successful": false,
             "timestamp": "2026-12-01T10:00:00.000+08:00", "traceId": "",
             "error": {"code": )" +
         code + R"(, "message": "not found"}})";
}

using Lines = std::vector<std::string>;

TEST(ViolationWordsTest, AWrongTypeNamesTheTypeExpectedAndTheValue) {
  EXPECT_EQ(Lines{"/data/contents/0/id: expected an integer, got the string \"x\""},
            Said("task-list-response", TaskList([](auto& t, auto&) { t["id"].SetString("x"); })));
  // OCP 4.0.0 numbers its error codes.
  auto v400 = SchemaSet::Load(
      SchemaDirs{testdata::SchemasDir() / "versions" / "4.0.0", testdata::SchemasDir()});
  ASSERT_TRUE(v400.ok()) << v400.status().message();
  EXPECT_EQ(Lines{"/error/code: expected an integer, got the string \"COM10011\""},
            Said(v400.value(), "error-envelope", ErrorEnvelope("\"COM10011\"")));
}

TEST(ViolationWordsTest, AnUnknownFieldSuggestsTheClosestDocumentedOne) {
  EXPECT_EQ(Lines{"/data/contents/0: unknown field \"finsihTime\" (did you mean \"finishTime\"?)"},
            Said("task-list-response", TaskList([](auto& t, auto& d) {
                   t.AddMember("finsihTime", rapidjson::Value(t["finishTime"], d.GetAllocator()),
                               d.GetAllocator());
                   t.RemoveMember("finishTime");
                 })));
  EXPECT_EQ(Lines{"/data/contents/0: unknown field \"colour\""},
            Said("task-list-response", TaskList([](auto& t, auto& d) {
                   t.AddMember("colour", "red", d.GetAllocator());
                 })));
}

TEST(ViolationWordsTest, AValueOutsideAnEnumListsTheAllowedOnes) {
  EXPECT_EQ(
      Lines{"/data/contents/0/status: \"DONE\" is not one of \"RUNNING\", \"FAILED\", "
            "\"SUCCESSFUL\""},
      Said("task-list-response", TaskList([](auto& t, auto&) { t["status"].SetString("DONE"); })));
  // An enum of one value is a value expected.
  EXPECT_EQ(
      Lines{"/successful: expected true, got false"},
      Said("task-list-response", TaskList([](auto&, auto& d) { d["successful"].SetBool(false); })));
}

TEST(ViolationWordsTest, AMissingFieldIsNamed) {
  EXPECT_EQ(
      Lines{"/data/contents/0: missing required field \"creator\""},
      Said("task-list-response", TaskList([](auto& t, auto&) { t.RemoveMember("creator"); })));
}

TEST(ViolationWordsTest, ABoundSaysTheLimitAndTheValue) {
  EXPECT_EQ(Lines{"/data/page/totalElements: expected at least 0, got -1"},
            Said("task-list-response",
                 TaskList([](auto&, auto& d) { d["data"]["page"]["totalElements"].SetInt(-1); })));
  EXPECT_EQ(Lines{"/data/page/size: expected at most 2000, got 5000"},
            Said("task-list-response",
                 TaskList([](auto&, auto& d) { d["data"]["page"]["size"].SetInt(5000); })));
  EXPECT_EQ(Lines{"/ocpVersions: expected at least 1 item, got 0"},
            Said("fixture-file", R"({"format": "ocp-mock-fixtures/1", "ocpVersions": [],
                                     "tasks": []})"));
  EXPECT_EQ(Lines{"/users/0/password: expected at least 1 character, got \"\""},
            Said("users-file", R"({"format": "ocp-mock-users/1", "users": [
                {"id": 1, "name": "a", "password": "", "permissions": []}]})"));
  EXPECT_EQ(Lines{"/match/path: expected at most 1024 characters, got 1030: \"/" +
                  std::string(58, 'a') + "...\""},
            Said("fault-rule", R"({"action": {"type": "reset"}, "match": {"path": "/)" +
                                   std::string(1029, 'a') + R"("}})"));
}

TEST(ViolationWordsTest, APatternSaysWhichAndADateTimeShowsOne) {
  EXPECT_EQ(Lines{"/data/contents/0/startTime: expected a date-time like "
                  "2026-12-01T10:00:00.000+08:00 (pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
                  "[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$), got "
                  "\"2021-08-06 17:37:58\""},
            Said("task-list-response", TaskList([](auto& t, auto&) {
                   t["startTime"].SetString("2021-08-06 17:37:58");
                 })));
  EXPECT_EQ(
      Lines{"/traceId: expected a string matching ^([0-9a-f]{16})?$, got \"XYZ\""},
      Said("task-list-response", TaskList([](auto&, auto& d) { d["traceId"].SetString("XYZ"); })));
}

TEST(ViolationWordsTest, AValueOfSeveralFormsNamesThemAll) {
  const Lines expected = {
      "/error/code: expected a string matching ^[A-Z]{3}[0-9]{5}$ or 0, got the integer 4001"};
  EXPECT_EQ(expected, Said("error-envelope", ErrorEnvelope("4001")));
  EXPECT_EQ(Lines{"/error/code: expected a string matching ^[A-Z]{3}[0-9]{5}$ or 0, got the "
                  "string \"COM1\""},
            Said("error-envelope", ErrorEnvelope("\"COM1\"")));
  // When one form is of the value's type, that form's own failure is the message.
  EXPECT_EQ(Lines{"/action/delayMs: missing required field \"max\""},
            Said("fault-rule", R"({"action": {"type": "delay", "delayMs": {"min": 1}}})"));
  EXPECT_EQ(Lines{"/action/delayMs: expected an integer from 0 to 60000 or an object, got the "
                  "integer 70000"},
            Said("fault-rule", R"({"action": {"type": "delay", "delayMs": 70000}})"));
}

TEST(ViolationWordsTest, AForbiddenFieldAndRepeatedItemsAreNamed) {
  EXPECT_EQ(Lines{"/: field \"error\" is not allowed here"},
            Said("task-list-response", TaskList([](auto&, auto& d) {
                   rapidjson::Value error(rapidjson::kObjectType);
                   error.AddMember("code", 0, d.GetAllocator());
                   error.AddMember("message", "x", d.GetAllocator());
                   d.AddMember("error", error, d.GetAllocator());
                 })));
  EXPECT_EQ(Lines{"/ocpVersions: expected unique items, but items 0 and 1 are the same: "
                  "\"4.2.2\""},
            Said("fixture-file", R"({"format": "ocp-mock-fixtures/1",
                                     "ocpVersions": ["4.2.2", "4.2.2"], "tasks": []})"));
}

// What the bundled schemas do not use, in a schema of its own.
TEST(ViolationWordsTest, AConstantAFormatAndAnExclusiveBoundAreSaid) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("ocpmock-words-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "kind.schema.json") << R"({"properties": {
      "kind": {"const": "A"},
      "at": {"type": "string", "format": "date-time"},
      "share": {"type": "number", "exclusiveMinimum": 0}}})";
  auto schemas = SchemaSet::Load(dir);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(schemas.ok()) << schemas.status().message();
  EXPECT_EQ(Lines{"/kind: expected \"A\", got \"B\""},
            Said(schemas.value(), "kind", R"({"kind": "B"})"));
  EXPECT_EQ(Lines{"/at: expected a string in format \"date-time\", got \"soon\""},
            Said(schemas.value(), "kind", R"({"at": "soon"})"));
  EXPECT_EQ(Lines{"/share: expected more than 0, got 0"},
            Said(schemas.value(), "kind", R"({"share": 0})"));
}

TEST(ViolationWordsTest, TheFixtureLoaderSaysTheSameWithTheFileAndSchema) {
  auto doc = ParseAndValidate(R"({"format": "ocp-mock-fixtures/1", "tasks": [{"task": 5}]})",
                              "a.json", "fixture-file", testdata::BundledSchemas());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(
      "a.json: /tasks/0/task: expected an object, got the integer 5 "
      "(fixture-file.schema.json)",
      doc.status().message());
}

TEST(ViolationWordsTest, TheClosestNameIsOnlySuggestedWhenClose) {
  const std::vector<std::string> names = {"startTime", "finishTime", "status"};
  EXPECT_EQ("finishTime", ClosestName("finsihTime", names));  // two letters swapped
  EXPECT_EQ("finishTime", ClosestName("FinishTime", names));  // case
  EXPECT_EQ("status", ClosestName("staus", names));           // one letter left out
  EXPECT_EQ(std::nullopt, ClosestName("colour", names));
  EXPECT_EQ(std::nullopt, ClosestName("id", {"ip"}));  // too short to tell a typo
}

}  // namespace
}  // namespace mock::json
