#include "mock/auth/throttle.h"

namespace mock::auth {

Throttle::Decision Throttle::Admit(const User& user, int64_t now_ms) {
  Decision d;
  if (!user.rate_limit) return d;
  const int64_t length_ms = user.rate_limit->window_seconds * 1000;
  const int64_t start = now_ms - now_ms % length_ms;
  MutexLock lock(mutex_);
  Window& w = windows_[user.id];
  if (w.start_ms != start) w = Window{start, 0};
  d.limited = true;
  d.limit = user.rate_limit->requests;
  d.allowed = w.count < d.limit;
  if (d.allowed) ++w.count;
  d.remaining = d.limit - w.count;
  d.reset_seconds = (start + length_ms - now_ms + 999) / 1000;
  return d;
}

void Throttle::Reset() {
  MutexLock lock(mutex_);
  windows_.clear();
}

}  // namespace mock::auth
