#include "mock/json/schema_set.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

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

// A syntax error's place: lines counted from 1, columns in bytes from 1, the offset past the text
// taken as its end.
TEST(SchemaSetTest, LineColumnCountsLinesAndBytesFromOne) {
  EXPECT_EQ("line 1, column 1", LineColumn("", 0));
  EXPECT_EQ("line 1, column 4", LineColumn("abc", 3));
  EXPECT_EQ("line 2, column 1", LineColumn("ab\ncd", 3));
  EXPECT_EQ("line 3, column 3", LineColumn("a\n\nxyz", 5));
  EXPECT_EQ("line 2, column 4", LineColumn("a\nxyz", 99));
  auto bad = ParseJson("{\n  \"a\": 1,\n  }");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(0u, bad.status().message().rfind("line 3, column 3: ", 0)) << bad.status().message();
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

// ---- QuickCheck (RapidJSON's validator) must agree with Validate (Valijson's) ----

// Every way of breaking `doc` one value at a time: each value replaced by each wrong kind,
// each member removed, an unknown member added to each object.
void Mutations(rapidjson::Document& doc, rapidjson::Value& node,
               const std::function<void()>& check) {
  if (node.IsObject()) {
    for (auto& m : node.GetObject()) Mutations(doc, m.value, check);
    for (rapidjson::SizeType i = 0; i < node.MemberCount(); ++i) {
      rapidjson::Value name(node.MemberBegin()[i].name, doc.GetAllocator());
      rapidjson::Value value(node.MemberBegin()[i].value, doc.GetAllocator());
      node.RemoveMember(name);
      check();
      node.AddMember(name, value, doc.GetAllocator());
    }
    node.AddMember("zzUnknown", 1, doc.GetAllocator());
    check();
    node.RemoveMember("zzUnknown");
  } else if (node.IsArray()) {
    for (auto& item : node.GetArray()) Mutations(doc, item, check);
    if (!node.Empty()) {  // a duplicate item, for uniqueItems
      rapidjson::Value copy(node[0], doc.GetAllocator());
      node.PushBack(copy, doc.GetAllocator());
      check();
      node.PopBack();
    }
  }
  rapidjson::Value saved(node, doc.GetAllocator());
  const char* texts[] = {"", "x", "RUNNING", "2024-03-01T9:00:00+08:00"};
  for (int kind = 0; kind < 9; ++kind) {
    switch (kind) {
      case 0:
        node.SetNull();
        break;
      case 1:
        node.SetBool(true);
        break;
      case 2:
        node.SetInt(-1);
        break;
      case 3:
        node.SetDouble(1.5);
        break;
      case 4:
        node.SetObject();
        break;
      case 5:
        node.SetArray();
        break;
      default:
        node.SetString(rapidjson::StringRef(texts[kind - 6]));
        break;
    }
    check();
  }
  node.CopyFrom(saved, doc.GetAllocator());
}

// How many mutations of a document were checked, and how many of them the schema refused.
struct Agreement {
  size_t checked = 0;
  size_t rejected = 0;
};

// Checks QuickCheck's verdict against Validate's on `d` as it is and on every mutation of it;
// a failure names `what`.
void ExpectAgreementOnEveryMutation(rapidjson::Document& d, const char* schema,
                                    const std::string& what, Agreement& counts) {
  ASSERT_FALSE(Schemas().QuickCheck(schema, d)) << what;
  ASSERT_TRUE(Schemas().Validate(schema, d).empty()) << what;
  Mutations(d, d, [&] {
    const auto quick = Schemas().QuickCheck(schema, d);
    const auto full = Schemas().Validate(schema, d);
    ++counts.checked;
    counts.rejected += quick.has_value();
    ASSERT_EQ(quick.has_value(), !full.empty())
        << what << ": QuickCheck says " << quick.value_or("valid") << ", Validate says "
        << (full.empty() ? "valid" : Describe(full));
  });
}

TEST(SchemaSetTest, QuickCheckAgreesWithValidateOnEveryMutationOfTheFixturesAndSamples) {
  const std::pair<std::filesystem::path, const char*> documents[] = {
      {testdata::FixturesDir() / "tasks" / "00-documented-samples.json", "fixture-file"},
      {testdata::FixturesDir() / "tasks" / "20-scenarios.json", "fixture-file"},
      {testdata::SamplesDir() / "query-tasks-4.2.2.json", "task-list-response"},
      {testdata::SamplesDir() / "task-detail-4.2.2.json", "task-detail-response"},
      {testdata::SamplesDir() / "throttled-429-4.2.2.json", "error-envelope"},
      {testdata::FixturesDir() / "users.json", "users-file"},
  };
  Agreement counts;
  for (const auto& [path, schema] : documents) {
    auto doc = ParseJson(ReadFile(path).value());
    ASSERT_TRUE(doc.ok()) << path;
    ExpectAgreementOnEveryMutation(doc.value(), schema, path.string(), counts);
    if (HasFatalFailure()) return;
  }
  // Most mutations break the document; some (a null where null is allowed) do not.
  EXPECT_GT(counts.checked, 2000u);
  EXPECT_GT(counts.rejected, counts.checked / 2);
}

// The same over a set tools/gen-fixtures generated (ctest quick_check_generated names its folder
// in OCPMOCK_GENERATED_FIXTURES; without it the test is skipped): each file's verdict as it is,
// then every mutation of three of the first file's tasks (its first, middle and last).
TEST(SchemaSetTest, QuickCheckAgreesWithValidateOnAGeneratedSet) {
  const char* dir = std::getenv("OCPMOCK_GENERATED_FIXTURES");
  if (dir == nullptr) GTEST_SKIP() << "OCPMOCK_GENERATED_FIXTURES names no generated set";
  const auto files = JsonFilesIn(std::filesystem::path(dir) / "tasks");
  ASSERT_FALSE(files.empty()) << dir;
  for (const auto& file : files) {
    auto whole = ParseJson(ReadFile(file).value());
    ASSERT_TRUE(whole.ok()) << file;
    EXPECT_FALSE(Schemas().QuickCheck("fixture-file", whole.value())) << file;
    EXPECT_TRUE(Schemas().Validate("fixture-file", whole.value()).empty()) << file;
  }
  auto doc = ParseJson(ReadFile(files.front()).value());
  ASSERT_TRUE(doc.ok());
  rapidjson::Document& d = doc.value();
  rapidjson::Value& tasks = d["tasks"];
  ASSERT_GE(tasks.Size(), 3u);
  rapidjson::Value three(rapidjson::kArrayType);
  for (const rapidjson::SizeType i : {0u, tasks.Size() / 2, tasks.Size() - 1}) {
    rapidjson::Value copy(tasks[i], d.GetAllocator());
    three.PushBack(copy, d.GetAllocator());
  }
  tasks = three;
  Agreement counts;
  ExpectAgreementOnEveryMutation(d, "fixture-file", files.front().string(), counts);
  EXPECT_GT(counts.checked, 500u);
  EXPECT_GT(counts.rejected, counts.checked / 2);
}

TEST(JsonTest, ParseJsonInPlaceAgreesWithParseJson) {
  for (const std::string& text :
       {std::string(R"({"a": "x\ny", "b": [1, 2.5, null]})"), std::string(R"({"a": 1} trailing)"),
        std::string("{\"a\": \"\xff\"}"), std::string("{\"a\": 1}\0{\"b\": 2}", 17),
        std::string(""), std::string("[1, 2")}) {
    const bool valid = ParseJson(text).ok();
    std::string copy = text;
    auto doc = ParseJsonInPlace(copy);
    EXPECT_EQ(valid, doc.has_value()) << text;
    if (doc && valid) {
      EXPECT_EQ(std::string("x\ny"), (*doc)["a"].GetString());
    }
  }
}

// ASCII texts skip RapidJSON's encoding check (json.cc); the rest still have it.
TEST(JsonTest, InvalidUtf8IsRefusedAndValidUtf8Kept) {
  for (const std::string& text :
       {std::string("{\"a\": \"\xff\"}"), std::string("{\"a\": \"\xc3\"}"),
        std::string("{\"a\": \"\xed\xa0\x80\"}"), std::string("[\"\xc3\xa9\", \"\x80\"]")}) {
    EXPECT_FALSE(ParseJson(text).ok()) << text;
    std::string copy = text;
    EXPECT_FALSE(ParseJsonInPlace(copy).has_value()) << text;
  }
  auto doc = ParseJson("{\"a\": \"caf\xc3\xa9\", \"b\": \"\\u00e9\"}");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(std::string("caf\xc3\xa9"), doc.value()["a"].GetString());
  EXPECT_EQ(std::string("\xc3\xa9"), doc.value()["b"].GetString());
}

}  // namespace
}  // namespace mock::json
