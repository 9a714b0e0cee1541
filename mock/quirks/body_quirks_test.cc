// The body rewrites of --quirks, on envelopes written by hand.
#include "mock/quirks/body_quirks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "mock/json/json.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

std::string Page(const std::string& rows) {
  return R"({"data":{"contents":[)" + rows + R"(],"page":{"number":1}},"successful":true})";
}

std::string Row(int64_t id, const char* status, const char* start = nullptr) {
  std::string row = R"({"id":)" + std::to_string(id) + R"(,"status":")" + status + "\"";
  if (start != nullptr) row += R"(,"startTime":")" + std::string(start) + "\"";
  return row + "}";
}

std::vector<int64_t> Ids(const std::string& body) {
  auto doc = json::ParseJson(body).value();
  std::vector<int64_t> ids;
  for (const auto& row : doc["data"]["contents"].GetArray()) ids.push_back(row["id"].GetInt64());
  return ids;
}

TEST(BodyQuirksTest, TiesComeInStorageOrderWithinThePage) {
  const std::string page =
      Page(Row(9, "FAILED") + "," + Row(5, "FAILED") + "," + Row(3, "FAILED") + "," +
           Row(8, "RUNNING") + "," + Row(2, "RUNNING") + "," + Row(7, "SUCCESSFUL"));
  Quirks q;
  q.tie_order = true;
  EXPECT_EQ((std::vector<int64_t>{3, 5, 9, 2, 8, 7}),
            Ids(ApplyBodyQuirks(q, {.sort_fields = {"status"}, .answer_seed = 0}, page)));
  EXPECT_EQ((std::vector<int64_t>{9, 5, 3, 8, 2, 7}), Ids(ApplyBodyQuirks(q, {}, page)))
      << "no sort asked (id): no ties";
  EXPECT_EQ((std::vector<int64_t>{9, 5, 3, 8, 2, 7}),
            Ids(ApplyBodyQuirks(q, {.sort_fields = {"status", "id"}, .answer_seed = 0}, page)))
      << "a unique key in the sort leaves no ties";
  const std::string times = Page(Row(4, "FAILED") + "," + Row(3, "FAILED", "t1") + "," +
                                 Row(2, "FAILED") + "," + Row(1, "FAILED", "t1"));
  EXPECT_EQ((std::vector<int64_t>{4, 3, 2, 1}),
            Ids(ApplyBodyQuirks(q, {.sort_fields = {"startTime"}, .answer_seed = 0}, times)))
      << "only neighbours are ties: the page is in the server's order";
  const std::string nulls = Page(Row(4, "FAILED") + "," + Row(2, "FAILED") + "," +
                                 Row(3, "FAILED", "t1") + "," + Row(1, "FAILED", "t1"));
  EXPECT_EQ((std::vector<int64_t>{2, 4, 1, 3}),
            Ids(ApplyBodyQuirks(q, {.sort_fields = {"startTime"}, .answer_seed = 0}, nulls)))
      << "missing keys tie with each other";
}

TEST(BodyQuirksTest, SubtasksComeInAnotherOrderEachTimeButAllOfThem) {
  const std::string task =
      R"({"data":{"id":1,"creator":{"id":1},"subtasks":[{"id":1},{"id":2},{"id":3},{"id":4}]}})";
  Quirks q;
  q.subtask_order = true;
  std::set<std::string> orders;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    auto doc =
        json::ParseJson(ApplyBodyQuirks(q, {.sort_fields = {}, .answer_seed = seed}, task)).value();
    std::string order;
    std::set<int64_t> ids;
    for (const auto& s : doc["data"]["subtasks"].GetArray()) {
      order += std::to_string(s["id"].GetInt64());
      ids.insert(s["id"].GetInt64());
    }
    EXPECT_NE("1234", order) << "seed " << seed;
    EXPECT_EQ((std::set<int64_t>{1, 2, 3, 4}), ids);
    orders.insert(order);
  }
  EXPECT_GT(orders.size(), 5u) << "the order changes from answer to answer";
}

TEST(BodyQuirksTest, IntegersBeyondTwoToThe53AreStrings) {
  const std::string body =
      R"({"data":{"id":9007199254740992,"small":9007199254740991,"neg":-9007199254740993,)"
      R"("huge":18446744073709551615,"ratio":0.5,"list":[9007199254740993]}})";
  Quirks q;
  q.big_ids_as_strings = true;
  const std::string out = ApplyBodyQuirks(q, {}, body);
  EXPECT_THAT(out, HasSubstr(R"("id":"9007199254740992")"));
  EXPECT_THAT(out, HasSubstr(R"("small":9007199254740991)"));
  EXPECT_THAT(out, HasSubstr(R"("neg":"-9007199254740993")"));
  EXPECT_THAT(out, HasSubstr(R"("huge":"18446744073709551615")"));
  EXPECT_THAT(out, HasSubstr(R"("ratio":0.5)"));
  EXPECT_THAT(out, HasSubstr(R"("list":["9007199254740993"])"));
}

TEST(BodyQuirksTest, AnythingButASuccessEnvelopeIsLeftAlone) {
  Quirks q = ParseQuirks("all").value();
  for (const std::string& body :
       {std::string("not json"), std::string(R"({"error":{"code":1}})"), std::string("[1,2]")}) {
    EXPECT_EQ(body, ApplyBodyQuirks(q, {}, body));
  }
}

}  // namespace
}  // namespace mock::api
