// --quirks client-ids over the bundled data: each write the terraform provider reads an
// undocumented id from gains exactly that id, and only with the quirk on; every other answer is
// byte for byte the documented one (client_ids.h, docs/terraform.md).
#include "mock/quirks/client_ids.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <regex>
#include <string>
#include <vector>

#include "mock/api/test_bundled_api.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;

// The provider's writes (docs/reference/ocp-client-flows.md 3.2, 3.4, 3.5).
struct Write {
  const char* method;
  const char* path;
  const char* body;
};

const Write kCreateCluster = {"POST", "/api/v2/ob/clusters",
                              R"({"name": "tf", "type": "PRIMARY", "password": "p",
    "rpmName": "oceanbase-ce-4.2.1.0-1.el7.x86_64.rpm",
    "zones": [{"name": "zone1", "idcName": "idc1", "servers": [16, 17]}]})"};
const Write kCreateObproxy = {"POST", "/api/v2/obproxy/clusters",
                              R"({"name": "tf-obproxy", "obproxyInstallParam": {"hostIds": [18]},
    "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002,
                 "username": "proxyro"}]})"};
const Write kBatchCreate = {"POST", "/api/v2/compute/hosts/batchCreate",
                            R"({"hostBasicDataList": [{"innerIpAddress": "10.9.0.1"},
    {"innerIpAddress": "10.9.0.2"}], "sshPort": 22, "kind": "DEDICATED_PHYSICAL_MACHINE",
    "idcId": 1, "typeId": 1, "credentialId": 1})"};

// The `data` of `w`'s answer, from a mock with `quirks`, and that mock.
rapidjson::Document DataOf(const Write& w, Quirks quirks) {
  BundledApi h("4.2.2", std::nullopt, quirks);
  auto answer = h.Json(w.method, w.path, w.body);
  rapidjson::Document data;
  data.CopyFrom(answer["data"], data.GetAllocator());
  return data;
}

// `v` as text, its times (the mock clock's now, which differs from one mock to the next) as T.
std::string Text(const rapidjson::Value& v) {
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  v.Accept(w);
  static const std::regex kTime(R"(\d{4}-\d\d-\d\dT[0-9:.]+[-+Z][0-9:]*)");
  return std::regex_replace(out.GetString(), kTime, "T");
}

// `data` without `keys`, as text.
std::string Without(rapidjson::Document data, const std::vector<const char*>& keys) {
  for (const char* key : keys) data.EraseMember(key);  // in place: the order stays
  return Text(data);
}

std::vector<std::string> Keys(const rapidjson::Value& v) {
  std::vector<std::string> keys;
  for (const auto& m : v.GetObject()) keys.emplace_back(m.name.GetString());
  return keys;
}

TEST(ClientIds, CreateClusterGainsClusterIdOnlyWithTheQuirk) {
  const auto plain = DataOf(kCreateCluster, {});
  const auto quirky = DataOf(kCreateCluster, {.client_ids = true});
  EXPECT_FALSE(plain.HasMember("clusterId"));
  ASSERT_TRUE(quirky.HasMember("clusterId"));
  EXPECT_EQ(quirky["cluster"]["id"].GetInt64(), quirky["clusterId"].GetInt64());
  rapidjson::Document copy;
  copy.CopyFrom(quirky, copy.GetAllocator());
  EXPECT_EQ(Text(plain), Without(std::move(copy), {"clusterId"})) << "nothing else changes";
  EXPECT_EQ("clusterId", Keys(quirky)[1]) << "in alphabetical order, after `cluster`";
}

TEST(ClientIds, CreateObproxyGainsObproxyClusterIdOnlyWithTheQuirk) {
  const auto plain = DataOf(kCreateObproxy, {});
  auto quirky = DataOf(kCreateObproxy, {.client_ids = true});
  EXPECT_FALSE(plain.HasMember("obproxyClusterId"));
  ASSERT_TRUE(quirky.HasMember("obproxyClusterId"));
  EXPECT_EQ(3, quirky["obproxyClusterId"].GetInt64()) << "the bundled clusters are 1 and 2";
  EXPECT_EQ(Text(plain), Without(std::move(quirky), {"obproxyClusterId"}));
}

TEST(ClientIds, BatchCreateGainsTheFirstTaskAndTheHostIdsOnlyWithTheQuirk) {
  const auto plain = DataOf(kBatchCreate, {});
  auto quirky = DataOf(kBatchCreate, {.client_ids = true});
  EXPECT_EQ(std::vector<std::string>{"contents"}, Keys(plain));
  EXPECT_EQ((std::vector<std::string>{"contents", "hostIds", "id"}), Keys(quirky));
  const auto& contents = quirky["contents"];
  ASSERT_EQ(2u, contents.Size());
  EXPECT_EQ(contents[0]["id"].GetInt64(), quirky["id"].GetInt64());
  ASSERT_EQ(2u, quirky["hostIds"].Size());
  for (rapidjson::SizeType i = 0; i < 2; ++i)
    EXPECT_EQ(contents[i]["hostId"].GetInt64(), quirky["hostIds"][i].GetInt64());
  EXPECT_EQ(Text(plain), Without(std::move(quirky), {"hostIds", "id"}));
}

// The deletes, the reads and every other answer stay as documented.
TEST(ClientIds, OtherAnswersAreUnchanged) {
  BundledApi plain;
  BundledApi quirky("4.2.2", std::nullopt, Quirks{.client_ids = true});
  for (const char* target :
       {"/api/v2/ob/clusters/1", "/api/v2/obproxy/clusters/1", "/api/v2/compute/hosts/16"}) {
    EXPECT_EQ(Text(plain.Json("GET", target)["data"]), Text(quirky.Json("GET", target)["data"]))
        << target;
  }
  for (const char* target : {"/api/v2/ob/clusters/1", "/api/v2/obproxy/clusters/1"}) {
    EXPECT_EQ(Text(plain.Json("DELETE", target)["data"]),
              Text(quirky.Json("DELETE", target)["data"]))
        << target;
  }
}

}  // namespace
}  // namespace mock::api
