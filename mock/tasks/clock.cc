#include "mock/tasks/clock.h"

namespace mock::tasks {
namespace {

int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

MockClock::MockClock(double scale, std::optional<int64_t> start_epoch_ms)
    : scale_(scale < 0 ? 0 : scale),
      fixed_start_ms_(start_epoch_ms),
      start_epoch_ms_(start_epoch_ms.value_or(WallClockMs())),
      start_(std::chrono::steady_clock::now()) {}

int64_t MockClock::NowMs() const {
  const auto now = std::chrono::steady_clock::now();
  MutexLock lock(mutex_);
  auto real = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
  return start_epoch_ms_ + static_cast<int64_t>(static_cast<double>(real) * scale_) + advanced_ms_;
}

void MockClock::Reset() {
  MutexLock lock(mutex_);
  start_epoch_ms_ = fixed_start_ms_.value_or(WallClockMs());
  start_ = std::chrono::steady_clock::now();
  advanced_ms_ = 0;
}

void MockClock::Advance(int64_t ms) {
  if (ms <= 0) return;
  MutexLock lock(mutex_);
  advanced_ms_ += ms;
}

}  // namespace mock::tasks
