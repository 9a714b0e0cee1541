#include "mock/journal/journal.h"

#include <gtest/gtest.h>

#include <thread>

namespace mock::journal {
namespace {

Entry Request(std::string method, std::string path, int status = 200, std::string user = "admin",
              int64_t epoch_ms = 1000) {
  Entry e;
  e.method = std::move(method);
  e.path = std::move(path);
  e.status = status;
  e.user = std::move(user);
  e.epoch_ms = epoch_ms;
  return e;
}

std::vector<uint64_t> Sequences(const Page& page) {
  std::vector<uint64_t> out;
  for (const Entry& e : page.entries) out.push_back(e.sequence);
  return out;
}

TEST(JournalTest, ListsNewestFirstInPages) {
  Journal j(100);
  for (int i = 0; i < 5; ++i) j.Record(Request("GET", "/api/v2/tasks/instances"));
  Page first = j.List({}, 1, 2);
  EXPECT_EQ((std::vector<uint64_t>{5, 4}), Sequences(first));
  EXPECT_EQ(5, first.total);
  EXPECT_EQ((std::vector<uint64_t>{1}), Sequences(j.List({}, 3, 2)));
  EXPECT_TRUE(j.List({}, 4, 2).entries.empty());
}

TEST(JournalTest, IsBoundedAndCountsWhatItDropped) {
  Journal j(3);
  for (int i = 0; i < 10; ++i) j.Record(Request("GET", "/a"));
  Page page = j.List({}, 1, 10);
  EXPECT_EQ((std::vector<uint64_t>{10, 9, 8}), Sequences(page));
  EXPECT_EQ(7u, page.dropped);
  EXPECT_EQ(3u, j.Clear());
  EXPECT_EQ(0u, j.List({}, 1, 10).dropped);
  Journal none(0);
  none.Record(Request("GET", "/a"));
  EXPECT_EQ(0u, none.Count({}));
}

TEST(JournalTest, CutsWhatAClientControlsToTheBound) {
  Journal j(10);
  Entry e = Request("GET", "/a");
  e.query = std::string(5000, 'q');
  e.path = "/" + std::string(5000, 'p');
  j.Record(e);
  Entry kept = j.List({}, 1, 1).entries.at(0);
  EXPECT_EQ(Journal::kMaxTextBytes, kept.query.size());
  EXPECT_EQ(Journal::kMaxTextBytes, kept.path.size());
  EXPECT_TRUE(kept.truncated);
}

TEST(JournalTest, FiltersCombine) {
  Journal j(100);
  j.Record(Request("POST", "/api/v2/tasks/instances/8000004/retry", 200, "admin", 1000));
  j.Record(Request("POST", "/api/v2/tasks/instances/8000004/retry", 400, "admin", 2000));
  j.Record(Request("GET", "/api/v2/tasks/instances/8000004", 200, "viewer", 3000));
  EXPECT_EQ(2u, j.Count({.method = "POST"}));
  EXPECT_EQ(2u, j.Count({.path_glob = "/api/v2/tasks/instances/*/retry"}));
  EXPECT_EQ(3u, j.Count({.path_glob = "/api/v2/tasks/*"}));  // `*` spans '/'
  EXPECT_EQ(1u, j.Count({.method = "POST", .status = 400}));
  EXPECT_EQ(1u, j.Count({.user = "viewer"}));
  EXPECT_EQ(2u, j.Count({.since_ms = 2000}));
  EXPECT_EQ(0u, j.Count({.method = "post"})) << "methods match exactly";
}

// Writers and readers from several threads (TSan in tools/test --full): nothing lost below the
// bound, sequences unique.
TEST(JournalTest, ThePlaneSeparatesClientRequestsFromControlChanges) {
  Journal j(10);
  Entry client;
  client.method = "GET";
  client.path = "/api/v2/tasks/instances";
  j.Record(client);
  Entry change;
  change.method = "POST";
  change.path = "/__mock/faults";
  change.control = true;
  j.Record(change);
  EXPECT_EQ(1u, j.Count({}));
  EXPECT_EQ(1u, j.Count({.plane = Plane::kControl}));
  EXPECT_EQ(2u, j.Count({.plane = Plane::kAll}));
  EXPECT_EQ("/__mock/faults", j.List({.plane = Plane::kControl}, 1, 10).entries[0].path);
}

TEST(JournalTest, ConcurrentRecordsAndReads) {
  Journal j(100000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&j] {
      for (int i = 0; i < 2000; ++i) {
        j.Record(Request("GET", "/a"));
        if (i % 100 == 0) j.List({.method = "GET"}, 1, 10);
      }
    });
  }
  for (auto& t : threads) t.join();
  Page all = j.List({}, 1, 10000);
  EXPECT_EQ(8000, all.total);
  EXPECT_EQ(8000u, all.entries.front().sequence);
  EXPECT_EQ(1u, all.entries.back().sequence);
}

}  // namespace
}  // namespace mock::journal
