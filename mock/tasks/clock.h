// The mock's clock: real time scaled by a factor, plus whatever tests add on demand, so that
// task progress can be watched in real time, sped up, or frozen and stepped.
//
//   MockClock clock(0);           // frozen: time moves only through Advance
//   clock.Advance(30'000);        // 30 simulated seconds later
//   int64_t now = clock.NowMs();  // epoch milliseconds
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "mock/core/thread_annotations.h"

namespace mock::tasks {

class MockClock {
 public:
  // `scale` is simulated time per real time: 1 runs in real time, 60 makes a minute pass each
  // second, 0 freezes the clock. Starts at `start_epoch_ms` when given (`--clock-start`, so that
  // two runs see the same times), else at the current wall-clock time.
  explicit MockClock(double scale, std::optional<int64_t> start_epoch_ms = std::nullopt);

  // Epoch milliseconds on the mock's clock; never decreases, but across a Reset. The task store
  // calls it under its own lock: the clock's lock is the innermost, it calls nothing.
  int64_t NowMs() const OCPMOCK_EXCLUDES(mutex_);

  // Moves the clock forward by `ms` (negative values are ignored). Thread-safe.
  void Advance(int64_t ms) OCPMOCK_EXCLUDES(mutex_);

  // Starts the clock again from where it started (the fixed start, or the current wall-clock
  // time), forgetting every Advance: the one way it goes back (POST /__mock/reset). Thread-safe.
  void Reset() OCPMOCK_EXCLUDES(mutex_);

  double scale() const { return scale_; }

 private:
  const double scale_;
  const std::optional<int64_t> fixed_start_ms_;
  mutable Mutex mutex_;
  int64_t start_epoch_ms_ OCPMOCK_GUARDED_BY(mutex_);
  std::chrono::steady_clock::time_point start_ OCPMOCK_GUARDED_BY(mutex_);
  int64_t advanced_ms_ OCPMOCK_GUARDED_BY(mutex_) = 0;
};

}  // namespace mock::tasks
