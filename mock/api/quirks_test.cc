// --quirks: what each quirk changes, and that nothing changes without it.
#include "mock/api/quirks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(QuirksTest, ParsesNamesAndAllAndRefusesUnknownOnes) {
  EXPECT_FALSE(ParseQuirks("").value().extra_fields);
  EXPECT_TRUE(ParseQuirks("extra-fields").value().extra_fields);
  EXPECT_FALSE(ParseQuirks("extra-fields").value().unknown_path_html);
  Quirks all = ParseQuirks("all").value();
  EXPECT_TRUE(all.extra_fields && all.unknown_path_html);
  auto bad = ParseQuirks("extra-fields,tie-ordr");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown quirk 'tie-ordr'; known: extra-fields"));
}

TEST(QuirksTest, ExtraFieldsOnTasksAndSubtasks) {
  testing::TestApi plain;
  testing::TestApi quirky(ApiOptions{.quirks = {.extra_fields = true}});
  for (const char* target : {"/api/v2/tasks/instances", "/api/v2/tasks/instances/7"}) {
    EXPECT_THAT(plain.Send("GET", target).body, Not(HasSubstr("creatorId"))) << target;
    const std::string body = quirky.Send("GET", target).body;
    EXPECT_THAT(body, HasSubstr(R"("taskId":7)")) << target;
    EXPECT_THAT(body, HasSubstr(R"("creatorId":)")) << target;
  }
  EXPECT_THAT(quirky.Send("GET", "/api/v2/tasks/instances?sort=colour").body,
              Not(HasSubstr("creatorId")))
      << "errors are left alone";
}

TEST(QuirksTest, UnknownPathsAnswerHtmlOutsideTheControlPlane) {
  testing::TestApi quirky(ApiOptions{.quirks = {.unknown_path_html = true}});
  http::Response page = quirky.Send("GET", "/api/v2/nothing-here");
  EXPECT_EQ(200, page.status);
  EXPECT_EQ("text/html;charset=UTF-8", page.content_type);
  EXPECT_THAT(page.body, HasSubstr("<!DOCTYPE html>"));
  EXPECT_EQ(404, quirky.Send("GET", "/__mock/nothing-here").status);
  EXPECT_EQ(405, quirky.Send("PUT", "/api/v2/tasks/instances").status) << "known paths as ever";
  EXPECT_EQ(404, testing::TestApi().Send("GET", "/api/v2/nothing-here").status);
}

}  // namespace
}  // namespace mock::api
