// The mock's clock: real time scaled by a factor, plus whatever tests add on demand, so that
// task progress can be watched in real time, sped up, or frozen and stepped.
//
//   MockClock clock(0);           // frozen: time moves only through Advance
//   clock.Advance(30'000);        // 30 simulated seconds later
//   int64_t now = clock.NowMs();  // epoch milliseconds
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace mock::tasks {

class MockClock {
 public:
  // `scale` is simulated time per real time: 1 runs in real time, 60 makes a minute pass each
  // second, 0 freezes the clock. Starts at the current wall-clock time.
  explicit MockClock(double scale);

  // Epoch milliseconds on the mock's clock; never decreases, but across a Reset.
  int64_t NowMs() const;

  // Moves the clock forward by `ms` (negative values are ignored). Thread-safe.
  void Advance(int64_t ms);

  // Starts the clock again from the current wall-clock time, forgetting every Advance: the one
  // way it goes back (POST /__mock/reset). Thread-safe.
  void Reset();

  double scale() const { return scale_; }

 private:
  const double scale_;
  mutable std::mutex mutex_;
  int64_t start_epoch_ms_;
  std::chrono::steady_clock::time_point start_;
  int64_t advanced_ms_ = 0;
};

}  // namespace mock::tasks
