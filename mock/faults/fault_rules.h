// Fault injection (the client-CI control plane): rules that make the mock slow or failing for
// the requests they match, so a client's tests can check its timeouts, retries and error paths.
// A rule is a match and an action; the first rule (in the order added) that matches a request,
// has firings left and wins its probability draw fires. Each rule draws from its own generator,
// seeded from the rule's `seed` or from the server's seed and the rule's id, so a failing CI run
// replays exactly when its requests arrive in the same order. Bounded (kMaxRules) and
// thread-safe. With no rule, Decide costs one atomic load.
//
//   FaultRules rules(/*seed=*/42);
//   FaultRule r;
//   r.match.path_glob = "/api/v2/tasks/instances/*";
//   r.action = {.type = ActionType::kStatus, .status = 503};
//   r.times = 2;
//   rules.Add(r);
//   std::optional<Firing> f = rules.Decide({"GET", "/api/v2/tasks/instances/7", "admin", query});
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"

namespace mock::faults {

// Which requests a rule applies to; every given field must hold. Only requests to OCP's API
// (not /__mock/) are matched, and only once authenticated: a rule never hides a 401.
struct Match {
  std::optional<std::string> method = std::nullopt;       // exact: "GET"
  std::optional<std::string> path_glob = std::nullopt;    // core/glob.h, on the decoded path
  std::optional<std::string> user = std::nullopt;         // the authenticated user's name
  std::optional<std::string> query_name = std::nullopt;   // the request has this parameter...
  std::optional<std::string> query_value = std::nullopt;  // ...with this value among its values
};

enum class ActionType {
  kDelay,     // answer normally, after delay_ms
  kStatus,    // answer `status` with an OCP error envelope instead of serving the request
  kReset,     // close the connection without an answer
  kTruncate,  // send the head and half the body, then close
  kDrip,      // send the body in pieces spread over drip_ms
};

struct Action {
  ActionType type = ActionType::kDelay;
  // Every action may wait first: a fixed time (min == max) or one drawn from [min, max].
  int delay_min_ms = 0;
  int delay_max_ms = 0;
  // kStatus: the HTTP status, and the error's code and message (empty: the version's
  // catalogue's for that status, or DefaultStatusMessage's); for 429, the Retry-After seconds.
  int status = 0;
  std::string code = {};
  std::string message = {};
  int retry_after_seconds = 1;
  // kDrip: how long the whole body takes.
  int drip_ms = 0;
};

struct FaultRule {
  uint64_t id = 0;  // assigned by Add: 1, 2, 3, ... since start or the last Clear
  Match match = {};
  Action action = {};
  std::optional<int64_t> times = std::nullopt;  // firings allowed; nullopt: forever
  double probability = 1.0;                     // of firing when it matches
  std::optional<uint64_t> seed = std::nullopt;  // its generator's seed; nullopt: derived
};

// A rule as listed: the rule and how it has fared.
struct RuleState {
  FaultRule rule;
  int64_t matched = 0;  // requests it matched while it had firings left
  int64_t fired = 0;
};

// The request facts a rule matches on.
struct Probe {
  std::string_view method;
  const std::string& path;
  const std::string* user;  // nullptr: no authenticated user (--no-auth)
  const QueryParams& query;
};

// What a firing rule does to this request.
struct Firing {
  uint64_t rule_id = 0;
  Action action = {};
  int delay_ms = 0;  // drawn from the action's range
};

class FaultRules {
 public:
  static constexpr size_t kMaxRules = 256;

  // `seed` seeds the generators of rules that give none (the server's --seed); `initial` (at
  // most kMaxRules: the --faults file's) are added now and by every Reset.
  explicit FaultRules(uint64_t seed, std::vector<FaultRule> initial = {});

  // Adds `rule` (its id is assigned) and returns it as listed; kFailedPrecondition when
  // kMaxRules rules are held.
  StatusOr<RuleState> Add(FaultRule rule) OCPMOCK_EXCLUDES(mutex_);
  std::vector<RuleState> List() const OCPMOCK_EXCLUDES(mutex_);
  // false when no rule has `id`.
  bool Remove(uint64_t id) OCPMOCK_EXCLUDES(mutex_);
  // Removes every rule and restarts ids at 1; returns how many there were.
  size_t Clear() OCPMOCK_EXCLUDES(mutex_);
  // Clear, then the initial rules again, with fresh counts and generators (under one lock: no
  // rule added meanwhile comes between them).
  void Reset() OCPMOCK_EXCLUDES(mutex_);

  std::optional<Firing> Decide(const Probe& probe) OCPMOCK_EXCLUDES(mutex_);

  uint64_t seed() const { return seed_; }

 private:
  struct Slot {
    RuleState state;
    std::mt19937_64 random;
    std::string path_prefix;  // the glob's literal prefix (core/glob.h), tested first
  };
  StatusOr<RuleState> AddLocked(FaultRule rule) OCPMOCK_REQUIRES(mutex_);
  size_t ClearLocked() OCPMOCK_REQUIRES(mutex_);
  // `slot` is one of slots_.
  std::optional<Firing> TryFireLocked(Slot& slot, const Probe& probe) OCPMOCK_REQUIRES(mutex_);

  const uint64_t seed_;
  const std::vector<FaultRule> initial_;
  mutable Mutex mutex_;
  std::vector<Slot> slots_ OCPMOCK_GUARDED_BY(mutex_);  // in the order added
  uint64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = 1;
  // slots_.size(), stored under the lock, read without it: Decide's fast path.
  std::atomic<size_t> count_{0};
};

// Whether `match` holds for `probe`.
bool Matches(const Match& match, const Probe& probe);

// The message of a status rule `rule_id` that gives none, as its firing carries it: for a 503,
// a plain sentence that the mock's fault rule answered 503 (OCP's catalogues have no "service
// unavailable" entry; the one a 503 falls back to reads "Invalid request. Cause: ..."); "" for
// any other status, whose message comes from the version's catalogue.
std::string DefaultStatusMessage(uint64_t rule_id, int status);

}  // namespace mock::faults
