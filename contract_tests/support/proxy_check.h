// The contract suite behind a validation proxy: with OCP_PROXY_COMMAND set in mock mode, the
// suite starts `$OCP_PROXY_COMMAND <mock base url>` after ocp-mock, sends all its HTTP to the URL
// the command prints, and reads the proxy's verdict on every answer (docs/openapi.md, "A
// validation proxy: Prism"; tools/npm/prism-proxy is such a command).
//
// The verdict is Prism's `sl-violations` header: a JSON array of
// {"location": ["request"|"response", ...], "severity", "code", "message"}. The classification:
//   - a violation in the response, of severity Error, fails the test that fetched it: the mock
//     answered against its own (strict) document;
//   - a violation in the request of an answer the mock gave 2xx fails too: the document is
//     stricter than the mock;
//   - a violation in the request of an answer the mock refused (4xx; or any other status than
//     2xx, such as a fault's 503) is expected, since the suite sends bad requests on purpose,
//     and only counted;
//   - set apart, for one named test each: a violation where Prism is wrong, and a request the
//     test sends outside the document on purpose, which the mock accepts as OCP's Spring does.
// The totals are printed when the proxy stops, with each distinct response warning (an error
// status the document does not list for the operation).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tools/client/http_client.h"
#include "tools/client/mock_process.h"

namespace contract {

// What one answer's sl-violations say.
struct ProxyVerdict {
  std::vector<std::string> failures;    // each violation that fails the test, in words
  std::vector<std::string> warnings;    // each response warning, in words
  int response_violations = 0;          // in the response, severity Error
  int request_violations_accepted = 0;  // in the request of a 2xx answer
  int request_violations_expected = 0;  // in the request of a refused one
  int tolerated = 0;  // in the request of a 2xx answer, sent on purpose by the test
  int excepted = 0;   // where the proxy is wrong, for the test
  int other = 0;      // response warnings (an error status the document does not list): counted
};

// Classifies `header` (the sl-violations value; "" when the answer had none) of an answer with
// HTTP `status` to a request `test` sent ("Suite.Name"; "" outside a test). A header that is not
// the documented JSON array is one failure naming it. The violations set apart for a test, and
// why, are listed in proxy_check.cc (kAllowances) and docs/openapi.md.
ProxyVerdict ClassifyViolations(const std::string& test, long status, std::string_view header);

// A validation proxy the suite's HTTP goes through, and the counts of its verdicts.
class ProxyUnderTest {
 public:
  // Runs `command upstream` through /bin/sh and awaits (at most 90 s, never by sleeping) its
  // first stdout line: the proxy's base URL. Throws std::runtime_error naming the command when
  // it exits or stays silent. Observes every HttpClient exchange with that URL from then on.
  ProxyUnderTest(const std::string& command, const std::string& upstream);
  // Stops observing, stops the command (SIGTERM) and prints the totals.
  ~ProxyUnderTest();
  ProxyUnderTest(const ProxyUnderTest&) = delete;
  ProxyUnderTest& operator=(const ProxyUnderTest&) = delete;

  const std::string& base_url() const { return process_.base_url(); }

 private:
  void Observe(const Exchange& exchange);

  std::string command_;
  MockProcess process_;
  std::atomic<int64_t> checked_{0};
  std::atomic<int64_t> refused_{0};
  std::atomic<int64_t> response_violations_{0};
  std::atomic<int64_t> request_violations_accepted_{0};
  std::atomic<int64_t> request_violations_expected_{0};
  std::atomic<int64_t> excepted_{0};
  std::atomic<int64_t> tolerated_{0};
  std::atomic<int64_t> other_{0};
  std::mutex mutex_;
  std::map<std::string, int> warnings_;  // guarded by mutex_
};

}  // namespace contract
