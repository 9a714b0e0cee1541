#include "contract_tests/support/proxy_check.h"

#include <fnmatch.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <mutex>

#include "mock/json/json.h"

namespace contract {
namespace {

// Violations the classification sets apart, each for one test (a gtest filter pattern over
// "Suite.Name") and the violations at or under one location ("request.query.page"); each is in
// docs/openapi.md, "A validation proxy: Prism". Two kinds:
//  - the proxy is wrong (Prism 5.14.2, its source and issue named there): `excepted`;
//  - the test sends, on purpose, a request outside the document that the mock accepts as OCP's
//    framework does (Spring's leniency, docs/reference/spring-paging.md): `tolerated`. Only in a
//    request accepted 2xx; its answer is still checked.
struct Allowance {
  std::string_view test;
  std::string_view location;
  bool proxy_wrong;
};
constexpr std::array kAllowances{
    // Prism matches a trailing slash's empty segment to a path parameter (router/matchPath.js's
    // `(.*)`) and checks request and answer against the detail's operation; the mock, as Spring
    // does, serves the list.
    Allowance{"ErrorEnvelope.TrailingSlashIsTheSameList", "", true},
    // Prism reads query parameter names case-insensitively (prism#1268): `Status=nope`, which
    // Spring and the mock ignore as an unknown parameter, is checked as `status`.
    Allowance{"ListFilters.UnknownParametersAreIgnored", "request.query.status", true},
    // Spring Data's paging: page and size never refused (0, negative, not a number, repeated,
    // beyond 2000), each probed on purpose.
    Allowance{"PageAndSize/PagingEdge.*", "request.query.page", false},
    Allowance{"PageAndSize/PagingEdge.*", "request.query.size", false},
    // The check library's probe of the size limit (size=2001 is served as 2000).
    Allowance{"Compat/CheckLibrary.Holds/list", "request.query.size", false},
    // Spring trims the elements of a list parameter and ignores blank ones: " RUNNING , FAILED ,".
    Allowance{"ListFilters.StatusListCommaRepeatedAndSpacedAgree", "request.query.status", false},
};

bool Under(std::string_view location, std::string_view prefix) {
  return location.starts_with(prefix) &&
         (location.size() == prefix.size() || prefix.empty() || location[prefix.size()] == '.');
}

const Allowance* AllowanceFor(const std::string& test, std::string_view location) {
  for (const Allowance& a : kAllowances) {
    if (fnmatch(std::string(a.test).c_str(), test.c_str(), 0) == 0 && Under(location, a.location))
      return &a;
  }
  return nullptr;
}

// ["request", "query", "size"] -> "request.query.size".
std::string Location(const rapidjson::Value& violation) {
  std::string where;
  if (const auto* location = mock::json::Find(violation, "location");
      location != nullptr && location->IsArray()) {
    for (const auto& part : location->GetArray()) {
      if (!where.empty()) where += '.';
      where += part.IsString()  ? part.GetString()
               : part.IsInt64() ? std::to_string(part.GetInt64())
                                : "?";
    }
  }
  return where;
}

// "response.body.data (Error): ..." as Prism's log says it.
std::string Words(const rapidjson::Value& violation) {
  return Location(violation) + " (" +
         std::string(mock::json::GetString(violation, "severity").value_or("?")) +
         "): " + std::string(mock::json::GetString(violation, "message").value_or("?"));
}

}  // namespace

ProxyVerdict ClassifyViolations(const std::string& test, long status, std::string_view header) {
  ProxyVerdict verdict;
  if (header.empty()) return verdict;
  auto doc = mock::json::ParseJson(header);
  if (!doc.ok() || !doc.value().IsArray()) {
    // Prism cuts a header beyond 8 kB short ("Too many violations! ..."): never a pass.
    verdict.failures.push_back("sl-violations is not a JSON array: " + std::string(header));
    ++verdict.response_violations;
    return verdict;
  }
  const bool accepted = status >= 200 && status < 300;
  for (const auto& violation : doc.value().GetArray()) {
    const std::string location = Location(violation);
    const std::string side = location.substr(0, location.find('.'));
    const std::string_view severity = mock::json::GetString(violation, "severity").value_or("");
    const Allowance* allowance = AllowanceFor(test, location);
    if (allowance != nullptr && allowance->proxy_wrong) {
      ++verdict.excepted;
    } else if (side == "response" && severity == "Error") {
      ++verdict.response_violations;
      verdict.failures.push_back("the answer breaks the document: " + Words(violation));
    } else if (side == "request" && accepted && allowance != nullptr) {
      ++verdict.tolerated;
    } else if (side == "request" && accepted) {
      ++verdict.request_violations_accepted;
      verdict.failures.push_back("the mock accepted a request the document refuses: " +
                                 Words(violation));
    } else if (side == "request") {  // refused: 4xx, or a 5xx the suite asked for (a fault)
      ++verdict.request_violations_expected;
    } else if (side == "response") {
      ++verdict.other;
      verdict.warnings.push_back(Words(violation));
    } else {
      ++verdict.response_violations;
      verdict.failures.push_back("a violation located neither in the request nor the response: " +
                                 Words(violation));
    }
  }
  return verdict;
}

ProxyUnderTest::ProxyUnderTest(const std::string& command, const std::string& upstream)
    : command_(command),
      // exec: the signal that stops the proxy reaches the command itself, not a shell.
      process_("/bin/sh", {"-c", "exec " + command + " \"$1\"", "ocp-proxy", upstream},
               MockProcess::Options{.log_level = "",
                                    .stderr_path = "",
                                    .port_zero = false,
                                    .name = "OCP_PROXY_COMMAND (" + command + ")",
                                    .ready_prefix = "",
                                    .ready_seconds = 90}) {
  SetExchangeObserver([this](const Exchange& e) { Observe(e); });
}

ProxyUnderTest::~ProxyUnderTest() {
  SetExchangeObserver(nullptr);
  process_.Stop();
  auto n = [](const std::atomic<int64_t>& v) { return static_cast<long long>(v.load()); };
  std::printf(
      "validation proxy (%s): %lld responses checked (%lld not 2xx); %lld response violations, "
      "%lld request violations on accepted requests; %lld request violations expected (on "
      "refused requests), %lld tolerated (sent on purpose, accepted as Spring does), %lld "
      "excepted (the proxy wrong), %lld response warnings\n",
      command_.c_str(), n(checked_), n(refused_), n(response_violations_),
      n(request_violations_accepted_), n(request_violations_expected_), n(tolerated_), n(excepted_),
      n(other_));
  std::lock_guard lock(mutex_);
  for (const auto& [warning, count] : warnings_) {
    std::printf("validation proxy: %d response warning(s): %s\n", count, warning.c_str());
  }
}

void ProxyUnderTest::Observe(const Exchange& e) {
  if (e.base_url != base_url()) return;  // a mock of a test's own, not behind the proxy
  ++checked_;
  if (e.result.status < 200 || e.result.status >= 300) ++refused_;
  const auto header = e.result.headers.find("sl-violations");
  if (header == e.result.headers.end()) return;
  const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
  const ProxyVerdict verdict = ClassifyViolations(
      test == nullptr ? "" : std::string(test->test_suite_name()) + "." + test->name(),
      e.result.status, header->second);
  response_violations_ += verdict.response_violations;
  request_violations_accepted_ += verdict.request_violations_accepted;
  request_violations_expected_ += verdict.request_violations_expected;
  excepted_ += verdict.excepted;
  tolerated_ += verdict.tolerated;
  other_ += verdict.other;
  if (!verdict.warnings.empty()) {
    std::lock_guard lock(mutex_);
    for (const std::string& warning : verdict.warnings)
      ++warnings_[e.method + " " + e.target.substr(0, e.target.find('?')) + " (HTTP " +
                  std::to_string(e.result.status) + "): " + warning];
  }
  for (const std::string& failure : verdict.failures) {
    ADD_FAILURE() << e.method << " " << e.target << " (HTTP " << e.result.status
                  << ") through the validation proxy: " << failure;
  }
}

}  // namespace contract
