#include "mock/resources/resource_store.h"

#include <algorithm>

namespace mock::resources {
namespace {

int64_t MaxId(const std::vector<Row>& rows) { return rows.empty() ? 0 : rows.back().id; }

int64_t IntMember(const rapidjson::Document& doc, const std::string& name) {
  if (!doc.IsObject()) return 0;
  auto it = doc.FindMember(rapidjson::StringRef(name.data(), name.size()));
  return it != doc.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

}  // namespace

ResourceStore::ResourceStore(ResourceSpec spec, std::vector<Row> fixtures)
    : spec_(std::move(spec)) {
  MutexLock lock(mutex_);
  fixtures_ = Scoped(std::move(fixtures));
  current_ = fixtures_;
  next_id_ = MaxId(current_) + 1;
}

Row ResourceStore::Scoped(Row row) const {
  if (!spec_.scope.empty() && row.doc != nullptr) row.scope = IntMember(*row.doc, spec_.scope);
  return row;
}

std::vector<Row> ResourceStore::Scoped(std::vector<Row> rows) const {
  for (Row& r : rows) r = Scoped(std::move(r));
  return rows;
}

std::vector<Row> ResourceStore::RowsIn(int64_t scope) const {
  MutexLock lock(mutex_);
  std::vector<Row> out;
  for (const Row& r : current_) {
    if (r.scope == scope) out.push_back(r);
  }
  return out;
}

std::vector<Row> ResourceStore::Rows() const {
  MutexLock lock(mutex_);
  return current_;
}

std::optional<Row> ResourceStore::Get(int64_t id) const {
  MutexLock lock(mutex_);
  const size_t at = FindLocked(id);
  if (at == current_.size() || current_[at].id != id) return std::nullopt;
  return current_[at];
}

size_t ResourceStore::FindLocked(int64_t id) const {
  return static_cast<size_t>(std::lower_bound(current_.begin(), current_.end(), id,
                                              [](const Row& r, int64_t v) { return r.id < v; }) -
                             current_.begin());
}

Status ResourceStore::CountChangeLocked() {
  if (changes_ >= spec_.max_runtime_rows) {
    return FailedPrecondition("at most " + std::to_string(spec_.max_runtime_rows) + " " +
                              spec_.name +
                              " rows may be added between resets (POST /__mock/reset)");
  }
  ++changes_;
  return Status();
}

StatusOr<Row> ResourceStore::Add(const std::function<Row(int64_t id)>& make,
                                 const Admission& admit) {
  MutexLock lock(mutex_);
  if (admit) {
    if (Status s = admit(current_); !s.ok()) return s;
  }
  if (Status s = CountChangeLocked(); !s.ok()) return s;
  Row row = Scoped(make(next_id_++));
  current_.insert(current_.begin() + static_cast<std::ptrdiff_t>(FindLocked(row.id)), row);
  return row;
}

Status ResourceStore::Put(Row row) {
  row = Scoped(std::move(row));
  MutexLock lock(mutex_);
  const size_t at = FindLocked(row.id);
  if (at < current_.size() && current_[at].id == row.id) {
    current_[at] = std::move(row);
    return Status();
  }
  if (Status s = CountChangeLocked(); !s.ok()) return s;
  next_id_ = std::max(next_id_, row.id + 1);
  current_.insert(current_.begin() + static_cast<std::ptrdiff_t>(at), std::move(row));
  return Status();
}

bool ResourceStore::Refresh(Row row, const rapidjson::Document* was) {
  row = Scoped(std::move(row));
  MutexLock lock(mutex_);
  const size_t at = FindLocked(row.id);
  if (at == current_.size() || current_[at].id != row.id || current_[at].doc.get() != was) {
    return false;
  }
  current_[at] = std::move(row);
  return true;
}

Status ResourceStore::Remove(int64_t id) {
  MutexLock lock(mutex_);
  const size_t at = FindLocked(id);
  if (at == current_.size() || current_[at].id != id) {
    return NotFound(spec_.name + " " + std::to_string(id) + " is not held");
  }
  current_.erase(current_.begin() + static_cast<std::ptrdiff_t>(at));
  return Status();
}

void ResourceStore::Reset() {
  MutexLock lock(mutex_);
  current_ = fixtures_;
  next_id_ = MaxId(current_) + 1;
  changes_ = 0;
}

void ResourceStore::ReplaceFixtures(std::vector<Row> fixtures) {
  std::vector<Row> scoped = Scoped(std::move(fixtures));
  MutexLock lock(mutex_);
  fixtures_ = std::move(scoped);
  current_ = fixtures_;
  next_id_ = MaxId(current_) + 1;
  changes_ = 0;
}

}  // namespace mock::resources
