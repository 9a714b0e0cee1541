// The documented topology samples (contract_tests/samples/README.md, "Cluster topology")
// validate verbatim against every version's schemas: the zones, the servers, a zone's servers
// and a tenant's units. The pages are alike in every version
// (docs/reference/ocp-cluster-topology.md §1 item 4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

std::string Sample(const std::string& name) {
  auto text = json::ReadFile(testdata::SamplesDir() / (name + "-4.2.2.json"));
  if (!text.ok()) ADD_FAILURE() << text.status().message();
  return text.ok() ? text.value() : "";
}

class TopologySamples : public ::testing::TestWithParam<std::string> {};

TEST_P(TopologySamples, EverySampleValidatesVerbatim) {
  const json::SchemaSet& s = testdata::VersionSchemas(GetParam());
  using ::testing::IsEmpty;
  EXPECT_THAT(s.ValidateText("ob-zone-list-response", Sample("query-zones")), IsEmpty());
  EXPECT_THAT(s.ValidateText("ob-server-list-response", Sample("query-servers")), IsEmpty());
  EXPECT_THAT(s.ValidateText("ob-server-list-response", Sample("query-zone-servers")), IsEmpty());
  EXPECT_THAT(s.ValidateText("ob-tenant-unit-list-response", Sample("query-tenant-units")),
              IsEmpty());
}

// The schemas are not so loose that anything passes: a server without its address, or a unit
// whose port is text, is refused.
TEST(TopologySamplesTest, TheSchemasRefuseASampleBrokenAtOnePlace) {
  const json::SchemaSet& s = testdata::VersionSchemas("4.2.2");
  std::string servers = Sample("query-servers");
  servers.replace(servers.find("\"ip\""), 4, "\"iq\"");
  EXPECT_FALSE(s.ValidateText("ob-server-list-response", servers).empty());
  std::string units = Sample("query-tenant-units");
  units.replace(units.find("2882"), 4, "\"2882\"");
  EXPECT_FALSE(s.ValidateText("ob-tenant-unit-list-response", units).empty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, TopologySamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
