// Per-user request limits in fixed windows, as OCP throttles (windows of 10 s, 1 min, 1 h, 1 day
// in OCP; any length here). Windows start at multiples of their length on the wall clock.
//
//   Throttle throttle;
//   Throttle::Decision d = throttle.Admit(user, now_ms);
//   // headers: RateLimit-Limit d.limit, RateLimit-Remaining d.remaining, RateLimit-Reset d.reset
#pragma once

#include <cstdint>
#include <map>

#include "mock/auth/users.h"
#include "mock/core/thread_annotations.h"

namespace mock::auth {

class Throttle {
 public:
  struct Decision {
    bool limited = false;  // the user has a rate limit at all
    bool allowed = true;
    int64_t limit = 0;
    int64_t remaining = 0;
    int64_t reset_seconds = 0;  // until the current window ends, rounded up
  };

  // Counts one request by `user` at `now_ms`. Thread-safe.
  Decision Admit(const User& user, int64_t now_ms) OCPMOCK_EXCLUDES(mutex_);

  // Forgets every window: each user starts a fresh one with its next request. Thread-safe.
  void Reset() OCPMOCK_EXCLUDES(mutex_);

 private:
  struct Window {
    int64_t start_ms = 0;
    int64_t count = 0;
  };
  Mutex mutex_;
  std::map<int64_t, Window> windows_ OCPMOCK_GUARDED_BY(mutex_);  // by user id
};

}  // namespace mock::auth
