// GET /__mock/openapi.json through Api::Handle (api/openapi_endpoint.h): the version played,
// another version, the control plane; what it refuses, in the envelope; the document kept.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "mock/api/test_api.h"
#include "mock/json/json.h"
#include "mock/openapi/document.h"

namespace mock::api {
namespace {

using ::testing::HasSubstr;

std::set<std::string> Keys(const rapidjson::Value& object) {
  std::set<std::string> keys;
  for (const auto& m : object.GetObject()) keys.insert(m.name.GetString());
  return keys;
}

rapidjson::Document Parsed(const http::Response& r) {
  auto doc = json::ParseJson(r.body);
  if (!doc.ok()) throw std::runtime_error(r.body.substr(0, 300));
  return std::move(doc).value();
}

TEST(OpenApiEndpoint, ServesTheVersionPlayedAsABareDocument) {
  testing::TestApi api(ApiOptions{.ocp_version = "4.2.1"});
  const http::Response r = api.Send("GET", "/__mock/openapi.json");
  ASSERT_EQ(200, r.status) << r.body.substr(0, 300);
  EXPECT_EQ("application/json", r.content_type);
  const rapidjson::Document d = Parsed(r);
  EXPECT_EQ("3.1.0", std::string(d["openapi"].GetString()));
  EXPECT_EQ("4.2.1", std::string(d["info"]["version"].GetString()));
  EXPECT_FALSE(d.HasMember("successful")) << "not in the envelope";
  for (const auto& path : d["paths"].GetObject()) {
    EXPECT_EQ(openapi::Plane::kOcp, openapi::PlaneOf(path.name.GetString()))
        << path.name.GetString();
  }
  EXPECT_TRUE(d["components"]["securitySchemes"].HasMember("ocpAkSk"));
  EXPECT_EQ(r.body, api.Send("GET", "/__mock/openapi.json?version=4.2.1").body)
      << "the version played, named, is the same document";
}

TEST(OpenApiEndpoint, ServesAnotherVersionAndTheControlPlane) {
  testing::TestApi api;
  const rapidjson::Document other = Parsed(api.Send("GET", "/__mock/openapi.json?version=4.0.0"));
  EXPECT_EQ("4.0.0", std::string(other["info"]["version"].GetString()));
  EXPECT_FALSE(other["components"]["securitySchemes"].HasMember("ocpAkSk")) << "4.0.0 has no AK/SK";
  const http::Response control = api.Send("GET", "/__mock/openapi.json?plane=control");
  ASSERT_EQ(200, control.status) << control.body.substr(0, 300);
  const rapidjson::Document c = Parsed(control);
  EXPECT_EQ("ocp-mock control plane", std::string(c["info"]["title"].GetString()));
  EXPECT_TRUE(c["paths"].HasMember("/__mock/openapi.json"));
  for (const auto& path : c["paths"].GetObject()) {
    EXPECT_EQ(openapi::Plane::kControl, openapi::PlaneOf(path.name.GetString()));
  }
}

// How many objects of the document's schemas are closed (`additionalProperties: false`).
int Closed(const rapidjson::Value& v) {
  int n = 0;
  if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      if (std::string_view(m.name.GetString()) == "additionalProperties" && m.value.IsFalse()) ++n;
      n += Closed(m.value);
    }
  } else if (v.IsArray()) {
    for (const auto& e : v.GetArray()) n += Closed(e);
  }
  return n;
}

// The default document leaves OCP's objects open (a real OCP adds fields: a validator given it
// must not fail one for that); strict=true closes them as the mock's schemas do; the control
// plane's stay closed; plane=all holds both planes, for a validation proxy in front of the mock.
TEST(OpenApiEndpoint, OpenByDefaultStrictOnRequestAndAllForAProxy) {
  testing::TestApi api;
  const rapidjson::Document open = Parsed(api.Send("GET", "/__mock/openapi.json"));
  const rapidjson::Document strict = Parsed(api.Send("GET", "/__mock/openapi.json?strict=true"));
  EXPECT_EQ(0, Closed(open["components"]["schemas"]));
  EXPECT_GT(Closed(strict["components"]["schemas"]), 20);
  EXPECT_THAT(std::string(open["info"]["description"].GetString()),
              HasSubstr("OCP's objects are open"));
  EXPECT_EQ(Keys(open["paths"]), Keys(strict["paths"])) << "the same operations";
  const rapidjson::Document control = Parsed(api.Send("GET", "/__mock/openapi.json?plane=control"));
  EXPECT_GT(Closed(control["components"]["schemas"]), 0) << "the mock refuses unknown fields";
  const rapidjson::Document all =
      Parsed(api.Send("GET", "/__mock/openapi.json?plane=all&strict=true"));
  EXPECT_TRUE(all["paths"].HasMember("/__mock/openapi.json"));
  EXPECT_TRUE(all["paths"].HasMember("/api/v2/tasks/instances"));
  EXPECT_EQ(Keys(open["paths"]).size() + Keys(control["paths"]).size(), Keys(all["paths"]).size());
}

TEST(OpenApiEndpoint, RefusesWhatItDoesNotKnowInTheEnvelope) {
  testing::TestApi api;
  const http::Response unknown = api.Send("GET", "/__mock/openapi.json?version=9.9.9");
  EXPECT_EQ(400, unknown.status);
  EXPECT_THAT(unknown.body, HasSubstr("'9.9.9' is not a version ocp-mock knows: 3.1.1, 4.0.0"));
  EXPECT_EQ(false, Parsed(unknown)["successful"].GetBool());
  EXPECT_THAT(api.Send("GET", "/__mock/openapi.json?plane=mock").body,
              HasSubstr("'mock' is not ocp, control or all"));
  EXPECT_THAT(api.Send("GET", "/__mock/openapi.json?strict=yes").body,
              HasSubstr("'yes' is not true or false"));
  EXPECT_THAT(api.Send("GET", "/__mock/openapi.json?format=yaml").body,
              HasSubstr("takes only `version`, `plane` and `strict`"));
  EXPECT_EQ(400, api.Send("GET", "/__mock/openapi.json?version=4.0.0&version=4.2.2").status);
  EXPECT_EQ(405, api.Send("POST", "/__mock/openapi.json").status);
}

TEST(OpenApiEndpoint, WithoutASchemaFolderSaysSo) {
  tasks::MockClock clock(0);
  tasks::TaskStore store({}, clock);
  Api api(ApiOptions{}, store, clock, nullptr);
  const http::Response r = api.Handle(http::MakeRequest("GET", "/__mock/openapi.json").value());
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("without a schema folder"));
}

}  // namespace
}  // namespace mock::api
