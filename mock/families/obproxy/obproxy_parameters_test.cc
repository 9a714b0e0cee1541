// GET /api/v2/obproxy/clusters/{id}/parameters: the catalogue at each OBProxy's version's
// defaults (obproxy_parameters.h), over HTTP on the bundled clusters and directly on made ones:
// an OBProxy 1.9 has the documented sample's parameters word for word; OBProxies that disagree
// get one `values` element each; an id not shown is the version's obproxyClusterNotFound.
#include "mock/families/obproxy/obproxy_parameters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "mock/api/test_bundled_api.h"
#include "mock/testing/test_paths.h"

namespace mock::families {
namespace {

using testing::BundledApi;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kBundledParameters[] = "/api/v2/obproxy/clusters/1/parameters";

// An obproxyCluster row whose OBProxies have these IPs and versions.
rapidjson::Document MadeCluster(const std::vector<std::pair<std::string, std::string>>& proxies) {
  std::string text = R"({"id": 9, "name": "c", "obproxies": [)";
  for (size_t i = 0; i < proxies.size(); ++i) {
    text += (i ? ", " : "") + std::string(R"({"ip": ")") + proxies[i].first + R"(", "version": ")" +
            proxies[i].second + "\"}";
  }
  return json::ParseJson(text + "]}").value();
}

std::map<std::string, obproxy::ClusterParameter> ParametersByName(
    const std::vector<obproxy::ClusterParameter>& all) {
  std::map<std::string, obproxy::ClusterParameter> out;
  for (const auto& p : all) out.emplace(std::string(p.name), p);
  return out;
}

TEST(ObproxyParametersTest, ABundledClustersParametersAnswerAsDocumented) {
  BundledApi h;
  http::Response r = h.Send("GET", kBundledParameters);
  ASSERT_EQ(200, r.status) << r.body;
  EXPECT_THAT(h.schemas().ValidateText("obproxy-parameter-list-response", r.body), IsEmpty());
  auto d = json::ParseJson(r.body).value();
  const auto& contents = d["data"]["contents"];
  std::vector<std::string> names;
  for (const auto& p : contents.GetArray()) names.emplace_back(p["name"].GetString());
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end())) << "by name";
  EXPECT_EQ(25u, names.size()) << "ODP 4's of the catalogue (§4.4 Q1-Q25)";
  for (const auto& p : contents.GetArray()) {
    ASSERT_EQ(1u, p["values"].Size()) << p["name"].GetString() << ": both OBProxies agree";
    EXPECT_STREQ(p["valueString"].GetString(), p["values"][0]["value"].GetString());
    const auto& ips = p["values"][0]["obproxies"];
    ASSERT_EQ(2u, ips.Size());
    EXPECT_STREQ("10.0.0.16", ips[0].GetString());
    EXPECT_STREQ("10.0.0.17", ips[1].GetString());
  }
  const auto detail = h.Json("GET", "/api/v2/obproxy/clusters/1");
  auto params = ParametersByName(obproxy::ParametersOf(detail["data"]));
  EXPECT_EQ("WDIAG", params.at("syslog_level").value_string) << "ODP v4.2.3's default";
  EXPECT_EQ("False", params.at("skip_proxy_sys_private_check").value_string);
  EXPECT_TRUE(params.at("work_thread_num").need_reboot);
}

TEST(ObproxyParametersTest, AnOBProxy19HasTheDocumentedSamplesParametersWordForWord) {
  const auto cluster = MadeCluster({{"10.1.1.1", "1.9.1.1-1919579"}});
  const auto ours = ParametersByName(obproxy::ParametersOf(cluster));
  auto sample = json::ParseJson(
      json::ReadFile(testdata::SamplesDir() / "obproxy-parameters-4.2.2.json").value());
  const auto& documented = sample.value()["data"]["contents"];
  ASSERT_EQ(10u, documented.Size());
  for (const auto& p : documented.GetArray()) {
    const std::string name = p["name"].GetString();
    ASSERT_TRUE(ours.count(name)) << name;
    const auto& mine = ours.at(name);
    EXPECT_EQ(p["description"].GetString(), mine.description) << name;
    EXPECT_EQ(p["needReboot"].GetBool(), mine.need_reboot) << name;
    EXPECT_EQ(p["valueString"].GetString(), mine.value_string) << name;
    ASSERT_EQ(1u, mine.values.size()) << name;
    EXPECT_EQ(p["values"][0]["value"].GetString(), mine.values[0].value) << name;
    EXPECT_THAT(mine.values[0].obproxies, ElementsAre("10.1.1.1")) << name;
  }
}

TEST(ObproxyParametersTest, EachGenerationHasItsOwnParametersAndDefaults) {
  EXPECT_EQ(1, obproxy::ParameterGeneration("1.9.1.1-1919579"));
  EXPECT_EQ(3, obproxy::ParameterGeneration("3.2.3.5"));
  EXPECT_EQ(4, obproxy::ParameterGeneration("4.2.1.0-20231117180411"));
  EXPECT_EQ(4, obproxy::ParameterGeneration("unknown"));
  const auto v3_cluster = MadeCluster({{"10.1.1.1", "3.2.3.5"}});
  const auto v3 = ParametersByName(obproxy::ParametersOf(v3_cluster));
  EXPECT_EQ(28u, v3.size()) << "Q1-Q25 and the sample's three of ODP v3.2.3";
  EXPECT_EQ(0u, v3.count("json_config_meta_table_user")) << "older than ODP 3";
  EXPECT_EQ("INFO", v3.at("syslog_level").value_string);
  EXPECT_EQ("5", v3.at("server_tcp_keepidle").value_string) << "the sample's 0 is OBProxy 1.9's";
  EXPECT_EQ(30u, obproxy::ParametersOf(MadeCluster({{"10.1.1.1", "1.9.1.1"}})).size());
}

TEST(ObproxyParametersTest, OBProxiesThatDisagreeGetOneValueEach) {
  // The views point into the cluster, which must outlive them.
  const auto cluster =
      MadeCluster({{"10.1.1.1", "4.2.1.0"}, {"10.1.1.2", "3.2.3.5"}, {"10.1.1.3", "4.2.1.0"}});
  const auto params = ParametersByName(obproxy::ParametersOf(cluster));
  const auto& syslog = params.at("syslog_level");
  ASSERT_EQ(2u, syslog.values.size());
  EXPECT_EQ("WDIAG", syslog.values[0].value);
  EXPECT_THAT(syslog.values[0].obproxies, ElementsAre("10.1.1.1", "10.1.1.3"));
  EXPECT_EQ("INFO", syslog.values[1].value);
  EXPECT_THAT(syslog.values[1].obproxies, ElementsAre("10.1.1.2"));
  EXPECT_EQ("WDIAG", syslog.value_string) << "the first value";
  EXPECT_THAT(params.at("sock_packet_mark_out").values[0].obproxies, ElementsAre("10.1.1.2"))
      << "only the OBProxy whose version has it";
}

TEST(ObproxyParametersTest, AClusterWithoutOBProxiesListsDefaultsWithNoValues) {
  const auto cluster = MadeCluster({});
  const auto params = obproxy::ParametersOf(cluster);
  ASSERT_EQ(25u, params.size());
  for (const auto& p : params) EXPECT_TRUE(p.values.empty()) << p.name;
  EXPECT_EQ("WDIAG", ParametersByName(params).at("syslog_level").value_string);
}

TEST(ObproxyParametersTest, AnIdNotShownIsObproxyClusterNotFoundInEachVersion) {
  for (const auto& [version, code] : std::vector<std::pair<std::string, std::string>>{
           {"3.1.1", "21001"}, {"4.2.1", "21001"}, {"4.2.2", "\"ODP21001\""}}) {
    BundledApi h(version);
    http::Response r = h.Send("GET", "/api/v2/obproxy/clusters/99/parameters");
    EXPECT_EQ(404, r.status) << version;
    EXPECT_THAT(r.body, HasSubstr("\"code\":" + code)) << version;
    EXPECT_EQ(200, h.Send("GET", kBundledParameters).status) << version;
  }
}

TEST(ObproxyParametersTest, AClusterBeingInstalledHasNoParametersYet) {
  BundledApi h;
  http::Response created = h.Send("POST", "/api/v2/obproxy/clusters", R"({"name": "p",
      "obproxyInstallParam": {"hostIds": [18], "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm"},
      "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                   "username": "proxyro"}]})");
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_EQ(404, h.Send("GET", "/api/v2/obproxy/clusters/3/parameters").status);
  h.Advance(60);
  auto d = h.Json("GET", "/api/v2/obproxy/clusters/3/parameters");
  EXPECT_STREQ("10.0.0.18", d["data"]["contents"][0]["values"][0]["obproxies"][0].GetString());
}

TEST(ObproxyParametersTest, AnyAuthenticatedUserMayRead) {
  const std::vector<auth::User> users = {
      {1, "tasks", "p", {}, {auth::Permission::kTaskViewer}, std::nullopt}};
  BundledApi h("4.2.2", users);
  EXPECT_EQ(
      200, h.Send("GET", kBundledParameters, "", {{"Authorization", "Basic dGFza3M6cA=="}}).status);
  EXPECT_EQ(401, h.Send("GET", kBundledParameters).status);
}

}  // namespace
}  // namespace mock::families
