// The clusters, tenants and hosts lists over HTTP: every documented filter, paging and sorting
// give exactly what the suite computes itself from the whole list, independently of the mock's
// engine. The data is learned from the server's own lists, so the same checks run against a
// live OCP (read-only), each rule tagged with where it comes from (support/provenance.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "contract_tests/support/oracle.h"
#include "contract_tests/support/provenance.h"
#include "tools/compat/list_rules.h"

namespace contract {
namespace {

// One row of a list: what the checks need of it.
struct Item {
  int64_t id = 0;
  std::string name;
  std::string status;
  std::string mode;        // tenants
  int64_t cluster_id = 0;  // tenants
  bool locked = false;     // tenants
  std::string ip;          // hosts
};

std::string StrOf(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

Item ItemOf(const rapidjson::Value& v) {
  Item item;
  if (v.HasMember("id") && v["id"].IsInt64()) item.id = v["id"].GetInt64();
  item.name = StrOf(v, "name");
  item.status = StrOf(v, "status");
  item.mode = StrOf(v, "mode");
  item.ip = StrOf(v, "innerIpAddress");
  if (v.HasMember("clusterId") && v["clusterId"].IsInt64())
    item.cluster_id = v["clusterId"].GetInt64();
  item.locked = v.HasMember("locked") && v["locked"].IsBool() && v["locked"].GetBool();
  return item;
}

struct Page {
  std::vector<Item> items;
  int64_t total = -1;
  int64_t total_pages = -1;
};

// One page of `path` with `query` (validated against its schema by Fetch).
Page Get(const std::string& path, const std::string& query) {
  const std::string target = path + (query.empty() ? "" : "?" + query);
  Fetched f = ServerUnderTest::Get().Fetch(target);
  Page page;
  EXPECT_EQ(200, f.http.status) << target << ": " << f.http.body;
  if (f.http.status != 200 || !f.json.IsObject()) return page;
  const auto& data = f.json["data"];
  for (const auto& v : data["contents"].GetArray()) page.items.push_back(ItemOf(v));
  page.total = data["page"]["totalElements"].GetInt64();
  page.total_pages = data["page"]["totalPages"].GetInt64();
  return page;
}

constexpr int kAllSize = 1000;

// Every row of `path`, in one page (the lists here are small; the suite insists they fit).
std::vector<Item> All(const std::string& path) {
  Page page = Get(path, "size=" + std::to_string(kAllSize));
  EXPECT_EQ(page.total, static_cast<int64_t>(page.items.size()))
      << path << " has more rows than one page of " << kAllSize << " holds";
  return page.items;
}

std::set<int64_t> IdsOf(const std::vector<Item>& items) {
  std::set<int64_t> ids;
  for (const Item& i : items) ids.insert(i.id);
  return ids;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Checks that `path?query` lists exactly the rows of `all` passing `pred`; returns how many.
size_t ExpectSubset(Source source, std::string_view rule, const std::string& path,
                    const std::string& query, const std::vector<Item>& all,
                    const std::function<bool(const Item&)>& pred) {
  std::set<int64_t> expected;
  for (const Item& i : all) {
    if (pred(i)) expected.insert(i.id);
  }
  Page page = Get(path, query + "&size=" + std::to_string(kAllSize));
  const std::set<int64_t> got = IdsOf(page.items);
  CheckRule(source, rule, got == expected && page.total == static_cast<int64_t>(expected.size()),
            "GET " + path + "?" + query + " listed " + std::to_string(got.size()) +
                " rows (totalElements " + std::to_string(page.total) + "), expected " +
                std::to_string(expected.size()));
  return expected.size();
}

const char kClusters[] = "/api/v2/ob/clusters";
const char kTenants[] = "/api/v2/ob/tenants";
const char kHosts[] = "/api/v2/compute/hosts";

// Paging: every page size walks through every row exactly once, and the page object's totals
// agree with the rows (docs/reference/ocp-task-api.md 3: 1-based pages, Spring Data's totals).
void ExpectPaging(const std::string& path) {
  const std::vector<Item> all = All(path);
  ASSERT_FALSE(all.empty()) << path << " lists nothing; nothing can be checked";
  for (int64_t size : {1, 2, 3, 7}) {
    std::multiset<int64_t> seen;
    Page first = Get(path, "page=1&size=" + std::to_string(size));
    const int64_t pages = (static_cast<int64_t>(all.size()) + size - 1) / size;
    CheckRule(Source::kFramework, "Spring Data: totalElements and totalPages of every page",
              first.total == static_cast<int64_t>(all.size()) && first.total_pages == pages,
              path + " size " + std::to_string(size) + ": totals " + std::to_string(first.total) +
                  "/" + std::to_string(first.total_pages) + ", expected " +
                  std::to_string(all.size()) + "/" + std::to_string(pages));
    for (int64_t p = 1; p <= pages; ++p) {
      Page page =
          p == 1 ? first : Get(path, "page=" + std::to_string(p) + "&size=" + std::to_string(size));
      for (const Item& i : page.items) seen.insert(i.id);
    }
    const std::set<int64_t> ids = IdsOf(all);
    const std::multiset<int64_t> want(ids.begin(), ids.end());
    // The docs give these lists no default order; a stable one is the mock's (id ascending).
    CheckRule(Source::kMock, "pages of the default order hold every row once", seen == want,
              path + " size " + std::to_string(size) + ": the pages held " +
                  std::to_string(seen.size()) + " rows for " + std::to_string(all.size()));
    Page past = Get(path, "page=" + std::to_string(pages + 1) + "&size=" + std::to_string(size));
    CheckRule(Source::kFramework, "a page past the last is empty", past.items.empty(),
              path + ": page " + std::to_string(pages + 1) + " held rows");
  }
}

TEST(EntityLists, ClustersPageThroughEveryClusterOnce) { ExpectPaging(kClusters); }
TEST(EntityLists, TenantsPageThroughEveryTenantOnce) { ExpectPaging(kTenants); }
TEST(EntityLists, HostsPageThroughEveryHostOnce) { ExpectPaging(kHosts); }

TEST(EntityLists, ClusterNameIsACaseInsensitiveKeyword) {
  const auto all = All(kClusters);
  ASSERT_FALSE(all.empty());
  const std::string word = all.front().name.substr(1, 4);
  const auto pred = [&](const Item& i) { return ContainsIgnoreCase(i.name, word); };
  EXPECT_GT(ExpectSubset(Source::kDoc,
                         "docs/reference/ocp-resources-api.md 2.1: name, case-insensitive keyword",
                         kClusters, "name=" + Encode(Upper(word)), all, pred),
            0u);
  EXPECT_EQ(0u, ExpectSubset(Source::kDoc, "a keyword no name holds lists nothing", kClusters,
                             "name=no-cluster-is-called-this", all, [](auto&) { return false; }));
}

TEST(EntityLists, EveryStatusFilterListsExactlyThatStatus) {
  for (const char* path : {kClusters, kTenants, kHosts}) {
    const auto all = All(path);
    std::set<std::string> statuses;
    for (const Item& i : all) statuses.insert(i.status);
    ASSERT_FALSE(statuses.empty()) << path;
    for (const std::string& s : statuses) {
      EXPECT_GT(
          ExpectSubset(Source::kDoc, "docs/reference/ocp-resources-api.md: status filter", path,
                       "status=" + s, all, [&](const Item& i) { return i.status == s; }),
          0u);
    }
    if (statuses.size() >= 2) {
      const std::string a = *statuses.begin(), b = *statuses.rbegin();
      ExpectSubset(Source::kFramework, "a StringArray parameter given twice takes both", path,
                   "status=" + a + "&status=" + b, all,
                   [&](const Item& i) { return i.status == a || i.status == b; });
    }
  }
}

TEST(EntityLists, TenantFiltersByNameModeAndLocked) {
  const auto all = All(kTenants);
  ASSERT_FALSE(all.empty());
  const std::string word = Lower(all.back().name.substr(0, 3));
  EXPECT_GT(ExpectSubset(Source::kDoc,
                         "docs/reference/ocp-resources-api.md 3.2: name, case-insensitive keyword",
                         kTenants, "name=" + Encode(Upper(word)), all,
                         [&](const Item& i) { return ContainsIgnoreCase(i.name, word); }),
            0u);
  std::set<std::string> modes;
  for (const Item& i : all) modes.insert(i.mode);
  for (const std::string& m : modes) {
    EXPECT_GT(ExpectSubset(Source::kDoc, "docs/reference/ocp-resources-api.md 3.2: mode filter",
                           kTenants, "mode=" + m, all, [&](const Item& i) { return i.mode == m; }),
              0u);
  }
  for (bool locked : {true, false}) {
    ExpectSubset(Source::kDoc, "docs/reference/ocp-resources-api.md 3.2: locked filter", kTenants,
                 std::string("locked=") + (locked ? "true" : "false"), all,
                 [&](const Item& i) { return i.locked == locked; });
  }
}

TEST(EntityLists, AClustersTenantsAreTheTenantsNamingIt) {
  const auto tenants = All(kTenants);
  std::set<int64_t> clusters;
  for (const Item& t : tenants) clusters.insert(t.cluster_id);
  ASSERT_FALSE(clusters.empty());
  for (int64_t c : clusters) {
    const std::string path = std::string(kClusters) + "/" + std::to_string(c) + "/tenants";
    EXPECT_GT(
        ExpectSubset(Source::kDoc, "docs/reference/ocp-resources-api.md 3.1: the cluster's tenants",
                     path, "", tenants, [&](const Item& t) { return t.cluster_id == c; }),
        0u);
  }
}

TEST(EntityLists, HostKeywordMatchesNameOrAddress) {
  const auto all = All(kHosts);
  ASSERT_FALSE(all.empty());
  const std::string ip = all.back().ip.substr(0, all.back().ip.size() - 1);
  EXPECT_GT(ExpectSubset(
                Source::kDoc, "docs/reference/ocp-resources-api.md 4.1: keyword, hostname or IP",
                kHosts, "keyword=" + Encode(ip), all,
                [&](const Item& i) {
                  return i.ip.find(ip) != std::string::npos || i.name.find(ip) != std::string::npos;
                }),
            0u);
}

// Sorting by name either way. The order is the collation's of OCP's metadb (an OceanBase
// MySQL-mode tenant), which the docs do not name: byte order (utf8mb4_bin), or letters folded to
// upper case (utf8mb4_general_ci, the default: '_' after every letter, "metadb_6" before
// "meta_10"), or to lower case (ocp-mock's). Sorted under one of them, the whole page through, is
// the framework's rule (Spring Data passes sort=name to the database); lower-case folding and
// ties in id order are the mock's (a real server adds no tie-breaker).
void ExpectSorted(const std::string& path, bool ascending) {
  Page page = Get(path, std::string("size=1000&sort=name,") + (ascending ? "asc" : "desc"));
  ASSERT_GE(page.items.size(), 2u) << path;
  std::vector<std::string> names;
  for (const Item& i : page.items) names.push_back(i.name);
  const auto collations = compat::NameCollations(names, !ascending);
  std::string listed;
  for (size_t k = 0; k < names.size() && listed.size() < 300; ++k) {
    listed += (k == 0 ? "'" : ", '") + names[k] + "'";
  }
  const std::string where =
      "GET " + path + "?sort=name," + (ascending ? "asc" : "desc") + " listed " + listed;
  CheckRule(Source::kFramework,
            "Spring Data: sort=name orders by name, in a collation OCP's metadb may use (binary, "
            "lower-case or upper-case folding)",
            !collations.empty(), where);
  CheckRule(Source::kMock, "names sort ASCII case-insensitively (lower-case folding)",
            compat::InOrder(names, !ascending, compat::Collation::kLowerFolded), where);
  for (size_t k = 1; k < page.items.size(); ++k) {
    const Item& a = page.items[k - 1];
    const Item& b = page.items[k];
    if (Lower(a.name) != Lower(b.name)) continue;
    CheckRule(Source::kMock, "ties in id order", a.id < b.id,
              path + " sort=name: '" + a.name + "' (" + std::to_string(a.id) + ") before '" +
                  b.name + "' (" + std::to_string(b.id) + ")");
  }
}

// What a live name-order check accepts: each collation OCP's metadb may use, and only those.
// The upper-case folding of utf8mb4_general_ci (MySQL's and OceanBase's default) puts '_' after
// every letter, which neither byte order nor lower-case folding does (issue #24, finding 8).
TEST(EntityLists, NameOrderAcceptsEachCollationOfOcpsMetadb) {
  using compat::Collation;
  using List = std::vector<std::string>;
  EXPECT_EQ(std::vector<Collation>{Collation::kUpperFolded},
            compat::NameCollations(List{"metadb_6", "meta_10"}, false));
  EXPECT_EQ(std::vector<Collation>{Collation::kUpperFolded},
            compat::NameCollations(List{"meta_10", "metadb_6"}, true));
  EXPECT_EQ((std::vector<Collation>{Collation::kBinary, Collation::kLowerFolded}),
            compat::NameCollations(List{"meta_10", "metadb_6"}, false));
  EXPECT_EQ(std::vector<Collation>{Collation::kBinary},
            compat::NameCollations(List{"Zeta", "alpha"}, false));
  EXPECT_EQ((std::vector<Collation>{Collation::kLowerFolded, Collation::kUpperFolded}),
            compat::NameCollations(List{"alpha", "Beta", "beta", "Gamma"}, false));
  // One collation the whole page through: a page mixing two orders is in none.
  EXPECT_TRUE(compat::NameCollations(List{"metadb_6", "meta_10", "Zeta", "alpha"}, false).empty());
  EXPECT_TRUE(compat::NameCollations(List{"b", "a"}, false).empty());
}

TEST(EntityLists, EachListSortsByName) {
  for (const char* path : {kClusters, kTenants, kHosts}) {
    ExpectSorted(path, true);
    ExpectSorted(path, false);
  }
}

}  // namespace
}  // namespace contract
