// GET /__mock/health names the quirks played (--quirks), so that a page or a test can say which
// departures from the docs the mock plays (docs/testing-clients.md, docs/ui.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mock/api/test_bundled_api.h"
#include "mock/quirks/quirks.h"

namespace mock::api {
namespace {

using families::testing::BundledApi;

std::vector<std::string> HealthQuirks(const BundledApi& api) {
  auto health = api.Json("GET", "/__mock/health");
  std::vector<std::string> names;
  for (const auto& q : health["data"]["quirks"].GetArray()) names.emplace_back(q.GetString());
  return names;
}

TEST(QuirksPlayedTest, HealthListsTheQuirksOnInTheirDocumentedOrder) {
  const BundledApi two("4.2.2", std::nullopt, ParseQuirks("collation,language").value());
  EXPECT_EQ((std::vector<std::string>{"language", "collation"}), HealthQuirks(two));
  const BundledApi none;
  EXPECT_TRUE(HealthQuirks(none).empty());
  const Quirks all = ParseQuirks("all").value();
  const BundledApi every("4.2.2", std::nullopt, all);
  EXPECT_EQ(QuirkList(all), HealthQuirks(every));
  EXPECT_GE(HealthQuirks(every).size(), 8u);
}

}  // namespace
}  // namespace mock::api
