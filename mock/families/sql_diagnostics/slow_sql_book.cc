#include "mock/families/sql_diagnostics/slow_sql_book.h"

#include <algorithm>

namespace mock::families::sql_diagnostics {

StatusOr<SlowSql> SlowSqlBook::Add(SlowSql s) {
  MutexLock lock(mutex_);
  if (held_.size() >= max_) {
    return FailedPrecondition("the mock holds at most " + std::to_string(max_) +
                              " slow statements between resets; nothing was added. DELETE "
                              "/__mock/slowSql/{id} or POST /__mock/reset frees them.");
  }
  s.id = next_id_++;
  held_.push_back(s);
  return s;
}

bool SlowSqlBook::Remove(int64_t id) {
  MutexLock lock(mutex_);
  auto it = std::find_if(held_.begin(), held_.end(), [id](const SlowSql& s) { return s.id == id; });
  if (it == held_.end()) return false;
  held_.erase(it);
  return true;
}

std::vector<SlowSql> SlowSqlBook::All() const {
  MutexLock lock(mutex_);
  return held_;
}

std::vector<SlowSql> SlowSqlBook::Of(int64_t cluster_id, int64_t tenant_id) const {
  MutexLock lock(mutex_);
  std::vector<SlowSql> out;
  for (const SlowSql& s : held_) {
    if (s.cluster_id == cluster_id && s.tenant_id == tenant_id) out.push_back(s);
  }
  return out;
}

void SlowSqlBook::Clear() {
  MutexLock lock(mutex_);
  held_.clear();
  next_id_ = 1;
}

}  // namespace mock::families::sql_diagnostics
