// The documented OBProxy samples (contract_tests/samples/README.md, "OBProxy clusters") validate
// verbatim against every version's schemas: the request, the create and delete answers, the
// detail and the list. The pages are alike in every version
// (docs/reference/ocp-client-flows.md 3.5).
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

class ObproxySamples : public ::testing::TestWithParam<std::string> {};

TEST_P(ObproxySamples, EverySampleValidatesVerbatim) {
  const json::SchemaSet& s = testdata::VersionSchemas(GetParam());
  using ::testing::IsEmpty;
  EXPECT_THAT(s.ValidateText("create-obproxy-cluster-request", Sample("obproxy-create-request")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("obproxy-task-response", Sample("obproxy-create")), IsEmpty());
  EXPECT_THAT(s.ValidateText("obproxy-task-response", Sample("obproxy-delete")), IsEmpty());
  EXPECT_THAT(s.ValidateText("obproxy-cluster-response", Sample("obproxy-detail")), IsEmpty());
  EXPECT_THAT(s.ValidateText("obproxy-cluster-list-response", Sample("obproxy-list")), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, ObproxySamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
