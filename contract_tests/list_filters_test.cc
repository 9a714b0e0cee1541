// GET /api/v2/tasks/instances: every filter alone and combined returns exactly the matching
// tasks. Values are taken from the data the server lists, so the same checks run live.
#include <gtest/gtest.h>

#include <set>

#include "contract_tests/support/oracle.h"

namespace contract {
namespace {

const std::vector<KnownTask>& Tasks() { return ServerUnderTest::Get().tasks(); }

std::vector<int64_t> ClusterIds() {
  std::vector<int64_t> ids;
  for (const KnownTask& t : Tasks()) {
    if (t.cluster_id) ids.push_back(*t.cluster_id);
  }
  return ids;
}

const KnownTask* FirstWithTenant() {
  for (const KnownTask& t : Tasks()) {
    if (t.tenant_id && t.cluster_id) return &t;
  }
  return nullptr;
}

TEST(ListFilters, NoFilterListsEveryTask) {
  std::vector<int64_t> all;
  for (const KnownTask& t : Tasks()) all.push_back(t.id);
  ASSERT_FALSE(all.empty()) << "the server lists no task; nothing can be checked";
  EXPECT_EQ(all.size(), ExpectFilter("", [](const KnownTask&) { return true; }));
}

TEST(ListFilters, UnknownParametersAreIgnored) {
  EXPECT_EQ(Tasks().size(), ExpectFilter("colour=red&Status=nope", [](auto&) { return true; }));
}

TEST(ListFilters, NameIsACaseInsensitiveSubstring) {
  ASSERT_FALSE(Tasks().empty());
  std::string word = Tasks().front().name.substr(0, 4);
  std::string upper = word;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto pred = [&](const KnownTask& t) { return ContainsIgnoreCase(t.name, word); };
  EXPECT_GT(ExpectFilter("name=" + Encode(upper), pred), 0u);
}

TEST(ListFilters, NameAcceptsPlusAndPercentTwentyForSpace) {
  const KnownTask* spaced = nullptr;
  for (const KnownTask& t : Tasks()) {
    if (t.name.find(' ') != std::string::npos && t.name.find('+') == std::string::npos) {
      spaced = &t;
      break;
    }
  }
  if (spaced == nullptr) GTEST_SKIP() << "no task name with a space";
  std::string plus = spaced->name;
  std::replace(plus.begin(), plus.end(), ' ', '+');
  auto pred = [&](const KnownTask& t) { return ContainsIgnoreCase(t.name, spaced->name); };
  EXPECT_GT(ExpectFilter("name=" + Encode(spaced->name), pred), 0u);
  std::string encoded_plus;
  for (char c : plus) encoded_plus += c == '+' ? "+" : Encode(std::string(1, c));
  EXPECT_GT(ExpectFilter("name=" + encoded_plus, pred), 0u);
}

TEST(ListFilters, NameWithNonAsciiCharacters) {
  const KnownTask* wide = nullptr;
  for (const KnownTask& t : Tasks()) {
    if (static_cast<unsigned char>(t.name.front()) >= 0x80) wide = &t;
  }
  if (wide == nullptr) GTEST_SKIP() << "no task name with non-ASCII characters";
  std::string prefix = wide->name.substr(0, 6);  // two 3-byte characters
  EXPECT_GT(ExpectFilter("name=" + Encode(prefix),
                         [&](const KnownTask& t) { return ContainsIgnoreCase(t.name, prefix); }),
            0u);
}

TEST(ListFilters, NameThatMatchesNothing) {
  EXPECT_EQ(0u, ExpectFilter("name=no-task-is-called-this-9f3a", [](auto&) { return false; }));
}

TEST(ListFilters, EachStatusAlone) {
  size_t total = 0;
  for (const char* status : {"RUNNING", "FAILED", "SUCCESSFUL"}) {
    total += ExpectFilter(std::string("status=") + status,
                          [&](const KnownTask& t) { return t.status == status; });
  }
  if (ServerUnderTest::Get().complete()) {
    EXPECT_EQ(Tasks().size(), total);
  }
}

TEST(ListFilters, StatusListCommaRepeatedAndSpacedAgree) {
  auto pred = [](const KnownTask& t) { return t.status == "RUNNING" || t.status == "FAILED"; };
  size_t n = ExpectFilter("status=RUNNING,FAILED", pred);
  EXPECT_EQ(n, ExpectFilter("status=RUNNING&status=FAILED", pred));
  EXPECT_EQ(n, ExpectFilter("status=%20RUNNING%20,%20FAILED%20,", pred));
  EXPECT_EQ(n, ExpectFilter("status=FAILED&status=RUNNING,RUNNING", pred));
}

TEST(ListFilters, BlankStatusMeansNoStatusFilter) {
  EXPECT_EQ(Tasks().size(), ExpectFilter("status=", [](auto&) { return true; }));
}

TEST(ListFilters, EachTypeAlone) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  std::set<int64_t> seen;
  for (const char* type : {"MANUAL", "SYS_ONECE", "SCHEDULED", "SYS_SCHEDULED"}) {
    std::string query = std::string("type=") + type;
    if (server.knows_fixture_truth()) {
      EXPECT_GT(ExpectFilter(query, [&](const KnownTask& t) { return t.type == type; }), 0u)
          << type;
    }
    // Live, the list does not show a task's type: the four answers must partition the tasks.
    for (int64_t id : server.AllIds(query)) {
      EXPECT_TRUE(seen.insert(id).second) << "task " << id << " has two types";
    }
  }
  if (server.complete()) {
    EXPECT_EQ(Tasks().size(), seen.size());
  }
}

TEST(ListFilters, ClusterNameInBothSpellingsIsACaseInsensitiveSubstring) {
  std::vector<std::string> names;
  for (const KnownTask& t : Tasks()) {
    if (!t.cluster_name.empty()) names.push_back(t.cluster_name);
  }
  if (names.empty()) GTEST_SKIP() << "no task with a cluster";
  std::string name = MostCommon(names);
  std::string part = name.substr(name.size() / 3, std::max<size_t>(3, name.size() / 3));
  for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto pred = [&](const KnownTask& t) {
    return !t.cluster_name.empty() && ContainsIgnoreCase(t.cluster_name, part);
  };
  size_t n = ExpectFilter("cluterName=" + Encode(part), pred);
  EXPECT_GT(n, 0u);
  EXPECT_EQ(n, ExpectFilter("clusterName=" + Encode(part), pred));
}

TEST(ListFilters, ClusterIdIsExact) {
  std::vector<int64_t> ids = ClusterIds();
  if (ids.empty()) GTEST_SKIP() << "no task with a cluster";
  int64_t id = MostCommon(ids);
  EXPECT_GT(ExpectFilter("clusterId=" + std::to_string(id),
                         [&](const KnownTask& t) { return t.cluster_id == id; }),
            0u);
  EXPECT_EQ(0u, ExpectFilter("clusterId=-987654321", [](auto&) { return false; }));
}

TEST(ListFilters, TenantIdIsExact) {
  const KnownTask* t = FirstWithTenant();
  if (t == nullptr) GTEST_SKIP() << "no task with a tenant";
  int64_t id = *t->tenant_id;
  EXPECT_GT(ExpectFilter("tenantId=" + std::to_string(id),
                         [&](const KnownTask& k) { return k.tenant_id == id; }),
            0u);
}

TEST(ListFilters, TenantNameWithClusterIdIsExactWithinTheCluster) {
  const KnownTask* t = FirstWithTenant();
  if (t == nullptr) GTEST_SKIP() << "no task with a tenant";
  auto pred = [&](const KnownTask& k) {
    return k.cluster_id == t->cluster_id && k.tenant_id && k.tenant_name == t->tenant_name;
  };
  EXPECT_GT(ExpectFilter("clusterId=" + std::to_string(*t->cluster_id) +
                             "&tenantName=" + Encode(t->tenant_name),
                         pred),
            0u);
}

TEST(ListFilters, HostIdSelectsTasksThatRanOnTheHost) {
  const ServerUnderTest& server = ServerUnderTest::Get();
  if (!server.knows_fixture_truth()) {
    // Live, hosts are not visible in the list: check only that the answer is a valid subset.
    EXPECT_LE(server.AllIds("hostId=1").size(), Tasks().size());
    return;
  }
  std::vector<int64_t> hosts;
  for (const KnownTask& t : Tasks())
    hosts.insert(hosts.end(), t.host_ids.begin(), t.host_ids.end());
  int64_t host = MostCommon(hosts);
  auto pred = [&](const KnownTask& t) {
    return std::find(t.host_ids.begin(), t.host_ids.end(), host) != t.host_ids.end();
  };
  EXPECT_GT(ExpectFilter("hostId=" + std::to_string(host), pred), 0u);
}

TEST(ListFilters, FiltersCombineWithAnd) {
  std::vector<int64_t> ids = ClusterIds();
  if (ids.empty()) GTEST_SKIP() << "no task with a cluster";
  int64_t cluster = MostCommon(ids);
  ExpectFilter(
      "clusterId=" + std::to_string(cluster) + "&status=SUCCESSFUL,FAILED",
      [&](const KnownTask& t) { return t.cluster_id == cluster && t.status != "RUNNING"; });
  const KnownTask* t = FirstWithTenant();
  ASSERT_NE(nullptr, t);
  std::string word = t->name.substr(0, 3);
  ExpectFilter("name=" + Encode(word) + "&tenantId=" + std::to_string(*t->tenant_id) +
                   "&clusterName=" + Encode(t->cluster_name) + "&status=" + t->status,
               [&](const KnownTask& k) {
                 return ContainsIgnoreCase(k.name, word) && k.tenant_id == t->tenant_id &&
                        ContainsIgnoreCase(k.cluster_name, t->cluster_name) &&
                        k.status == t->status;
               });
  if (ServerUnderTest::Get().knows_fixture_truth()) {
    EXPECT_GT(ExpectFilter("type=MANUAL&hostId=2&status=SUCCESSFUL",
                           [](const KnownTask& k) {
                             return k.type == "MANUAL" && k.status == "SUCCESSFUL" &&
                                    std::find(k.host_ids.begin(), k.host_ids.end(), 2) !=
                                        k.host_ids.end();
                           }),
              0u);
  }
}

TEST(ListFilters, ContradictoryFiltersMatchNothing) {
  std::vector<int64_t> ids = ClusterIds();
  if (ids.empty()) GTEST_SKIP() << "no task with a cluster";
  EXPECT_EQ(0u, ExpectFilter("clusterId=" + std::to_string(ids.front()) +
                                 "&cluterName=no-cluster-is-called-this",
                             [](auto&) { return false; }));
}

}  // namespace
}  // namespace contract
