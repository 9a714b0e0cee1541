// ocp-compat's parts that need no server: schema outlines, and how reports are written.
#include "tools/compat/schema_outline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"
#include "tools/compat/report.h"

namespace compat {
namespace {

using testing::Contains;
using testing::Field;
using testing::HasSubstr;
using testing::Not;

Outline Of(const std::string& version, const std::string& schema) {
  auto p = mock::versions::LoadProfile(mock::testdata::SchemasDir(), version);
  if (!p.ok()) throw std::runtime_error(p.status().message());
  auto o = OutlineOf(p.value().schema_dirs, schema);
  if (!o.ok()) throw std::runtime_error(o.status().message());
  return std::move(o).value();
}

TEST(SchemaOutline, FlattensRefsAllOfAndItems) {
  Outline o = Of("4.2.2", "task-list-response");
  ASSERT_TRUE(o.count("data.contents[].cluster.type"));
  const auto& type = o.at("data.contents[].cluster.type");
  EXPECT_EQ(type.types, (std::set<std::string>{"string"}));
  EXPECT_EQ(*type.values, (std::set<std::string>{"\"PRIMARY\"", "\"STANDBY\""}));
  EXPECT_TRUE(type.required);
  EXPECT_TRUE(o.at("data.page.totalPages").required);
  EXPECT_FALSE(o.at("data.contents[].tenant").required);
  EXPECT_EQ(o.at("status").types, (std::set<std::string>{"integer"}));
}

TEST(SchemaOutline, DiffNamesWhatAClientNotices) {
  auto to420 = DiffOutlines(Of("4.2.1", "task-list-response"), Of("4.2.0", "task-list-response"));
  EXPECT_THAT(to420, Contains(AllOf(Field(&Change::path, "data.contents[].cluster.type"),
                                    Field(&Change::what, "enum values removed: \"STANDBY\""))));
  EXPECT_THAT(to420, Contains(AllOf(Field(&Change::path, "data.contents[].tenant.mode"),
                                    Field(&Change::what, "enum values removed: \"ORACLE\""))));
  EXPECT_EQ(2u, to420.size());
  auto to422 = DiffOutlines(Of("4.2.1", "error-envelope"), Of("4.2.2", "error-envelope"));
  ASSERT_EQ(1u, to422.size());
  EXPECT_EQ("error.code", to422[0].path);
  // What 4.2.2 really allows: a string or the integer 0, not any integer.
  EXPECT_EQ("type integer -> string or integer 0", to422[0].what);
  EXPECT_TRUE(DiffOutlines(Of("4.0.3", "task-detail-response"), Of("4.2.1", "task-detail-response"))
                  .empty());
}

TEST(SchemaOutline, DiffReportsAddedRemovedAndRequired) {
  Outline a{{"x", {{"string"}, std::nullopt, true, {}}},
            {"y", {{"integer"}, std::nullopt, false, {}}}};
  Outline b{{"x", {{"string"}, std::nullopt, false, {}}}, {"z", {{}, std::nullopt, false, {}}}};
  auto d = DiffOutlines(a, b);
  ASSERT_EQ(3u, d.size());
  EXPECT_EQ("now optional", d[0].what);
  EXPECT_THAT(d[1].what, HasSubstr("removed (was optional, integer)"));
  EXPECT_EQ("added (optional, any type)", d[2].what);
}

TEST(SchemaOutline, WithinTellsNarrowerContracts) {
  const auto o420 = Of("4.2.0", "task-list-response");
  const auto o421 = Of("4.2.1", "task-list-response");
  EXPECT_TRUE(WithinOutline(o420, o421));
  EXPECT_FALSE(WithinOutline(o421, o420));
  EXPECT_TRUE(WithinOutline(o421, o421));
  EXPECT_FALSE(WithinOutline(Of("4.2.2", "error-envelope"), Of("4.2.1", "error-envelope")));
  EXPECT_FALSE(WithinOutline(Of("4.2.1", "error-envelope"), Of("4.2.2", "error-envelope")))
      << "4.2.1's codes (1001...) are integers 4.2.2's oneOf does not take";
}

TEST(SchemaOutline, MissingSchemaIsAnError) {
  auto o = OutlineOf({mock::testdata::SchemasDir()}, "no-such");
  ASSERT_FALSE(o.ok());
  EXPECT_THAT(o.status().message(), HasSubstr("no-such.schema.json"));
}

// Two versions, alike but for one failure of 4.2.2's; the same observation in both.
Report TwoVersions(bool met) {
  std::vector<Outcome> a(kChecks.size(), Outcome{Verdict::kPass, ""});
  a[CheckNamed("list")] = {Verdict::kObserved, "differs from ocp-mock [mock: x] GET /l"};
  std::vector<Outcome> b = a;
  b[CheckNamed("unknown-task")] = {Verdict::kFail, "GET /u: error.code 4001"};
  Report r;
  r.base_url = "http://ocp";
  r.versions = {{"4.2.1", a}, {"4.2.2", b}};
  if (met) r.compatible = r.best = {"4.2.1"};
  return r;
}

// An observation, or a failure, that is the same in several versions is listed once, with them.
TEST(CompatReport, ListsEachObservationOnceAcrossVersions) {
  const std::string text = TextReport(TwoVersions(true));
  EXPECT_THAT(text, HasSubstr("\n  4.2.1, 4.2.2 list: differs from ocp-mock [mock: x] GET /l\n"));
  EXPECT_EQ(text.find("list: differs"), text.rfind("list: differs")) << text;
  EXPECT_THAT(text, HasSubstr("\n  4.2.2 unknown-task: GET /u: error.code 4001\n"));
}

// A run that exits 0 has no JUnit failures: a version the server does not meet is a verdict (a
// property of its suite) and its failing checks are skipped with the reason. A run that exits 1
// keeps them as failures.
TEST(CompatReport, JUnitCountsNoFailureWhenTheRunSucceeds) {
  const std::string head = "<testsuites name=\"ocp-compat\" tests=\"" +
                           std::to_string(2 * kChecks.size()) + "\" failures=";
  const std::string met = JUnitXml(TwoVersions(true));
  EXPECT_THAT(met, HasSubstr(head + "\"0\""));
  EXPECT_THAT(met, HasSubstr("<property name=\"verdict\" value=\"met\"/>"));
  EXPECT_THAT(met, HasSubstr("<property name=\"verdict\" value=\"not met\"/>"));
  EXPECT_THAT(met, HasSubstr("<skipped message=\"OCP 4.2.2 not met (the server meets 4.2.1): "
                             "GET /u: error.code 4001\"/>"));
  EXPECT_THAT(met, Not(HasSubstr("<failure")));
  const std::string none = JUnitXml(TwoVersions(false));
  EXPECT_THAT(none, HasSubstr(head + "\"1\""));
  EXPECT_THAT(none, HasSubstr("<failure message=\"GET /u: error.code 4001\">"));
}

}  // namespace
}  // namespace compat
