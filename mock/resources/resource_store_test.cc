// The store's scope key (a cluster's rows without reading every row's JSON) and Refresh (a value
// derived from a snapshot kept for the next reader, never undoing a change made since).
#include "mock/resources/resource_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace mock::resources {
namespace {

Row RowOf(int64_t id, int64_t cluster, const std::string& status = "CREATING") {
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse(("{\"id\": " + std::to_string(id) + ", \"clusterId\": " + std::to_string(cluster) +
              ", \"status\": \"" + status + "\"}")
                 .c_str());
  return Row{id, std::move(doc)};
}

std::vector<int64_t> IdsOf(const std::vector<Row>& rows) {
  std::vector<int64_t> ids;
  for (const Row& r : rows) ids.push_back(r.id);
  return ids;
}

const ResourceSpec kReports{.name = "reports",
                            .folder = "reports",
                            .schema = "report",
                            .items = "reports",
                            .scope = "clusterId"};

TEST(ResourceStoreTest, RowsInGivesOneScopeFromFixturesAdditionsAndPuts) {
  ResourceStore store(kReports, {RowOf(1, 7), RowOf(2, 8), RowOf(3, 7)});
  EXPECT_EQ((std::vector<int64_t>{1, 3}), IdsOf(store.RowsIn(7)));
  ASSERT_TRUE(store.Add([](int64_t id) { return RowOf(id, 7); }, {}).ok());
  ASSERT_TRUE(store.Put(RowOf(3, 8)).ok()) << "row 3 moves to cluster 8";
  EXPECT_EQ((std::vector<int64_t>{1, 4}), IdsOf(store.RowsIn(7)));
  EXPECT_EQ((std::vector<int64_t>{2, 3}), IdsOf(store.RowsIn(8)));
  store.Reset();
  EXPECT_EQ((std::vector<int64_t>{1, 3}), IdsOf(store.RowsIn(7)));
  EXPECT_TRUE(store.RowsIn(9).empty());
}

TEST(ResourceStoreTest, WithoutAScopeEveryRowIsInScopeZero) {
  ResourceStore store({.name = "plain", .folder = "p", .schema = "p", .items = "p"},
                      {RowOf(1, 7), RowOf(2, 8)});
  EXPECT_EQ((std::vector<int64_t>{1, 2}), IdsOf(store.RowsIn(0)));
}

TEST(ResourceStoreTest, RefreshReplacesOnlyTheRowItWasDerivedFrom) {
  ResourceStore store(kReports, {RowOf(1, 7)});
  const Row seen = *store.Get(1);
  EXPECT_TRUE(store.Refresh(RowOf(1, 7, "SUCCESSFUL"), seen.doc.get()));
  EXPECT_EQ(std::string("SUCCESSFUL"), (*store.Get(1)->doc)["status"].GetString());
  EXPECT_FALSE(store.Refresh(RowOf(1, 7, "FAILED"), seen.doc.get()))
      << "the row changed since it was read";
  const Row now = *store.Get(1);
  ASSERT_TRUE(store.Remove(1).ok());
  EXPECT_FALSE(store.Refresh(RowOf(1, 7, "FAILED"), now.doc.get())) << "a removed row stays gone";
  EXPECT_FALSE(store.Get(1).has_value());
}

}  // namespace
}  // namespace mock::resources
