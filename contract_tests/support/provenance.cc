#include "contract_tests/support/provenance.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

namespace contract {
namespace {

std::mutex mutex;
std::vector<std::string> observations;                         // guarded by mutex
std::map<std::string, std::set<std::string>> tags_by_test;     // guarded by mutex
std::map<std::string, std::vector<std::string>> seen_by_test;  // guarded by mutex

std::string CurrentTest() {
  const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
  return info == nullptr ? "" : std::string(info->test_suite_name()) + "." + info->name();
}

}  // namespace

std::string_view SourceName(Source source) {
  switch (source) {
    case Source::kDoc:
      return "doc";
    case Source::kFramework:
      return "framework";
    case Source::kClient:
      return "client";
    case Source::kMock:
      return "mock";
  }
  return "?";
}

bool Strict() {
  const char* v = std::getenv("OCP_STRICT");
  return v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
}

namespace {
std::atomic<bool> live_run{false};
}  // namespace

void SetLiveRun(bool live) { live_run.store(live); }

bool Observational(Source source) {
  return (source == Source::kMock || source == Source::kClient) && live_run.load() && !Strict();
}

void TagProvenance(Source source, std::string_view rule) {
  const std::string test = CurrentTest();
  if (test.empty()) return;
  std::string joined;
  {
    std::lock_guard lock(mutex);
    auto& tags = tags_by_test[test];
    tags.insert(std::string(SourceName(source)) + ": " + std::string(rule));
    for (const std::string& t : tags) joined += (joined.empty() ? "" : "; ") + t;
  }
  testing::Test::RecordProperty("provenance", joined);
}

bool CheckRule(Source source, std::string_view rule, bool holds, const std::string& message) {
  TagProvenance(source, rule);
  if (holds) return true;
  const std::string text =
      "[" + std::string(SourceName(source)) + ": " + std::string(rule) + "] " + message;
  if (!Observational(source)) {
    ADD_FAILURE() << text;
    return false;
  }
  const std::string observation = (source == Source::kClient ? "differs from what clients rely on "
                                                             : "differs from ocp-mock ") +
                                  text;
  std::string joined;
  {
    std::lock_guard lock(mutex);
    if (observations.size() < 1000) observations.push_back(CurrentTest() + ": " + observation);
    auto& mine = seen_by_test[CurrentTest()];
    mine.push_back(observation);
    for (const std::string& o : mine) joined += (joined.empty() ? "" : "\n") + o;
  }
  // A property set again replaces the old value: record them all, joined.
  testing::Test::RecordProperty("observation", joined);
  std::printf("observation: %s\n", observation.c_str());
  return false;
}

void Observe(std::string_view rule, const std::string& message) {
  CheckRule(Source::kMock, rule, false, message);
}

std::vector<std::string> Observations() {
  std::lock_guard lock(mutex);
  return observations;
}

}  // namespace contract
