// Fault rules on their own: what matches, how often a rule fires, that a seed replays the same
// firings, the bound, and that rules are safe to change and consult from several threads.
#include "mock/faults/fault_rules.h"

#include <gtest/gtest.h>

#include <thread>

namespace mock::faults {
namespace {

const QueryParams kNoQuery;

std::optional<Firing> Fire(FaultRules& rules, const std::string& path,
                           const std::string* user = nullptr, const QueryParams& query = kNoQuery,
                           std::string_view method = "GET") {
  return rules.Decide({method, path, user, query});
}

FaultRule StatusRule(int status) {
  FaultRule r;
  r.action.type = ActionType::kStatus;
  r.action.status = status;
  return r;
}

TEST(FaultRulesTest, EveryGivenFieldMustMatch) {
  FaultRules rules(1);
  FaultRule r = StatusRule(503);
  r.match = {.method = "POST",
             .path_glob = "/api/v2/tasks/instances/*/retry",
             .user = "admin",
             .query_name = "force",
             .query_value = "true"};
  ASSERT_TRUE(rules.Add(r).ok());
  const std::string admin = "admin", viewer = "viewer";
  const std::string retry = "/api/v2/tasks/instances/7/retry";
  const QueryParams force{{"force", "false"}, {"force", "true"}}, other{{"force", "false"}};
  EXPECT_TRUE(Fire(rules, retry, &admin, force, "POST"));
  EXPECT_FALSE(Fire(rules, retry, &admin, force, "GET")) << "method";
  EXPECT_FALSE(Fire(rules, "/api/v2/tasks/instances/7", &admin, force, "POST")) << "path";
  EXPECT_FALSE(Fire(rules, retry, &viewer, force, "POST")) << "user";
  EXPECT_FALSE(Fire(rules, retry, nullptr, force, "POST")) << "no user at all";
  EXPECT_FALSE(Fire(rules, retry, &admin, other, "POST")) << "query value";
  EXPECT_FALSE(Fire(rules, retry, &admin, kNoQuery, "POST")) << "query name";
}

// A 503 rule without a message says what answered: OCP's catalogues have no entry for a 503,
// and the one it fell back to read "Invalid request. Cause:fault rule 1".
TEST(FaultRulesTest, A503WithoutAMessageSaysTheMocksRuleAnswered) {
  FaultRules rules(1);
  FaultRule given = StatusRule(503);
  given.match.path_glob = "/given";
  given.action.message = "maintenance";
  ASSERT_TRUE(rules.Add(StatusRule(500)).ok() && rules.Add(given).ok());
  ASSERT_TRUE(rules.Add(StatusRule(503)).ok());
  (void)rules.Remove(1);  // the 500 rule, which the catalogue words
  EXPECT_EQ("maintenance", Fire(rules, "/given")->action.message);
  std::optional<Firing> plain = Fire(rules, "/other");
  ASSERT_TRUE(plain);
  EXPECT_EQ(
      "Service Unavailable: the mock's fault rule 3 answered this request with 503 in place of "
      "the server.",
      plain->action.message);
  EXPECT_TRUE(rules.List().back().rule.action.message.empty()) << "listed as it was given";
  EXPECT_EQ("", DefaultStatusMessage(4, 500)) << "the catalogue's internal error words a 500";
}

TEST(FaultRulesTest, FirstRuleWithFiringsLeftWins) {
  FaultRules rules(1);
  FaultRule twice = StatusRule(503);
  twice.times = 2;
  ASSERT_TRUE(rules.Add(twice).ok());
  ASSERT_TRUE(rules.Add(StatusRule(500)).ok());
  std::vector<int> statuses;
  for (int i = 0; i < 4; ++i) statuses.push_back(Fire(rules, "/x")->action.status);
  EXPECT_EQ((std::vector<int>{503, 503, 500, 500}), statuses);
  auto listed = rules.List();
  EXPECT_EQ(2, listed[0].fired);
  EXPECT_EQ(2, listed[1].fired);
}

// The same seed and the same requests give the same firings and the same jittered delays.
TEST(FaultRulesTest, ASeedReplaysTheSameFirings) {
  auto run = [](uint64_t seed) {
    FaultRules rules(seed);
    FaultRule r;
    r.action = {.type = ActionType::kDelay, .delay_min_ms = 10, .delay_max_ms = 500};
    r.probability = 0.5;
    EXPECT_TRUE(rules.Add(r).ok());
    std::vector<int> delays;  // -1: did not fire
    for (int i = 0; i < 200; ++i) {
      auto f = Fire(rules, "/x");
      delays.push_back(f ? f->delay_ms : -1);
    }
    return delays;
  };
  const std::vector<int> first = run(42);
  EXPECT_EQ(first, run(42));
  EXPECT_NE(first, run(43));
  const auto fired = std::count_if(first.begin(), first.end(), [](int d) { return d >= 0; });
  EXPECT_GT(fired, 60) << "about half of 200";
  EXPECT_LT(fired, 140);
  for (int d : first) {
    if (d >= 0) {
      EXPECT_TRUE(d >= 10 && d <= 500) << d;
    }
  }
}

TEST(FaultRulesTest, ProbabilityZeroNeverFiresButCountsMatches) {
  FaultRules rules(7);
  FaultRule r = StatusRule(503);
  r.probability = 0;
  ASSERT_TRUE(rules.Add(r).ok());
  for (int i = 0; i < 50; ++i) EXPECT_FALSE(Fire(rules, "/x"));
  EXPECT_EQ(50, rules.List()[0].matched);
  EXPECT_EQ(0, rules.List()[0].fired);
}

TEST(FaultRulesTest, BoundedAndRemovable) {
  FaultRules rules(1);
  for (size_t i = 0; i < FaultRules::kMaxRules; ++i) ASSERT_TRUE(rules.Add(StatusRule(503)).ok());
  auto refused = rules.Add(StatusRule(503));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string::npos, refused.status().message().find("at most 256"));
  EXPECT_TRUE(rules.Remove(3));
  EXPECT_FALSE(rules.Remove(3));
  EXPECT_TRUE(rules.Add(StatusRule(503)).ok()) << "room again";
  EXPECT_EQ(FaultRules::kMaxRules, rules.Clear());
  EXPECT_FALSE(Fire(rules, "/x"));
  EXPECT_EQ(1u, rules.Add(StatusRule(503)).value().rule.id) << "ids restart after a clear";
}

TEST(FaultRulesTest, ResetPutsTheInitialRulesBackWithFreshCounts) {
  FaultRule once = StatusRule(503);
  once.times = 1;
  FaultRules rules(1, {once});
  EXPECT_TRUE(Fire(rules, "/x"));
  EXPECT_FALSE(Fire(rules, "/x")) << "spent";
  ASSERT_TRUE(rules.Add(StatusRule(500)).ok());
  rules.Reset();
  ASSERT_EQ(1u, rules.List().size());
  EXPECT_EQ(0, rules.List()[0].fired);
  EXPECT_EQ(503, Fire(rules, "/x")->action.status);
}

// Run under ThreadSanitizer in tools/test --full: adds, removals, listings and decisions race.
TEST(FaultRulesTest, SafeFromSeveralThreads) {
  FaultRules rules(5);
  std::atomic<int> fired{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&rules, &fired, t] {
      for (int i = 0; i < 500; ++i) {
        if (t == 0 && i % 10 == 0) {
          FaultRule r = StatusRule(503);
          r.times = 3;
          (void)rules.Add(r);
        } else if (t == 1 && i % 25 == 0) {
          rules.Remove(static_cast<uint64_t>(i / 25));
          (void)rules.List();
        } else if (Fire(rules, "/api/v2/tasks/instances")) {
          fired.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  int64_t counted = 0;
  for (const auto& s : rules.List()) {
    EXPECT_LE(s.fired, 3);
    counted += s.fired;
  }
  EXPECT_LE(counted, fired.load()) << "removed rules' firings are gone from the list";
  EXPECT_GT(fired.load(), 0);
}

}  // namespace
}  // namespace mock::faults
