// The documented samples of "Create an OceanBase cluster" and "Delete an OceanBase cluster"
// (contract_tests/samples/README.md, "OceanBase clusters"), each version's own, validate
// verbatim against that version's schemas: the request, the create and the delete answers. And
// the mock's own answers to both validate in every version.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mock/api/test_bundled_api.h"
#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

using ::testing::IsEmpty;

class ClusterSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(ClusterSamples, EveryVersionsSamplesValidateVerbatim) {
  const std::string& v = GetParam();
  const json::SchemaSet& s = testdata::VersionSchemas(v);
  EXPECT_THAT(s.ValidateText("create-ob-cluster-request",
                             testdata::SampleText("create-cluster-request", v)),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("ob-cluster-task-response", testdata::SampleText("create-cluster", v)),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("ob-cluster-task-response", testdata::SampleText("delete-cluster", v)),
              IsEmpty());
  auto create = json::ParseJson(testdata::SampleText("create-cluster", v)).value();
  EXPECT_STREQ("Create primary OB cluster", create["data"]["name"].GetString());
  EXPECT_EQ(23u, create["data"]["tasks"].Size());
  auto remove = json::ParseJson(testdata::SampleText("delete-cluster", v)).value();
  EXPECT_STREQ("Delete primary OB cluster", remove["data"]["name"].GetString());
  EXPECT_EQ(6u, remove["data"]["tasks"].Size());
}

TEST_P(ClusterSamples, TheMocksAnswersValidateToo) {
  testing::BundledApi h(GetParam());
  // The sample's request, on host 16 (its host 1 serves a bundled cluster).
  std::string body = testdata::SampleText("create-cluster-request", GetParam());
  body.replace(body.find("        1\n"), 10, "        16\n");
  http::Response created = h.Send("POST", "/api/v2/ob/clusters", body);
  ASSERT_EQ(200, created.status) << created.body;
  EXPECT_THAT(h.schemas().ValidateText("ob-cluster-task-response", created.body), IsEmpty());
  http::Response deleted = h.Send("DELETE", "/api/v2/ob/clusters/1");
  ASSERT_EQ(200, deleted.status) << deleted.body;
  EXPECT_THAT(h.schemas().ValidateText("ob-cluster-task-response", deleted.body), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, ClusterSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
