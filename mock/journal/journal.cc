#include "mock/journal/journal.h"

#include "mock/core/glob.h"

namespace mock::journal {
namespace {

// Cuts what a client controls to the bound, marking the entry when it does.
void Bound(Entry& entry) {
  if (entry.query.size() > Journal::kMaxTextBytes) {
    entry.query.resize(Journal::kMaxTextBytes);
    entry.truncated = true;
  }
  if (entry.path.size() > Journal::kMaxTextBytes) {
    entry.path.resize(Journal::kMaxTextBytes);
    entry.truncated = true;
  }
  if (entry.content_type.size() > Journal::kMaxContentTypeBytes) {
    entry.content_type.resize(Journal::kMaxContentTypeBytes);
    entry.truncated = true;
  }
}

}  // namespace

bool Matches(const Filter& f, const Entry& e) {
  if (f.plane != Plane::kAll && e.control != (f.plane == Plane::kControl)) return false;
  if (f.method && *f.method != e.method) return false;
  if (f.user && *f.user != e.user) return false;
  if (f.status && *f.status != e.status) return false;
  if (f.since_ms && e.epoch_ms < *f.since_ms) return false;
  return !f.path_glob || GlobMatches(*f.path_glob, e.path);
}

void Journal::Record(Entry entry) {
  if (capacity_ == 0) return;
  Bound(entry);
  MutexLock lock(mutex_);
  entry.sequence = next_sequence_++;
  if (entries_.size() == capacity_) {
    entries_.pop_front();
    ++dropped_;
  }
  entries_.push_back(std::move(entry));
}

Page Journal::List(const Filter& filter, int32_t number, int32_t size) const {
  Page page;
  const auto skip = static_cast<int64_t>(number - 1) * size;
  MutexLock lock(mutex_);
  page.dropped = dropped_;
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (!Matches(filter, *it)) continue;
    if (page.total >= skip && page.total < skip + size) page.entries.push_back(*it);
    ++page.total;
  }
  return page;
}

size_t Journal::Count(const Filter& filter) const {
  MutexLock lock(mutex_);
  size_t n = 0;
  for (const Entry& e : entries_) n += Matches(filter, e) ? 1u : 0u;
  return n;
}

size_t Journal::Clear() {
  MutexLock lock(mutex_);
  const size_t n = entries_.size();
  entries_.clear();
  dropped_ = 0;
  return n;
}

}  // namespace mock::journal
