// The parameter catalogue's data: the bundled files, the /__mock/parameters routes (a test adds,
// changes and removes a definition at runtime, and every cluster or tenant reads it at once),
// reset and the fixture reload, all or nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "mock/families/parameters/test_parameters_api.h"

namespace mock::families {
namespace {

using testing::FixtureCopy;
using ::testing::HasSubstr;
using testing::ParametersApi;

using testing::kCluster1;
using testing::kTenant171;

std::set<std::string> NamesOf(const ParametersApi& h, const std::string& path) {
  std::set<std::string> names;
  // A named document: the loop would read a temporary's array after it is freed.
  const rapidjson::Document listed_answer = h.Json("GET", path);
  for (const auto& item : listed_answer["data"]["contents"].GetArray())
    names.insert(item["name"].GetString());
  return names;
}

// The value cluster 1 reads for `name`.
std::string ValueOf(const ParametersApi& h, const std::string& name) {
  // A named document: the loop would read a temporary's array after it is freed.
  const rapidjson::Document listed_answer = h.Json("GET", kCluster1);
  for (const auto& item : listed_answer["data"]["contents"].GetArray()) {
    if (name == item["name"].GetString()) return item["currentValue"]["values"][0].GetString();
  }
  return "(none)";
}

// An answer without its timing fields.
std::string DataOf(const http::Response& r) {
  return r.body.substr(0, r.body.find(",\"duration\""));
}

std::string FileOf(const std::string& rows) {
  return R"({"format": "ocp-mock-parameters/1", "parameters": [)" + rows + "]}";
}

constexpr char kBalancer[] =
    R"({"name": "balancer_emergency_percentage", "scope": "CLUSTER",
        "parameterType": "OB_CLUSTER_PARAMETER", "section": "LOAD_BALANCE", "defaultValue": "80",
        "valueRange": {"type": "INT", "minValue": "1", "maxValue": "100"},
        "editLevel": "DYNAMIC_EFFECTIVE", "description": "A test's parameter."})";

TEST(ParametersControlTest, TheBundledCatalogueCitesItsSourceAndNamesEachParameterOnce) {
  ParametersApi h;
  const rapidjson::Document rows = h.Json("GET", "/__mock/parameters");
  EXPECT_EQ(56u, rows["data"].Size());
  std::map<std::string, int> seen;  // scope, compatibleType and name
  for (const auto& row : rows["data"].GetArray()) {
    EXPECT_THAT(row["source"].GetString(), HasSubstr("docs/reference/ocp-cluster-topology.md §"));
    const std::string key = std::string(row["scope"].GetString()) + " " +
                            row["compatibleType"].GetString() + " " + row["name"].GetString();
    EXPECT_EQ(1, ++seen[key]) << key;
  }
}

TEST(ParametersControlTest, ARuntimeDefinitionIsReadAtOnceAndTheDocsSampleRequestThenPasses) {
  ParametersApi h;
  // The docs' own sample request names an OceanBase 2.x parameter the catalogue lacks.
  const std::string sample =
      json::ReadFile(testdata::SamplesDir() / "modify-cluster-parameters-request-4.2.2.json")
          .value();
  http::Response r = h.Send("PUT", kCluster1, sample);
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("balancer_emergency_percentage"));
  r = h.Send("PUT", "/__mock/parameters/300", kBalancer);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("parameters":300)"));
  EXPECT_TRUE(
      NamesOf(h, "/api/v2/ob/clusters/2/parameters").contains("balancer_emergency_percentage"));
  EXPECT_FALSE(NamesOf(h, kTenant171).contains("balancer_emergency_percentage"));
  r = h.Send("PUT", kCluster1, sample);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_EQ("75", ValueOf(h, "balancer_emergency_percentage"));
}

TEST(ParametersControlTest, ChangingOrRemovingADefinitionChangesWhatEveryOwnerReads) {
  ParametersApi h;
  // Row 9 is enable_async_syslog; its default changes for every cluster.
  ASSERT_EQ(200, h.Send("PUT", "/__mock/parameters/9",
                        R"({"name": "enable_async_syslog", "scope": "CLUSTER",
                            "parameterType": "OB_CLUSTER_PARAMETER", "defaultValue": "False",
                            "valueRange": {"type": "ENUM", "allowedValues": "TRUE,FALSE"},
                            "editLevel": "STATIC_EFFECTIVE", "description": "Changed."})")
                     .status);
  const auto list = h.Json("GET", "/api/v2/ob/clusters/4/parameters");
  bool found = false;
  for (const auto& item : list["data"]["contents"].GetArray()) {
    if (std::string("enable_async_syslog") != item["name"].GetString()) continue;
    found = true;
    EXPECT_STREQ("False", item["currentValue"]["values"][0].GetString());
    EXPECT_TRUE(item["needRestart"].GetBool()) << "STATIC_EFFECTIVE";
    EXPECT_FALSE(item.HasMember("section")) << "the row has none now";
  }
  EXPECT_TRUE(found);
  // Row 207 is autocommit: removed, it is listed by no tenant and a PUT names it unknown.
  ASSERT_EQ(200, h.Send("DELETE", "/__mock/parameters/207").status);
  EXPECT_FALSE(NamesOf(h, kTenant171).contains("autocommit"));
  http::Response r = h.Send("PUT", kTenant171, R"([{"name": "autocommit", "value": "OFF"}])");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("OBE31301"));
  EXPECT_EQ(404, h.Send("DELETE", "/__mock/parameters/207").status);
}

TEST(ParametersControlTest, ARuntimeRowIsCheckedAgainstTheRowSchema) {
  ParametersApi h;
  const std::string before = DataOf(h.Send("GET", "/__mock/parameters"));
  for (const auto& [body, expected] : std::vector<std::pair<std::string, std::string>>{
           {R"({"name": "x"})", "required"},
           {R"({"name": "x", "scope": "CLUSTER", "parameterType": "OB_SYSTEM_VARIABLE",
                "defaultValue": "1", "valueRange": {"type": "INT"}, "editLevel": "READONLY",
                "description": ""})",
            "/parameterType"},
           {R"({"name": "x", "scope": "CLUSTER", "parameterType": "OB_CLUSTER_PARAMETER",
                "defaultValue": "1", "valueRange": {"type": "INT", "minValue": "10s"},
                "editLevel": "READONLY", "description": ""})",
            "/valueRange/minValue"},
           {R"({"name": "x", "scope": "TENANT", "parameterType": "OB_TENANT_PARAMETER",
                "defaultValue": "ON", "valueRange": {"type": "ENUM"}, "editLevel": "READONLY",
                "description": ""})",
            "/valueRange"}}) {
    http::Response r = h.Send("PUT", "/__mock/parameters/400", body);
    EXPECT_EQ(400, r.status) << body;
    EXPECT_THAT(r.body, HasSubstr(expected)) << body << " -> " << r.body;
  }
  EXPECT_EQ(before, DataOf(h.Send("GET", "/__mock/parameters")));
}

TEST(ParametersControlTest, AResetPutsTheCatalogueAndTheValuesBack) {
  ParametersApi h;
  ASSERT_EQ(200, h.Send("PUT", "/__mock/parameters/300", kBalancer).status);
  ASSERT_EQ(200, h.Send("DELETE", "/__mock/parameters/1").status);
  ASSERT_EQ(200, h.Send("PUT", kCluster1, R"([{"name": "cpu_count", "value": "4"}])").status);
  ASSERT_EQ(200, h.Send("POST", "/__mock/reset?only=parameters").status);
  const std::set<std::string> names = NamesOf(h, kCluster1);
  EXPECT_FALSE(names.contains("balancer_emergency_percentage"));
  EXPECT_TRUE(names.contains("memory_limit_percentage"));
  EXPECT_EQ("0", ValueOf(h, "cpu_count"));
  EXPECT_EQ(56u, h.Json("GET", "/__mock/parameters")["data"].Size());
}

TEST(ParametersControlTest, AReloadReadsTheFilesAgainAllOrNothingAndForgetsTheValues) {
  FixtureCopy copy;
  ParametersApi h("4.2.2", {}, copy.dir());
  ASSERT_EQ(200, h.Send("PUT", kCluster1, R"([{"name": "cpu_count", "value": "4"}])").status);
  std::string row = kBalancer;
  copy.Write("40-more.json", FileOf(R"({"id": 300, )" + row.substr(1)));
  http::Response r = h.Send("POST", "/__mock/fixtures/reload");
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(r.body, HasSubstr(R"("parameters":57)"));
  EXPECT_TRUE(NamesOf(h, kCluster1).contains("balancer_emergency_percentage"));
  EXPECT_EQ("0", ValueOf(h, "cpu_count")) << "values forgotten";
  // A broken file: refused naming it and the place; nothing changes.
  ASSERT_EQ(200, h.Send("PUT", kCluster1, R"([{"name": "cpu_count", "value": "4"}])").status);
  copy.Write("50-broken.json", FileOf(R"({"id": 301, "name": 3})"));
  r = h.Send("POST", "/__mock/fixtures/reload");
  EXPECT_EQ(400, r.status);
  EXPECT_THAT(r.body, HasSubstr("50-broken.json"));
  EXPECT_THAT(r.body, HasSubstr("/parameters/0"));
  EXPECT_TRUE(NamesOf(h, kCluster1).contains("balancer_emergency_percentage"));
  EXPECT_EQ("4", ValueOf(h, "cpu_count"));
}

TEST(ParametersControlTest, AFileForOtherVersionsIsSkipped) {
  FixtureCopy copy;
  std::string row = kBalancer;
  copy.Write("40-old.json", R"({"format": "ocp-mock-parameters/1", "ocpVersions": ["<4.0.0"],
                                "parameters": [{"id": 300, )" +
                                row.substr(1) + "]}");
  EXPECT_FALSE(NamesOf(ParametersApi("4.2.2", {}, copy.dir()), kCluster1)
                   .contains("balancer_emergency_percentage"));
  EXPECT_TRUE(NamesOf(ParametersApi("3.1.1", {}, copy.dir()), kCluster1)
                  .contains("balancer_emergency_percentage"));
}

}  // namespace
}  // namespace mock::families
