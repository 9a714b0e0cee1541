// The task list's documented semantics, judged from the answers themselves: the order of every
// sort key, each filter, the paging edges, and pages that concatenate under the default (unique)
// order. They are the contract suite's list rules, in the check library both front ends run
// (ocp-compat's rows, and contract_tests/compat_checks_test.cc). They are the same in every
// version, so the requests are sent once and judged once.
//
//   StatusOr<ListRules> rules = ListRules::Run(client);  // sends about twenty GET requests
//   Outcome o = rules.value().SortEach();    // kPass, kFail, kObserved or kNotApplicable
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/core/status.h"
#include "tools/client/http_client.h"
#include "tools/compat/outcome.h"

namespace compat {

// The orders OCP's metadb, an OceanBase MySQL-mode tenant, may sort names by (its collation):
enum class Collation {
  kBinary,       // by byte, i.e. code point (utf8mb4_bin): "Zeta" before "alpha"
  kLowerFolded,  // ASCII letters as lower case: ocp-mock's own order ("meta_10" before "metadb_6")
  kUpperFolded,  // ASCII letters as upper case, as utf8mb4_general_ci (the default) weighs them:
                 // '_' after every letter ("metadb_6" before "meta_10")
};
const char* CollationName(Collation c);  // "binary", "lower-case folding", ...
// Whether `names` are in order under `c`, ascending or descending; equal keys in any order.
// Beyond ASCII, names compare by code point under every collation (a known simplification).
bool InOrder(const std::vector<std::string>& names, bool descending, Collation c);
// The collations under which `names` are in order; empty when there is none. A live check accepts
// any of them; ocp-mock's own (kLowerFolded) is a `mock` rule.
std::vector<Collation> NameCollations(const std::vector<std::string>& names, bool descending);

class ListRules {
 public:
  // Sends the requests once and keeps the answers. Fails (kUnavailable, "could not check:
  // unreachable: GET URL: no answer: <the transport's reason>") when the first request got no HTTP
  // answer at all (connection refused, no such host, a timeout), and nothing more is sent. Any
  // answer, however far from OCP's, is kept and judged.
  static mock::StatusOr<ListRules> Run(const contract::HttpClient& client);

  // ?sort=P,DIR for id, createTime, startTime, finishTime and name (each key in one direction,
  // name in both): each page's keys in that order. Rows without the key, and the order among equal
  // keys, are ocp-mock's choices, not judged. Names may be in the order of any collation OCP's
  // metadb may use (NameCollations); one that is not ocp-mock's (kLowerFolded) is an observation.
  Outcome SortEach() const;
  // type, clusterId, tenantId, name (a substring) and status (two values): only matching tasks,
  // and as many as the whole list holds (when the whole list fits in one page of 2000).
  Outcome FilterEach() const;
  // size=2001 is served as 2000 (Spring Data's clamp); a page past the last is empty and keeps
  // the totals.
  Outcome PagingEdges() const;
  // Pages of 7 under the default order (id, unique) are the whole list's first rows, in order.
  Outcome PagesConcatenate() const;

 private:
  struct Answer {
    std::string request;
    long status = 0;  // 0: no answer (transport_error says why)
    std::string body;
    std::optional<rapidjson::Document> json;
    std::string transport_error;
  };
  ListRules() = default;
  // The requests after the first (all_), once it was answered.
  void SendTheRest(const contract::HttpClient& client);
  static Answer Fetch(const contract::HttpClient& client, const std::string& target);
  // The answer's data.contents, or a failure naming the request.
  static const rapidjson::Value* Rows(const Answer& a, std::string& why);

  Answer all_;  // ?size=2000
  std::vector<std::pair<std::string, Answer>> sorts_;
  std::vector<std::pair<std::string, Answer>> filters_;  // what the filter asks, the answer
  Answer clamp_, past_last_;
  std::vector<Answer> pages_;
};

}  // namespace compat
