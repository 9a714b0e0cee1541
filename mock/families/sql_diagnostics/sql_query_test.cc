// The SQL routes' parameters (sql_query.h): the required range and its refusals, the search
// triple, filterExpression's subset and what it refuses, each naming the parameter.
#include "mock/families/sql_diagnostics/sql_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/json/utf8.h"
#include "mock/ocp/error_kinds.h"

namespace mock::families::sql_diagnostics {
namespace {

using ::testing::HasSubstr;

QueryParams SqlParams(std::initializer_list<std::pair<const char*, const char*>> given) {
  QueryParams p;
  for (const auto& [k, v] : given) p.emplace(k, v);
  return p;
}

const std::pair<const char*, const char*> kFrom{"startTime", "2036-12-05T11:00:00Z"};
const std::pair<const char*, const char*> kTo{"endTime", "2036-12-05T12:00:00+00:00"};

TEST(SqlQueryTest, TheRangeIsRequiredAndReadAsIso8601) {
  auto r = BindRange(SqlParams({kFrom, kTo}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(3'600, r.value().end_s - r.value().start_s);
  auto missing = BindRange(SqlParams({kTo}));
  EXPECT_EQ(ocp::ErrorKind::kInvalidParameter, ocp::KindOf(missing.status()));
  EXPECT_THAT(missing.status().message(), HasSubstr("startTime is required"));
  auto bad = BindRange(SqlParams({kFrom, {"endTime", "2036-12-05 12:00"}}));
  EXPECT_THAT(bad.status().message(), HasSubstr("endTime: '2036-12-05 12:00' is not a Datetime"));
}

TEST(SqlQueryTest, AnEndBeforeTheStartOrOver31DaysIsTimeRangeInvalid) {
  auto backwards = BindRange(SqlParams({{"startTime", "2036-12-05T12:00:01Z"}, kTo}));
  EXPECT_EQ(ocp::ErrorKind::kTimeRangeInvalid, ocp::KindOf(backwards.status()));
  auto long_range = BindRange(SqlParams({{"startTime", "2036-11-04T11:59:59Z"}, kTo}));
  EXPECT_EQ(ocp::ErrorKind::kTimeRangeInvalid, ocp::KindOf(long_range.status()));
  EXPECT_TRUE(BindRange(SqlParams({{"startTime", "2036-11-04T12:00:00Z"}, kTo})).ok());
}

TEST(SqlQueryTest, TheSearchTripleComesWhole) {
  auto q = BindSqlQuery(
      SqlParams(
          {kFrom, kTo, {"searchAttr", "executions"}, {"searchOp", "ge"}, {"searchVal", "500"}}),
      SqlList::kTop);
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(1u, q.value().conditions.size());
  EXPECT_EQ(kExecutions, q.value().conditions[0].field);
  EXPECT_EQ(CompareOp::kGe, q.value().conditions[0].op);
  auto partial = BindSqlQuery(SqlParams({kFrom, kTo, {"searchAttr", "executions"}}), SqlList::kTop);
  EXPECT_THAT(partial.status().message(), HasSubstr("searchOp is required"));
  auto field = BindSqlQuery(
      SqlParams({kFrom, kTo, {"searchAttr", "sqlText"}, {"searchOp", "GT"}, {"searchVal", "1"}}),
      SqlList::kTop);
  EXPECT_THAT(field.status().message(), HasSubstr("searchAttr: 'sqlText' is not a numeric field"));
  auto op = BindSqlQuery(
      SqlParams(
          {kFrom, kTo, {"searchAttr", "executions"}, {"searchOp", "LIKE"}, {"searchVal", "1"}}),
      SqlList::kTop);
  EXPECT_THAT(op.status().message(), HasSubstr("searchOp: 'LIKE'"));
}

TEST(SqlQueryTest, FilterExpressionReadsItsSubset) {
  auto c = ParseFilterExpression("@avgElapsedTime>=1000 and @executions != 2 && @failCount<1");
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(3u, c.value().size());
  EXPECT_EQ(kAvgElapsedTime, c.value()[0].field);
  EXPECT_EQ(CompareOp::kGe, c.value()[0].op);
  EXPECT_EQ(1000, c.value()[0].value);
  EXPECT_EQ(CompareOp::kNe, c.value()[1].op);
  EXPECT_EQ(CompareOp::kLt, c.value()[2].op);
  EXPECT_TRUE(c.value()[0].Holds(1000));
  EXPECT_FALSE(c.value()[0].Holds(999.99));
}

class FilterRefusal : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(FilterRefusal, NamesFilterExpressionAndWhatItRefused) {
  auto c = ParseFilterExpression(GetParam().first);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(ocp::ErrorKind::kInvalidParameter, ocp::KindOf(c.status()));
  EXPECT_THAT(c.status().message(), HasSubstr("filterExpression"));
  EXPECT_THAT(c.status().message(), HasSubstr(GetParam().second));
}

INSTANTIATE_TEST_SUITE_P(
    Unsupported, FilterRefusal,
    ::testing::Values(std::pair{"@executions > 1 or @failCount > 0", "'or'"},
                      std::pair{"(@executions > 1)", "'('"},
                      std::pair{"@dbName = 'trade'", "'dbName' is not a numeric field"},
                      std::pair{"@executions > 'many'", "''many'' is not a number"},
                      std::pair{"@nothing > 1", "'nothing' is not a numeric field"},
                      std::pair{"executions > 1", "'executions' is not a field written @name"},
                      std::pair{"@executions ~ 1", "'~'"},
                      std::pair{"@executions > 1 and", "ends the expression"}),
    [](const auto& param_info) { return "Case" + std::to_string(param_info.index); });

TEST(SqlQueryTest, LimitAndTextLengthAreBounded) {
  auto q =
      BindSqlQuery(SqlParams({kFrom, kTo, {"limit", "3"}, {"sqlTextLength", "7"}}), SqlList::kSlow);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(3, q.value().limit);
  EXPECT_EQ(7u, q.value().text_length);
  auto zero = BindSqlQuery(SqlParams({kFrom, kTo, {"limit", "0"}}), SqlList::kSlow);
  EXPECT_THAT(zero.status().message(), HasSubstr("limit: 0 is not from 1 to 10000"));
  auto big = BindSqlQuery(SqlParams({kFrom, kTo, {"sqlTextLength", "70000"}}), SqlList::kTop);
  EXPECT_THAT(big.status().message(), HasSubstr("sqlTextLength"));
  auto inner = BindSqlQuery(SqlParams({kFrom, kTo, {"inner", "maybe"}}), SqlList::kTop);
  EXPECT_EQ(ocp::ErrorKind::kInvalidParameter, ocp::KindOf(inner.status()));
  EXPECT_THAT(inner.status().message(), HasSubstr("'maybe' is not a Boolean"));
}

// A value of 64 bytes or more is quoted cut to a character, never inside one, so that the
// answer stays UTF-8 (the diagnosis fuzzer found one that did not, 2026-12-05).
TEST(SqlQueryTest, ALongValueIsQuotedCutOnACharacterBoundary) {
  const std::string value = std::string(63, 'a') + "\xC3\xA9" + "zzz";  // U+00E9 at bytes 63-64
  const std::vector<QueryParams> refused = {
      SqlParams({{"startTime", value.c_str()}, kTo}),
      SqlParams(
          {kFrom, kTo, {"searchAttr", value.c_str()}, {"searchOp", "GT"}, {"searchVal", "1"}}),
      SqlParams({kFrom,
                 kTo,
                 {"searchAttr", "executions"},
                 {"searchOp", value.c_str()},
                 {"searchVal", "1"}}),
      SqlParams({kFrom,
                 kTo,
                 {"searchAttr", "executions"},
                 {"searchOp", "GT"},
                 {"searchVal", value.c_str()}}),
      SqlParams({kFrom, kTo, {"filterExpression", value.c_str()}}),
  };
  for (const QueryParams& params : refused) {
    const auto q =
        BindSqlQuery(params, params.count("filterExpression") ? SqlList::kSlow : SqlList::kTop);
    ASSERT_FALSE(q.ok());
    EXPECT_TRUE(json::IsValidUtf8(q.status().message())) << q.status().message();
    EXPECT_THAT(q.status().message(), HasSubstr(std::string(63, 'a') + "..."));
  }
}

}  // namespace
}  // namespace mock::families::sql_diagnostics
