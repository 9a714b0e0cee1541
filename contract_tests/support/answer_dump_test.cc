#include "contract_tests/support/answer_dump.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "mock/json/json.h"

namespace contract {
namespace {

namespace fs = std::filesystem;

class AnswerDumpTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() /
            ("ocpmock-answers-" + std::to_string(getpid()) + "-" +
             testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl");
    fs::remove(path_);
  }
  void TearDown() override { fs::remove(path_); }

  // The file's lines, each parsed (a line that is not JSON fails the test).
  std::vector<rapidjson::Document> Lines() const {
    std::ifstream in(path_);
    std::vector<rapidjson::Document> lines;
    for (std::string text; std::getline(in, text);) {
      auto doc = mock::json::ParseJson(text);
      EXPECT_TRUE(doc.ok()) << text;
      if (doc.ok()) lines.push_back(std::move(doc).value());
    }
    return lines;
  }

  fs::path path_;
};

const AnswerOrigin kList{
    .method = "GET", .target = "/api/v2/tasks/instances?size=1", .status = 200};

JudgedAnswer Answer(std::string_view body, size_t violations = 0, std::string_view first = "") {
  return JudgedAnswer{.origin = kList,
                      .schema = "task-list-response",
                      .where = "GET /api/v2/tasks/instances?size=1 (HTTP 200)",
                      .violations = violations,
                      .first = first,
                      .body = body};
}

TEST_F(AnswerDumpTest, AHeaderThenOneLinePerAnswerWithTheBodyAsSent) {
  {
    AnswerDump dump(path_.string(), "4.2.2", {"/s/versions/4.2.2", "/s"});
    dump.Record(Answer("{\n  \"id\": 12345678901234567,\r\n  \"ratio\": 1.0\n}"));
    dump.Record(Answer("{\"status\": \"DONE\"}", 2, "/status: not one of"));
    EXPECT_EQ(2u, dump.answers());
  }
  auto lines = Lines();
  ASSERT_EQ(3u, lines.size());
  EXPECT_EQ("4.2.2", mock::json::GetString(lines[0], "version").value_or(""));
  EXPECT_EQ(2u, lines[0]["schemaDirs"].Size());
  EXPECT_EQ("GET", mock::json::GetString(lines[1], "method").value_or(""));
  EXPECT_EQ("/api/v2/tasks/instances?size=1", mock::json::GetString(lines[1], "path").value_or(""));
  EXPECT_EQ(200, mock::json::GetInt64(lines[1], "status").value_or(0));
  EXPECT_EQ("task-list-response", mock::json::GetString(lines[1], "schema").value_or(""));
  EXPECT_TRUE(mock::json::GetBool(lines[1], "valid").value_or(false));
  // The body is the value sent, numbers as spelt: 1.0 stays a double, the id an exact int64.
  EXPECT_EQ(12345678901234567, mock::json::GetInt64(lines[1]["body"], "id").value_or(0));
  EXPECT_TRUE(lines[1]["body"]["ratio"].IsDouble());
  EXPECT_FALSE(mock::json::GetBool(lines[2], "valid").value_or(true));
  EXPECT_EQ(2, mock::json::GetInt64(lines[2], "violations").value_or(0));
  EXPECT_EQ("/status: not one of", mock::json::GetString(lines[2], "first").value_or(""));
}

TEST_F(AnswerDumpTest, ABodyThatIsNotJsonIsKeptAsTextAndMarked) {
  {
    AnswerDump dump(path_.string(), "4.2.2", {"/s"});
    dump.Record(Answer("<html>" + std::string(500, 'x'), 1, "/: not valid JSON"));
  }
  auto lines = Lines();
  ASSERT_EQ(2u, lines.size());
  EXPECT_EQ(nullptr, mock::json::Find(lines[1], "body"));
  EXPECT_FALSE(mock::json::GetBool(lines[1], "json").value_or(true));
  EXPECT_EQ(200u, mock::json::GetString(lines[1], "text").value_or("").size());
}

TEST_F(AnswerDumpTest, StopsAtItsBoundAndSaysWhere) {
  {
    AnswerDump dump(path_.string(), "4.2.2", {"/s"}, /*max_lines=*/2);
    for (int i = 0; i < 5; ++i) dump.Record(Answer("{}"));
    EXPECT_EQ(2u, dump.answers());
  }
  auto lines = Lines();
  ASSERT_EQ(4u, lines.size());  // the header, two answers, the cut
  EXPECT_TRUE(mock::json::GetBool(lines[3], "cut").value_or(false));
  EXPECT_EQ(2, mock::json::GetInt64(lines[3], "answers").value_or(0));
}

TEST_F(AnswerDumpTest, TheByteBoundCountsTooAndAppendsToWhatIsThere) {
  std::ofstream(path_) << "{\"earlier\":true}\n";
  {
    AnswerDump dump(path_.string(), "4.2.2", {"/s"}, AnswerDump::kMaxLines, /*max_bytes=*/400);
    for (int i = 0; i < 5; ++i) dump.Record(Answer("{\"pad\":\"" + std::string(100, 'p') + "\"}"));
    EXPECT_EQ(1u, dump.answers());
  }
  auto lines = Lines();
  ASSERT_EQ(4u, lines.size());  // the earlier line, the header, one answer, the cut
  EXPECT_TRUE(mock::json::GetBool(lines[0], "earlier").value_or(false));
  EXPECT_TRUE(mock::json::GetBool(lines[3], "cut").value_or(false));
}

TEST_F(AnswerDumpTest, LinesFromManyThreadsNeverInterleave) {
  constexpr int kThreads = 8;
  constexpr int kEach = 200;
  {
    AnswerDump dump(path_.string(), "4.2.2", {"/s"});
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&dump, t] {
        const std::string body = "{\"thread\":" + std::to_string(t) + ",\"pad\":\"" +
                                 std::string(static_cast<size_t>(1000 * t), 'q') + "\"}";
        for (int i = 0; i < kEach; ++i) dump.Record(Answer(body));
      });
    }
    for (auto& thread : threads) thread.join();
  }
  auto lines = Lines();
  ASSERT_EQ(1u + kThreads * kEach, lines.size());
  EXPECT_EQ(1, mock::json::GetInt64(lines[0], "ocpmockAnswers").value_or(0));
  for (size_t i = 1; i < lines.size(); ++i) ASSERT_TRUE(lines[i]["body"].HasMember("thread"));
}

TEST_F(AnswerDumpTest, AFileThatCannotBeOpenedDumpsNothingAndNeverCrashes) {
  AnswerDump dump((path_ / "no" / "such" / "folder").string(), "4.2.2", {"/s"});
  dump.Record(Answer("{}"));
  EXPECT_EQ(0u, dump.answers());
}

}  // namespace
}  // namespace contract
