#include "tools/load/soak/ledger.h"

namespace soak {

void Ledger::Answer(long status, const std::string& fault, const std::string& error) {
  mock::MutexLock lock(mutex_);
  ++counts_.requests;
  ++counts_.by_status[status];
  if (!fault.empty()) ++counts_.faults[fault];
  if (!error.empty()) KeepError(error);
}

void Ledger::Error(const std::string& error) {
  mock::MutexLock lock(mutex_);
  KeepError(error);
}

Ledger::Counts Ledger::Read() const {
  mock::MutexLock lock(mutex_);
  return counts_;
}

void Ledger::KeepError(const std::string& error) {
  ++counts_.errors;
  if (counts_.first_errors.size() < kKeptErrors) counts_.first_errors.push_back(error);
}

}  // namespace soak
