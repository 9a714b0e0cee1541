#include "mock/families/parameters/rendered_lists.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

namespace mock::families::parameters {
namespace {

resources::Row RowOf(int64_t id) { return {id, std::make_shared<const rapidjson::Document>(), 0}; }

// Counts the renderings, each answering a different text.
struct Renderer {
  int calls = 0;
  std::string operator()() { return "{\"n\":" + std::to_string(++calls) + "}"; }
};

TEST(RenderedLists, TheSameStampIsServedTheKeptCopy) {
  RenderedLists lists;
  Renderer r;
  const ListStamp stamp{.rows = {RowOf(1), RowOf(2)}, .values = 3, .mode = "MYSQL"};
  const Owner tenant{Owner::kTenant, 171};
  EXPECT_EQ("{\"n\":1}", *lists.Get(tenant, stamp, [&] { return r(); }));
  EXPECT_EQ("{\"n\":1}", *lists.Get(tenant, stamp, [&] { return r(); }));
  EXPECT_EQ(1, r.calls);
}

TEST(RenderedLists, AnythingChangedInTheStampWritesTheListAgain) {
  RenderedLists lists;
  Renderer r;
  const Owner cluster{Owner::kCluster, 1};
  ListStamp stamp{.rows = {RowOf(1)}, .values = 0, .topology = std::make_shared<int>(0)};
  lists.Get(cluster, stamp, [&] { return r(); });

  ListStamp values = stamp;
  values.values = 1;  // a PUT
  EXPECT_EQ("{\"n\":2}", *lists.Get(cluster, values, [&] { return r(); }));
  ListStamp row = values;
  row.rows[0] = RowOf(1);  // the same id, another document: PUT /__mock/parameters/1
  EXPECT_EQ("{\"n\":3}", *lists.Get(cluster, row, [&] { return r(); }));
  ListStamp added = row;
  added.rows.push_back(RowOf(2));
  EXPECT_EQ("{\"n\":4}", *lists.Get(cluster, added, [&] { return r(); }));
  ListStamp topology = added;
  topology.topology = std::make_shared<int>(0);  // the entities changed
  EXPECT_EQ("{\"n\":5}", *lists.Get(cluster, topology, [&] { return r(); }));
  ListStamp mode = topology;
  mode.mode = "ORACLE";
  EXPECT_EQ("{\"n\":6}", *lists.Get(cluster, mode, [&] { return r(); }));
  EXPECT_EQ("{\"n\":6}", *lists.Get(cluster, mode, [&] { return r(); }));
}

TEST(RenderedLists, OwnersAreKeptApartAndAClearForgetsThem) {
  RenderedLists lists;
  Renderer r;
  const ListStamp stamp{.rows = {RowOf(1)}};
  EXPECT_EQ("{\"n\":1}", *lists.Get({Owner::kCluster, 1}, stamp, [&] { return r(); }));
  EXPECT_EQ("{\"n\":2}", *lists.Get({Owner::kTenant, 1}, stamp, [&] { return r(); }));
  lists.Clear();
  EXPECT_EQ("{\"n\":3}", *lists.Get({Owner::kCluster, 1}, stamp, [&] { return r(); }));
}

TEST(RenderedLists, PastTheBoundTheCacheStartsAgainAndStillAnswersRight) {
  RenderedLists lists;
  Renderer r;
  const ListStamp stamp{.rows = {RowOf(1)}};
  for (int64_t id = 1; id <= static_cast<int64_t>(RenderedLists::kMaxEntries); ++id) {
    lists.Get({Owner::kTenant, id}, stamp, [&] { return r(); });
  }
  const int before = r.calls;
  lists.Get({Owner::kTenant, 1}, stamp, [&] { return r(); });  // still kept
  EXPECT_EQ(before, r.calls);
  lists.Get({Owner::kTenant, 0}, stamp, [&] { return r(); });  // one more: all forgotten
  lists.Get({Owner::kTenant, 1}, stamp, [&] { return r(); });
  EXPECT_EQ(before + 2, r.calls);
}

}  // namespace
}  // namespace mock::families::parameters
