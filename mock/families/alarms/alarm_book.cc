#include "mock/families/alarms/alarm_book.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace mock::families::alarms {

void AlarmBook::Observe(std::vector<Alarm> conditions, int64_t now_ms) {
  std::map<std::string, Alarm*> seen;
  for (Alarm& c : conditions) seen.emplace(c.key, &c);
  MutexLock lock(mutex_);
  for (Alarm& a : alarms_) {
    if (a.key.empty() || a.ResolvedAt(now_ms)) continue;
    auto it = seen.find(a.key);
    if (it == seen.end()) {
      a.resolved_ms = now_ms;
      a.updated_ms = now_ms;
    } else {
      it->second = nullptr;  // open already
    }
  }
  for (Alarm& c : conditions) {
    if (seen[c.key] == nullptr) continue;
    // The bound: with every alarm held unresolved, a new condition waits (alarm_book.h).
    if (!RoomLocked(now_ms)) return;
    AddLocked(std::move(c), now_ms);
  }
}

StatusOr<Alarm> AlarmBook::Raise(Alarm alarm, int64_t now_ms) {
  alarm.key.clear();
  MutexLock lock(mutex_);
  if (!RoomLocked(now_ms)) {
    return FailedPrecondition("the mock holds " + std::to_string(kMaxAlarms) +
                              " alarms, none of them resolved; resolve one "
                              "(POST /__mock/alarms/{id}/resolve) or POST /__mock/reset");
  }
  return AddLocked(std::move(alarm), now_ms);
}

StatusOr<Alarm> AlarmBook::Resolve(int64_t id, int64_t now_ms) {
  MutexLock lock(mutex_);
  auto it = std::lower_bound(alarms_.begin(), alarms_.end(), id,
                             [](const Alarm& a, int64_t v) { return a.id < v; });
  if (it == alarms_.end() || it->id != id) {
    return NotFound("no alarm has id " + std::to_string(id) +
                    "; GET /__mock/alarms lists those held");
  }
  if (it->ResolvedAt(now_ms)) {
    return FailedPrecondition("alarm " + std::to_string(id) + " is resolved already");
  }
  it->resolved_ms = now_ms;
  it->updated_ms = now_ms;
  return *it;
}

std::vector<Alarm> AlarmBook::All() const {
  MutexLock lock(mutex_);
  return alarms_;
}

std::optional<Alarm> AlarmBook::Get(int64_t id) const {
  MutexLock lock(mutex_);
  auto it = std::lower_bound(alarms_.begin(), alarms_.end(), id,
                             [](const Alarm& a, int64_t v) { return a.id < v; });
  if (it == alarms_.end() || it->id != id) return std::nullopt;
  return *it;
}

void AlarmBook::Clear() {
  MutexLock lock(mutex_);
  alarms_.clear();
  next_id_ = kFirstId;
}

bool AlarmBook::RoomLocked(int64_t now_ms) {
  if (alarms_.size() < kMaxAlarms) return true;
  auto oldest = std::find_if(alarms_.begin(), alarms_.end(),
                             [now_ms](const Alarm& a) { return a.ResolvedAt(now_ms); });
  if (oldest == alarms_.end()) return false;
  alarms_.erase(oldest);
  return true;
}

Alarm& AlarmBook::AddLocked(Alarm alarm, int64_t now_ms) {
  alarm.id = next_id_++;
  alarm.active_ms = now_ms;
  alarm.updated_ms = now_ms;
  alarm.resolved_ms.reset();
  alarms_.push_back(std::move(alarm));
  return alarms_.back();
}

}  // namespace mock::families::alarms
