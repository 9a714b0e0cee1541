// The documented parameter samples (contract_tests/samples/README.md, "Cluster and tenant
// parameters") against every version's schemas: the cluster list, both requests and both
// answers verbatim; the tenant list, which is not JSON as printed (it elides items with
// "......" lines), only with those three lines taken out, after proving that the verbatim text
// fails there and nowhere else.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/samples.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::families {
namespace {

using ::testing::IsEmpty;

std::string Sample(const std::string& file) {
  auto text = json::ReadFile(testdata::SamplesDir() / file);
  if (!text.ok()) ADD_FAILURE() << text.status().message();
  return text.ok() ? text.value() : "";
}

// The text without its lines that hold only "......" (and indentation); how many there were.
std::pair<std::string, int> WithoutElisions(const std::string& text) {
  std::istringstream in(text);
  std::string out, line;
  int dropped = 0;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(' ') != std::string::npos &&
        line.substr(line.find_first_not_of(' ')) == "......") {
      ++dropped;
      continue;
    }
    out += line + "\n";
  }
  return {out, dropped};
}

class ParameterSamples : public ::testing::TestWithParam<std::string> {};

TEST_P(ParameterSamples, TheClusterListBothRequestsAndBothAnswersValidateVerbatim) {
  const std::string& v = GetParam();
  const json::SchemaSet& s = testdata::VersionSchemas(v);
  EXPECT_THAT(s.ValidateText("cluster-parameter-list-response",
                             Sample("query-cluster-parameters-" + v + ".json")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("set-cluster-parameters-request",
                             Sample("modify-cluster-parameters-request-" + v + ".json")),
              IsEmpty());
  EXPECT_THAT(
      s.ValidateText("no-data-response", Sample("modify-cluster-parameters-" + v + ".json")),
      IsEmpty());
  EXPECT_THAT(s.ValidateText("set-tenant-parameters-request",
                             Sample("modify-tenant-parameters-request-" + v + ".json")),
              IsEmpty());
  EXPECT_THAT(s.ValidateText("no-data-response", Sample("modify-tenant-parameters-" + v + ".json")),
              IsEmpty());
}

TEST_P(ParameterSamples, TheClusterListShowsWhatTheMockServes) {
  auto doc = json::ParseJson(Sample("query-cluster-parameters-" + GetParam() + ".json")).value();
  const auto& items = doc["data"]["contents"];
  ASSERT_EQ(19u, items.Size()) << "the whole sample, not the reference's three items";
  const auto& keepcnt = items[1];
  EXPECT_STREQ("tcp_keepcnt", keepcnt["name"].GetString());
  EXPECT_STREQ("observer", keepcnt["currentValue"]["obParameters"][0]["svrType"].GetString());
  EXPECT_TRUE(keepcnt["currentValue"]["singleValueInCluster"].GetBool());
  EXPECT_TRUE(keepcnt["valueRange"]["allowedValues"].IsNull());
}

TEST_P(ParameterSamples, TheTenantListValidatesOnceItsElisionsAreTakenOut) {
  const std::string& v = GetParam();
  const std::string text = Sample("query-tenant-parameters-" + v + ".invalid.txt");
  auto verbatim = json::ParseJson(text);
  ASSERT_FALSE(verbatim.ok()) << "the printed sample is not JSON";
  EXPECT_THAT(verbatim.status().message(), ::testing::StartsWith("line 15, column 13"))
      << "it fails at the first \"......\" line, nowhere before";
  auto [fixed, dropped] = WithoutElisions(text);
  EXPECT_EQ(3, dropped);
  EXPECT_THAT(testdata::VersionSchemas(v).ValidateText("tenant-parameter-list-response", fixed),
              IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(EveryVersion, ParameterSamples,
                         ::testing::ValuesIn(versions::KnownVersions(testdata::SchemasDir())),
                         [](const auto& param_info) {
                           std::string name = "v" + param_info.param;
                           for (char& c : name) c = c == '.' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace mock::families
