#include "mock/tasks/clock.h"

namespace mock::tasks {
namespace {

int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

MockClock::MockClock(double scale)
    : scale_(scale < 0 ? 0 : scale),
      start_epoch_ms_(WallClockMs()),
      start_(std::chrono::steady_clock::now()) {}

int64_t MockClock::NowMs() const {
  auto real = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start_)
                  .count();
  std::lock_guard<std::mutex> lock(mutex_);
  return start_epoch_ms_ + static_cast<int64_t>(static_cast<double>(real) * scale_) + advanced_ms_;
}

void MockClock::Advance(int64_t ms) {
  if (ms <= 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  advanced_ms_ += ms;
}

}  // namespace mock::tasks
