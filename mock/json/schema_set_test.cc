#include "mock/json/schema_set.h"

#include <gtest/gtest.h>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"

namespace mock::json {
namespace {

const SchemaSet& Schemas() { return mock::testdata::BundledSchemas(); }

std::string Sample(const char* name) { return ReadFile(testdata::SamplesDir() / name).value(); }

TEST(SchemaSetTest, LoadsEverySchema) {
  for (const char* name :
       {"common", "cluster", "tenant", "creator", "basic-subtask-instance", "basic-task-instance",
        "page", "envelope", "error", "error-envelope", "task-list-response", "fixture-file"}) {
    EXPECT_TRUE(Schemas().Has(name)) << name;
  }
}

TEST(SchemaSetTest, DocumentedTaskListSampleValidatesVerbatim) {
  auto v = Schemas().ValidateText("task-list-response", Sample("query-tasks-4.2.2.json"));
  EXPECT_TRUE(v.empty()) << Describe(v);
}

// Every documented sample of the task operations validates verbatim against its schema.
TEST(SchemaSetTest, DocumentedOperationSamplesValidateVerbatim) {
  for (auto [sample, schema] : {std::pair{"task-detail-4.2.2.json", "task-detail-response"},
                                std::pair{"retry-task-4.2.2.json", "task-detail-response"},
                                std::pair{"subtask-log-4.2.2.json", "subtask-log-response"},
                                std::pair{"skip-subtask-4.2.2.json", "no-data-response"}}) {
    auto v = Schemas().ValidateText(schema, Sample(sample));
    EXPECT_TRUE(v.empty()) << sample << ": " << Describe(v);
  }
}

// The docs' "Retry a subtask" sample is not valid JSON (subtask-response.schema.json says so);
// its intended shape, data = the subtask, validates.
TEST(SchemaSetTest, RetrySubtaskSampleIsInvalidJsonButItsIntendedShapeValidates) {
  const std::string text = Sample("retry-subtask-4.2.2.invalid.txt");
  EXPECT_FALSE(ParseJson(text).ok());
  const std::string subtask = "{" +
                              text.substr(text.find("\"createTime\""),
                                          text.find("]\n  },") + 1 - text.find("\"createTime\"")) +
                              "}";
  auto detail = ParseJson(Sample("task-detail-4.2.2.json"));
  auto parsed = ParseJson(subtask);
  ASSERT_TRUE(parsed.ok()) << subtask;
  rapidjson::Document& d = detail.value();
  d["data"].CopyFrom(parsed.value(), d.GetAllocator());
  auto v = Schemas().Validate("subtask-response", d);
  EXPECT_TRUE(v.empty()) << Describe(v);
}

TEST(SchemaSetTest, DocumentedThrottlingSampleIsAValidErrorEnvelope) {
  auto v = Schemas().ValidateText("error-envelope", Sample("throttled-429-4.2.2.json"));
  EXPECT_TRUE(v.empty()) << Describe(v);
}

// Takes the verbatim sample, applies `mutate`, and returns the violations.
std::vector<Violation> MutatedListSample(const std::function<void(rapidjson::Document&)>& mutate) {
  auto doc = ParseJson(Sample("query-tasks-4.2.2.json"));
  mutate(doc.value());
  return Schemas().Validate("task-list-response", doc.value());
}

TEST(SchemaSetTest, ViolationsNameTheOffendingValue) {
  auto v = MutatedListSample(
      [](rapidjson::Document& d) { d["data"]["contents"][1]["status"].SetInt(1); });
  ASSERT_FALSE(v.empty());
  EXPECT_EQ("/data/contents/1/status", v.front().path);
}

TEST(SchemaSetTest, RefusesWhatTheDocsDoNotAllow) {
  using Mutation = std::function<void(rapidjson::Document&)>;
  std::vector<std::pair<const char*, Mutation>> cases = {
      {"totalPage spelling", [](auto& d) { d["data"]["page"].RemoveMember("totalPages"); }},
      {"extra task field",
       [](auto& d) { d["data"]["contents"][0].AddMember("type", "MANUAL", d.GetAllocator()); }},
      {"unknown subtask status",
       [](auto& d) { d["data"]["contents"][0]["subtasks"][0]["status"].SetString("DONE"); }},
      {"tenant mode", [](auto& d) { d["data"]["contents"][0]["tenant"]["mode"].SetString("PG"); }},
      {"timestamp without offset",
       [](auto& d) { d["data"]["contents"][0]["startTime"].SetString("2021-08-06T17:37:58"); }},
      {"trace id", [](auto& d) { d["traceId"].SetString("XYZ"); }},
      {"page zero", [](auto& d) { d["data"]["page"]["number"].SetInt(0); }},
      {"error on success",
       [](auto& d) {
         d.AddMember("error", rapidjson::Value(rapidjson::kObjectType), d.GetAllocator());
       }},
  };
  for (const auto& [what, mutate] : cases) {
    EXPECT_FALSE(MutatedListSample(mutate).empty()) << what;
  }
}

TEST(SchemaSetTest, TextThatIsNotJsonIsAViolationAtTheRoot) {
  auto v = Schemas().ValidateText("envelope", "{\"a\":");
  ASSERT_EQ(1u, v.size());
  EXPECT_EQ("", v.front().path);
}

TEST(SchemaSetTest, MissingFolderIsAnError) {
  EXPECT_FALSE(SchemaSet::Load("/nonexistent/schemas").ok());
}

}  // namespace
}  // namespace mock::json
