// --quirks: what each quirk changes, and that nothing changes without it.
#include "mock/quirks/quirks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_api.h"
#include "mock/quirks/accept_language.h"
#include "mock/quirks/client_ids.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The language quirk's reading of Accept-Language: the highest q first, the first of equals.
TEST(QuirksTest, PreferredLanguageIsTheHighestQFirstOfEquals) {
  EXPECT_EQ("en-us", PreferredLanguage("zh-CN;q=0.8, en_US"));
  EXPECT_EQ("zh-cn", PreferredLanguage("zh-CN, en-US"));
  EXPECT_EQ("en-us", PreferredLanguage(" , ;q=2,\ten-US\t;q=0.5"));
  EXPECT_EQ("", PreferredLanguage(""));
}

TEST(QuirksTest, ParsesNamesAndAllAndRefusesUnknownOnes) {
  EXPECT_EQ("", QuirkNames(ParseQuirks("").value()));
  EXPECT_TRUE(ParseQuirks("extra-fields").value().extra_fields);
  EXPECT_FALSE(ParseQuirks("extra-fields").value().unknown_path_html);
  EXPECT_EQ("language,collation", QuirkNames(ParseQuirks("collation,,language").value()));
  EXPECT_EQ(
      "extra-fields,language,tie-order,collation,unknown-path-html,lenient-query,subtask-order,"
      "big-ids-as-strings,client-ids,zone-rpm-name",
      QuirkNames(ParseQuirks("all").value()));
  EXPECT_TRUE(ParseQuirks("client-ids").value().client_ids);
  EXPECT_FALSE(ParseQuirks("client-ids").value().zone_rpm_name);
  auto bad = ParseQuirks("extra-fields,tie-ordr");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown quirk 'tie-ordr'; known: extra-fields"));
  EXPECT_THAT(bad.status().message(), HasSubstr("zone-rpm-name, all"));
}

// The families write the ids the terraform provider reads through these (client_ids.h); their
// own tests prove each answer. Without the quirk, not a byte is added.
TEST(QuirksTest, ClientIdsAreWrittenOnlyWithTheQuirk) {
  auto write = [](const Quirks& q) {
    rapidjson::StringBuffer buffer;
    json::JsonWriter w(buffer);
    w.StartObject();
    w.Field("cluster", 1);
    WriteClientId(w, q, "clusterId", 22);
    WriteClientIds(w, q, "hostIds", {16, 17});
    w.EndObject();
    return std::string(buffer.GetString());
  };
  EXPECT_EQ(R"({"cluster":1})", write(Quirks{}));
  EXPECT_EQ(R"({"cluster":1})", write(Quirks{.zone_rpm_name = true}));
  EXPECT_EQ(R"({"cluster":1,"clusterId":22,"hostIds":[16,17]})", write(Quirks{.client_ids = true}));
}

// OCP's message files are en_US and zh_CN; any other language falls back to the server's
// default, Chinese. Spring's own validation answers stay English; codes never change.
TEST(QuirksTest, LanguageFollowsAcceptLanguageWithChineseAsTheDefault) {
  testing::TestApi quirky(ApiOptions{.quirks = {.language = true}});
  const std::string target = "/api/v2/tasks/instances/999";
  auto message = [&](const char* language) {
    http::Headers h;
    if (language != nullptr) h.emplace_back("Accept-Language", language);
    return quirky.Send("GET", target, h).body;
  };
  for (const char* chinese :
       {static_cast<const char*>(nullptr), "en", "zh-CN", "en-GB", "zh-CN,en-US;q=0.9", "fr"}) {
    EXPECT_THAT(message(chinese), HasSubstr(R"("message":"任务 999 不存在)"))
        << (chinese != nullptr ? chinese : "(no header)");
  }
  for (const char* english : {"en-US", "en_US", "EN-us", "zh-CN;q=0.5, en-US", "en-US,zh-CN"}) {
    EXPECT_THAT(message(english), HasSubstr(R"("message":"The 999 task does not exist.)"))
        << english;
  }
  EXPECT_THAT(message(nullptr), HasSubstr(R"("code":"TSK10001")"));
  EXPECT_THAT(quirky.Send("GET", "/api/v2/tasks/instances?clusterId=abc").body,
              HasSubstr("The input parameter"))
      << "validation errors stay English";
  EXPECT_THAT(testing::TestApi().Send("GET", target).body, HasSubstr("The 999 task does not exist"))
      << "without the quirk, English whatever the header";
}

TEST(QuirksTest, TheChineseCataloguesFollowEachVersionsTable) {
  ApiOptions old;
  old.ocp_version = "4.0.0";
  old.quirks.language = true;
  testing::TestApi quirky(old);
  EXPECT_THAT(quirky.Send("GET", "/api/v2/tasks/instances/999").body,
              HasSubstr(R"("code":4001,"message":"任务 999 不存在)"));
  EXPECT_THAT(quirky.Send("GET", "/api/v2/tasks/instances?sort=colour").body,
              HasSubstr("不支持的排序字段colour"));
}

TEST(QuirksTest, TiesAndSubtasksAndBigIdsAreRewrittenOnlyWhenAsked) {
  testing::TestApi plain;
  testing::TestApi quirky(ApiOptions{.quirks = {.subtask_order = true}});
  const std::string target = "/api/v2/tasks/instances/7";
  EXPECT_THAT(plain.Send("GET", target).body, HasSubstr(R"("id":71)"));
  const std::string first = plain.Send("GET", target).body;
  EXPECT_LT(first.find(R"("id":71)"), first.find(R"("id":72)"));
  const std::string shuffled = quirky.Send("GET", target).body;
  EXPECT_GT(shuffled.find(R"("id":71)"), shuffled.find(R"("id":72)"))
      << "two subtasks: any other order is the reverse";
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
