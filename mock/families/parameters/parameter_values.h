// The parameter values PUTs have set: for each cluster or tenant, the names changed and their
// new values, as strings (what OCP shows). A name not held reads its definition's default
// (parameter_catalog.h). One mutex guards them; readers get a copy.
//
// Bounded: at most `max` values held between resets, a value at most kMaxValueBytes long (the
// caller checks it) and a name at most 128 bytes (the catalogue's schema): about 42 MiB at
// worst with the default bound. A change that would hold more is refused whole.
//
//   ParameterValues values;
//   values.Set({Owner::kCluster, 2}, {{"memory_limit_percentage", "70"}});
//   values.Of({Owner::kCluster, 2});   // {{"memory_limit_percentage", "70"}}
//   values.Clear();                    // a reset
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"

namespace mock::families::parameters {

// Whose values: a cluster's or a tenant's (tenant ids are unique across clusters).
struct Owner {
  enum Kind { kCluster, kTenant } kind;
  int64_t id;

  bool operator==(const Owner&) const = default;
  bool operator<(const Owner& o) const { return std::tie(kind, id) < std::tie(o.kind, o.id); }
};

class ParameterValues {
 public:
  // The default bound: 10,000 values (one per owner and name) between resets.
  static constexpr size_t kDefaultMax = 10000;

  explicit ParameterValues(size_t max = kDefaultMax) : max_(max) {}

  // `owner`'s values set, by name; `*generation`, when given, the generation they are of.
  std::map<std::string, std::string> Of(const Owner& owner, uint64_t* generation = nullptr) const
      OCPMOCK_EXCLUDES(mutex_);

  // Counts the changes (each Set that changed something, each Clear): a list written at one
  // generation is the same at that generation (rendered_lists.h).
  uint64_t Generation() const OCPMOCK_EXCLUDES(mutex_);

  // Sets each (name, value) of `changes` for `owner`, in order (a name given twice keeps the
  // last), all of them or none: kFailedPrecondition, naming the bound and the reset, when the
  // values held would then be more than the bound.
  Status Set(const Owner& owner, const std::vector<std::pair<std::string, std::string>>& changes)
      OCPMOCK_EXCLUDES(mutex_);

  // How many values are held.
  size_t size() const OCPMOCK_EXCLUDES(mutex_);
  size_t max() const { return max_; }

  // Every value forgotten (a reset, a reload).
  void Clear() OCPMOCK_EXCLUDES(mutex_);

 private:
  using Key = std::pair<Owner, std::string>;

  const size_t max_;
  mutable Mutex mutex_;
  std::map<Key, std::string, std::less<>> values_ OCPMOCK_GUARDED_BY(mutex_);
  uint64_t generation_ OCPMOCK_GUARDED_BY(mutex_) = 0;
};

}  // namespace mock::families::parameters
