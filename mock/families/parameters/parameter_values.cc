#include "mock/families/parameters/parameter_values.h"

#include <set>

namespace mock::families::parameters {

std::map<std::string, std::string> ParameterValues::Of(const Owner& owner,
                                                       uint64_t* generation) const {
  std::map<std::string, std::string> out;
  MutexLock lock(mutex_);
  if (generation != nullptr) *generation = generation_;
  for (auto it = values_.lower_bound(Key{owner, ""});
       it != values_.end() && it->first.first == owner; ++it) {
    out.emplace(it->first.second, it->second);
  }
  return out;
}

Status ParameterValues::Set(const Owner& owner,
                            const std::vector<std::pair<std::string, std::string>>& changes) {
  MutexLock lock(mutex_);
  std::set<std::string> added;
  for (const auto& [name, value] : changes) {
    if (!values_.contains(Key{owner, name})) added.insert(name);
  }
  if (values_.size() + added.size() > max_) {
    return FailedPrecondition(
        "the mock holds at most " + std::to_string(max_) +
        " parameter values set by PUT between resets (it holds " + std::to_string(values_.size()) +
        " and this change would add " + std::to_string(added.size()) +
        "); nothing was changed. POST /__mock/reset?only=parameters puts every default back.");
  }
  for (const auto& [name, value] : changes) values_[Key{owner, name}] = value;
  ++generation_;
  return Status();
}

size_t ParameterValues::size() const {
  MutexLock lock(mutex_);
  return values_.size();
}

void ParameterValues::Clear() {
  MutexLock lock(mutex_);
  values_.clear();
  ++generation_;
}

uint64_t ParameterValues::Generation() const {
  MutexLock lock(mutex_);
  return generation_;
}

}  // namespace mock::families::parameters
