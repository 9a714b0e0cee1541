// The parameter lists as last written, per cluster or tenant, so that a list read again
// unchanged costs a copy instead of its rendering: a cluster of three servers answers about
// 20 KB, 59 µs to write from the catalogue and 5 µs to copy (docs/parameters.md, "Speed"). An
// entry serves only while everything it was written from is the same: the catalogue's rows (the
// same documents: a row's document never changes, resource_store.h), the values' generation,
// and the cluster's topology or the tenant's mode.
//
// Bounded: at most kMaxEntries owners; one more and the cache starts again empty (a page is then
// written once more). Rendering runs outside the lock: two readers of a list that just changed
// may both write it, and the last one keeps its copy.
//
//   RenderedLists lists;
//   auto json = lists.Get(owner, stamp, [&] { return WriteTheList(); });
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mock/core/thread_annotations.h"
#include "mock/families/parameters/parameter_values.h"
#include "mock/resources/resource_set.h"

namespace mock::families::parameters {

// What a list is written from.
struct ListStamp {
  std::vector<resources::Row> rows = {};      // the catalogue's, held: their documents stay theirs
  uint64_t values = 0;                        // ParameterValues' generation its values were of
  std::shared_ptr<const void> topology = {};  // a cluster's topology (held); null for a tenant
  std::string mode = {};                      // a tenant's mode; empty for a cluster

  bool Same(const ListStamp& other) const;
};

class RenderedLists {
 public:
  static constexpr size_t kMaxEntries = 4096;

  // The list of `owner` written at `stamp`: the kept copy when its stamp is the same, else
  // `render()`'s, kept for the next reader.
  std::shared_ptr<const std::string> Get(const Owner& owner, const ListStamp& stamp,
                                         const std::function<std::string()>& render) const
      OCPMOCK_EXCLUDES(mutex_);

  // Every copy forgotten (a reset, a reload: the stamps would tell, this frees them sooner).
  void Clear() const OCPMOCK_EXCLUDES(mutex_);

 private:
  struct Entry {
    ListStamp stamp;
    std::shared_ptr<const std::string> json;
  };
  mutable Mutex mutex_;
  mutable std::map<Owner, Entry> entries_ OCPMOCK_GUARDED_BY(mutex_);
};

}  // namespace mock::families::parameters
