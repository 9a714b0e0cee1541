#include "mock/families/parameters/rendered_lists.h"

#include <utility>

namespace mock::families::parameters {

bool ListStamp::Same(const ListStamp& other) const {
  if (values != other.values || topology != other.topology || mode != other.mode ||
      rows.size() != other.rows.size()) {
    return false;
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].id != other.rows[i].id || rows[i].doc != other.rows[i].doc) return false;
  }
  return true;
}

std::shared_ptr<const std::string> RenderedLists::Get(
    const Owner& owner, const ListStamp& stamp, const std::function<std::string()>& render) const {
  {
    MutexLock lock(mutex_);
    auto it = entries_.find(owner);
    if (it != entries_.end() && it->second.stamp.Same(stamp)) return it->second.json;
  }
  auto json = std::make_shared<const std::string>(render());
  MutexLock lock(mutex_);
  if (entries_.size() >= kMaxEntries && !entries_.contains(owner)) entries_.clear();
  entries_[owner] = Entry{stamp, json};
  return json;
}

void RenderedLists::Clear() const {
  MutexLock lock(mutex_);
  entries_.clear();
}

}  // namespace mock::families::parameters
