#include "contract_tests/support/oracle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace contract {

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return lower(a) == lower(b); });
  return needle.empty() || it != haystack.end();
}

const KnownTask* FindTask(int64_t id) {
  static const std::map<int64_t, const KnownTask*> by_id = [] {
    std::map<int64_t, const KnownTask*> m;
    for (const KnownTask& t : ServerUnderTest::Get().tasks()) m[t.id] = &t;
    return m;
  }();
  auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : it->second;
}

size_t ExpectFilter(const std::string& query, const Predicate& pred) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  const std::vector<int64_t> got = server.AllIds(query);
  std::vector<int64_t> expected;
  for (const KnownTask& t : server.tasks()) {
    if (pred(t)) expected.push_back(t.id);
  }
  for (int64_t id : got) {
    const KnownTask* t = FindTask(id);
    if (t != nullptr) {
      EXPECT_TRUE(pred(*t)) << query << ": task " << id << " does not match";
    }
  }
  EXPECT_TRUE(std::is_sorted(got.begin(), got.end(), std::greater<>()))
      << query << ": not in the default order (id descending)";
  EXPECT_EQ(got.size(), std::set<int64_t>(got.begin(), got.end()).size())
      << query << ": a task is listed twice";
  if (server.complete()) {
    EXPECT_EQ(expected, got) << query << ": wrong set of tasks";
  } else {
    std::set<int64_t> got_set(got.begin(), got.end());
    for (int64_t id : expected) {
      if (got.size() < ServerUnderTest::kLiveTaskLimit) {
        EXPECT_TRUE(got_set.count(id)) << query << ": task " << id << " is missing";
      }
    }
  }
  return got.size();
}

template <typename T>
T MostCommon(const std::vector<T>& values) {
  std::map<T, size_t> counts;
  for (const T& v : values) ++counts[v];
  T best{};
  size_t best_count = 0;
  for (const auto& [v, n] : counts) {
    if (n > best_count) {
      best = v;
      best_count = n;
    }
  }
  return best;
}

template int64_t MostCommon<int64_t>(const std::vector<int64_t>&);
template std::string MostCommon<std::string>(const std::vector<std::string>&);

}  // namespace contract
