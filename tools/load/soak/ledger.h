// What the soak counts, from every thread: requests, answers by status, the faults the rules
// answered, and errors (malformed answers, refused runtime changes, tasks that did not converge)
// with the first few in words. Bounded: a handful of counters and at most kKeptErrors messages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mock/core/thread_annotations.h"

namespace soak {

class Ledger {
 public:
  static constexpr size_t kKeptErrors = 10;

  struct Counts {
    long requests = 0;
    long errors = 0;
    std::map<long, long> by_status;         // 0: no answer (a dropped connection)
    std::map<std::string, long> faults;     // answers a fault rule gave, by kind
    std::vector<std::string> first_errors;  // at most kKeptErrors
  };

  // One answer; `fault` is the kind the request was marked for (""), `error` the checker's
  // verdict ("" when well-formed).
  void Answer(long status, const std::string& fault, const std::string& error)
      OCPMOCK_EXCLUDES(mutex_);
  // An error that is not one answer's (a task that did not converge).
  void Error(const std::string& error) OCPMOCK_EXCLUDES(mutex_);
  Counts Read() const OCPMOCK_EXCLUDES(mutex_);

 private:
  void KeepError(const std::string& error) OCPMOCK_REQUIRES(mutex_);

  mutable mock::Mutex mutex_;
  Counts counts_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace soak
