// Clang's thread-safety annotations (https://clang.llvm.org/docs/ThreadSafetyAnalysis.html), in
// Abseil's style, and the annotated mutex every store locks with: with -Wthread-safety (the clang
// builds, cmake/MockHelpers.cmake) the compiler refuses a guarded member touched without its
// lock, a helper that needs the lock called without it, and a public method that takes the lock
// called with it held. Under any other compiler the macros expand to nothing.
//
// Why a mutex of our own: libstdc++'s std::mutex and std::lock_guard carry no annotations, so the
// analysis cannot see them take or release anything. mock::Mutex wraps std::mutex (no cost) as a
// capability, mock::MutexLock is its scoped guard, and mock::CondVar waits on it.
//
//   class Counter {
//    public:
//     void Add(int n) OCPMOCK_EXCLUDES(mutex_) {
//       mock::MutexLock lock(mutex_);
//       AddLocked(n);
//     }
//    private:
//     void AddLocked(int n) OCPMOCK_REQUIRES(mutex_) { total_ += n; }
//     mock::Mutex mutex_;
//     int total_ OCPMOCK_GUARDED_BY(mutex_) = 0;  // `total_ += n` unlocked: a compile error
//   };
//
// The analysis follows one function at a time: a lambda's body is a function of its own, so code
// a store runs under its lock for a caller (an admission, a change) reaches the store's state
// through a parameter the store passes it, never by calling back into the store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define OCPMOCK_THREAD_ANNOTATION_(x) __attribute__((x))
#else
#define OCPMOCK_THREAD_ANNOTATION_(x)
#endif

// A data member (or global) read or written only with capability `x` held.
#define OCPMOCK_GUARDED_BY(x) OCPMOCK_THREAD_ANNOTATION_(guarded_by(x))
// A pointer member whose pointee is read or written only with `x` held.
#define OCPMOCK_PT_GUARDED_BY(x) OCPMOCK_THREAD_ANNOTATION_(pt_guarded_by(x))
// Lock order (checked under -Wthread-safety-beta only): this capability is taken after or before
// the ones named.
#define OCPMOCK_ACQUIRED_AFTER(...) OCPMOCK_THREAD_ANNOTATION_(acquired_after(__VA_ARGS__))
#define OCPMOCK_ACQUIRED_BEFORE(...) OCPMOCK_THREAD_ANNOTATION_(acquired_before(__VA_ARGS__))
// The function must be called with the capabilities held (exclusively, or at least shared).
#define OCPMOCK_REQUIRES(...) OCPMOCK_THREAD_ANNOTATION_(requires_capability(__VA_ARGS__))
#define OCPMOCK_REQUIRES_SHARED(...) \
  OCPMOCK_THREAD_ANNOTATION_(requires_shared_capability(__VA_ARGS__))
// The function must be called without the capabilities held (it takes them itself).
#define OCPMOCK_EXCLUDES(...) OCPMOCK_THREAD_ANNOTATION_(locks_excluded(__VA_ARGS__))
// The function takes, or lets go of, the capabilities (none named: `this`).
#define OCPMOCK_ACQUIRE(...) OCPMOCK_THREAD_ANNOTATION_(acquire_capability(__VA_ARGS__))
#define OCPMOCK_ACQUIRE_SHARED(...) \
  OCPMOCK_THREAD_ANNOTATION_(acquire_shared_capability(__VA_ARGS__))
#define OCPMOCK_RELEASE(...) OCPMOCK_THREAD_ANNOTATION_(release_capability(__VA_ARGS__))
#define OCPMOCK_RELEASE_SHARED(...) \
  OCPMOCK_THREAD_ANNOTATION_(release_shared_capability(__VA_ARGS__))
#define OCPMOCK_TRY_ACQUIRE(...) OCPMOCK_THREAD_ANNOTATION_(try_acquire_capability(__VA_ARGS__))
// The function returns a reference to capability `x`.
#define OCPMOCK_RETURN_CAPABILITY(x) OCPMOCK_THREAD_ANNOTATION_(lock_returned(x))
// The analysis takes the capability as held after the call (the function checks it at run time,
// or the caller knows better than the analysis can).
#define OCPMOCK_ASSERT_CAPABILITY(x) OCPMOCK_THREAD_ANNOTATION_(assert_capability(x))
// A class that is a capability (a mutex), named `x` in diagnostics.
#define OCPMOCK_CAPABILITY(x) OCPMOCK_THREAD_ANNOTATION_(capability(x))
// An RAII class that holds a capability for its lifetime.
#define OCPMOCK_SCOPED_CAPABILITY OCPMOCK_THREAD_ANNOTATION_(scoped_lockable)
// Turns the analysis off for one function: only where it cannot follow correct code, with a
// comment saying why.
#define OCPMOCK_NO_THREAD_SAFETY_ANALYSIS OCPMOCK_THREAD_ANNOTATION_(no_thread_safety_analysis)

namespace mock {

class CondVar;

// std::mutex as a capability the analysis sees. Not recursive; not copyable or movable.
class OCPMOCK_CAPABILITY("mutex") Mutex {
 public:
  constexpr Mutex() noexcept = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() OCPMOCK_ACQUIRE() { mutex_.lock(); }
  void Unlock() OCPMOCK_RELEASE() { mutex_.unlock(); }
  bool TryLock() OCPMOCK_TRY_ACQUIRE(true) { return mutex_.try_lock(); }

  // Tells the analysis the caller holds the mutex; checks nothing at run time.
  void AssertHeld() const OCPMOCK_ASSERT_CAPABILITY(this) {}

 private:
  friend class CondVar;
  std::mutex mutex_;
};

// Holds `mutex` from construction to destruction, as std::lock_guard does.
class OCPMOCK_SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mutex) OCPMOCK_ACQUIRE(mutex) : mutex_(mutex) { mutex_.Lock(); }
  ~MutexLock() OCPMOCK_RELEASE() { mutex_.Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mutex_;
};

// A condition variable waited on with a mock::Mutex held (std::condition_variable underneath).
// There is no predicate overload: a predicate is a lambda, which the analysis checks apart from
// its caller, so it could not read guarded state. Wait in a loop instead:
//
//   mock::MutexLock lock(mutex_);
//   while (!ready_) ready_changed_.Wait(mutex_);
class CondVar {
 public:
  // Releases `mutex` while it waits, and holds it again on return (spurious wake-ups included).
  void Wait(Mutex& mutex) OCPMOCK_REQUIRES(mutex) {
    std::unique_lock<std::mutex> lock(mutex.mutex_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();  // the caller's MutexLock still owns it
  }
  // As Wait, until `deadline` at the latest; false when the deadline passed.
  template <typename Clock, typename Duration>
  bool WaitUntil(Mutex& mutex, const std::chrono::time_point<Clock, Duration>& deadline)
      OCPMOCK_REQUIRES(mutex) {
    std::unique_lock<std::mutex> lock(mutex.mutex_, std::adopt_lock);
    const std::cv_status status = cv_.wait_until(lock, deadline);
    lock.release();
    return status == std::cv_status::no_timeout;
  }

  void NotifyOne() noexcept { cv_.notify_one(); }
  void NotifyAll() noexcept { cv_.notify_all(); }

 private:
  std::condition_variable cv_;
};

}  // namespace mock
