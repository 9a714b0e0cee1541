// The password box's credentials over HTTP requests (no sockets): obdeploy's get-or-create, the
// secret never answered, each refusal (OCP's error naming the field, nothing changed), the list's
// filter, the permission, /__mock/credentials and reset.
#include "mock/families/takeover/credentials_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mock/api/test_bundled_api.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kPath[] = "/api/v2/profiles/me/credentials";
constexpr char kSecret[] = "S3cret-passphrase!";

// obdeploy's body (plugins/ocp-server/4.2.1/takeover.py).
std::string Body(const std::string& name = "obd-host", const std::string& type = "PASSWORD") {
  return R"({"targetType": "HOST", "name": ")" + name +
         R"(", "sshCredentialProperty": {"type": ")" + type +
         R"(", "username": "admin", "passphrase": ")" + kSecret + R"("}})";
}

std::vector<std::string> ViolationsOf(const BundledApi& h, const char* schema,
                                      const std::string& body) {
  std::vector<std::string> out;
  for (const json::Violation& v : h.schemas().ValidateText(schema, body))
    out.push_back(v.path + ": " + v.message);
  return out;
}

std::string StateOf(const BundledApi& h) {
  const std::string rows = h.Send("GET", "/__mock/credentials").body;
  return rows.substr(0, rows.find(",\"duration\""));
}

void ExpectRefused(const std::string& body, const std::string& code, const std::string& says,
                   const std::string& first = "") {
  BundledApi h;
  if (!first.empty()) {
    ASSERT_EQ(200, h.Send("POST", kPath, first).status);
  }
  const std::string before = StateOf(h);
  http::Response r = h.Send("POST", kPath, body);
  EXPECT_EQ(400, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr("\"code\":\"" + code + "\"")) << r.body;
  EXPECT_THAT(r.body, HasSubstr(says)) << r.body;
  EXPECT_EQ(before, StateOf(h));
}

TEST(CredentialsTest, GetOrCreateAsObdeployDoesIt) {
  BundledApi h;
  auto empty = h.Json("GET", kPath);
  EXPECT_EQ(0u, empty["data"]["contents"].Size());
  http::Response created = h.Send("POST", kPath, Body());
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_THAT(ViolationsOf(h, "credential-response", created.body), IsEmpty());
  auto c = h.Json("GET", kPath);
  ASSERT_EQ(1u, c["data"]["contents"].Size());
  const auto& row = c["data"]["contents"][0];
  EXPECT_STREQ("obd-host", row["name"].GetString());
  EXPECT_STREQ("HOST", row["targetType"].GetString());
  EXPECT_STREQ("admin", row["sshCredentialProperty"]["username"].GetString());
  EXPECT_EQ(json::ParseJson(created.body).value()["data"]["id"].GetInt64(), row["id"].GetInt64());
}

// The secret goes in and never comes out: not in the answer, the list, or /__mock/.
TEST(CredentialsTest, ACredentialNeverEchoesItsSecret) {
  BundledApi h;
  for (const char* type : {"PASSWORD", "PRIVATE_KEY"}) {
    http::Response created = h.Send("POST", kPath, Body(std::string("c-") + type, type));
    ASSERT_EQ(200, created.status) << created.body;
    EXPECT_THAT(created.body, Not(HasSubstr(kSecret)));
    EXPECT_THAT(created.body, Not(HasSubstr("passphrase")));
  }
  for (const char* target : {kPath, "/__mock/credentials"}) {
    const std::string body = h.Send("GET", target).body;
    EXPECT_THAT(body, Not(HasSubstr(kSecret))) << target;
    EXPECT_THAT(body, Not(HasSubstr("passphrase"))) << target;
    EXPECT_THAT(body, Not(HasSubstr("password\""))) << target;
  }
  EXPECT_THAT(ViolationsOf(h, "credential-list-response", h.Send("GET", kPath).body), IsEmpty());
}

TEST(CredentialsTest, ADuplicateNameIsCredentialExistsAndChangesNothing) {
  ExpectRefused(Body(), "CRD08002", "name=obd-host", Body());
}

TEST(CredentialsTest, AMissingFieldIsInvalidParameterNamingIt) {
  ExpectRefused(R"({"targetType": "HOST", "sshCredentialProperty": {"type": "PASSWORD",
                "username": "admin"}})",
                "COM10001", "name");
  ExpectRefused(R"({"targetType": "HOST", "name": "x"})", "COM10001", "sshCredentialProperty");
}

TEST(CredentialsTest, AWrongTypedFieldIsInvalidParameterNamingIt) {
  ExpectRefused(R"({"targetType": "HOST", "name": "x", "sshCredentialProperty":
                {"type": "PASSWORD", "username": 7}})",
                "COM10001", "sshCredentialProperty.username");
}

TEST(CredentialsTest, NoBodyOrBadJsonIsBadRequest) {
  ExpectRefused("", "COM10003", "Required request body is missing");
  ExpectRefused("{", "COM10003", "JSON parse error");
}

TEST(CredentialsTest, TheListFiltersByTargetTypeAndSorts) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kPath, Body("b")).status);
  ASSERT_EQ(200, h.Send("POST", kPath, Body("a")).status);
  EXPECT_EQ(2u, h.Json("GET", std::string(kPath) + "?targetType=HOST")["data"]["contents"].Size());
  EXPECT_EQ(0u, h.Json("GET", std::string(kPath) + "?targetType=OB")["data"]["contents"].Size());
  EXPECT_EQ(400, h.Send("GET", std::string(kPath) + "?targetType=CAT").status);
  EXPECT_STREQ("a",
               h.Json("GET", std::string(kPath) + "?sort=name,asc")["data"]["contents"][0]["name"]
                   .GetString());
  EXPECT_EQ(400, h.Send("GET", std::string(kPath) + "?sort=passphrase,asc").status);
}

TEST(CredentialsTest, AnyAuthenticatedUserMayListAndAdd) {
  const std::vector<auth::User> users = {{1, "nobody", "p", {}, {}, std::nullopt}};
  BundledApi h("4.2.2", users);
  const http::Headers nobody = {{"Authorization", "Basic bm9ib2R5OnA="}};  // nobody:p
  EXPECT_EQ(401, h.Send("GET", kPath).status);
  EXPECT_EQ(401, h.Send("POST", kPath, Body()).status);
  EXPECT_EQ(200, h.Send("POST", kPath, Body(), nobody).status);
  EXPECT_EQ(200, h.Send("GET", kPath, "", nobody).status);
}

TEST(CredentialsTest, ResetForgetsWhatWasAddedAndOldVersionsNumberTheError) {
  BundledApi h;
  ASSERT_EQ(200, h.Send("POST", kPath, Body()).status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=credentials").status);
  EXPECT_EQ(0u, h.Json("GET", kPath)["data"]["contents"].Size());
  BundledApi old("4.2.1");
  ASSERT_EQ(200, old.Send("POST", kPath, Body()).status);
  EXPECT_THAT(old.Send("POST", kPath, Body()).body, HasSubstr("\"code\":8002"));
}

}  // namespace
}  // namespace mock::families
