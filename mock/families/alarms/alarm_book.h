// Every alarm the mock has opened since the last reset, with the times it opened and resolved on
// the mock clock: those the world's conditions opened (alarm_conditions.h) and those a test
// raised through /__mock/alarms. One mutex guards them; readers get copies.
//
//   AlarmBook book;
//   book.Observe(conditions, now);   // opens the new conditions' alarms, resolves the cleared
//   StatusOr<Alarm> a = book.Raise(alarm, now);
//   book.Resolve(a.value().id, later);
//
// Bounded (docs/alarms.md, "Bounds"): at most kMaxAlarms are held. Opening one more first forgets
// the oldest resolved alarm; when none is resolved, a raise is refused (kFailedPrecondition: 400)
// and a condition opens nothing until one resolves. Ids count up from kFirstId and are not reused
// until a reset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "mock/core/status.h"
#include "mock/core/thread_annotations.h"
#include "mock/families/alarms/alarm.h"

namespace mock::families::alarms {

class AlarmBook {
 public:
  static constexpr size_t kMaxAlarms = 10000;
  // The first id, of the docs' samples' order of magnitude (1000157 to 1000160; mock).
  static constexpr int64_t kFirstId = 1000001;

  // `conditions` are the alarms the world calls for at `now_ms`, each with a distinct key. Each
  // whose key has no unresolved alarm opens one (active at `now_ms`); each unresolved alarm with
  // a key that is not among them is resolved at `now_ms`. Raised alarms (no key) are left alone.
  void Observe(std::vector<Alarm> conditions, int64_t now_ms) OCPMOCK_EXCLUDES(mutex_);

  // Holds `alarm` (its key cleared) under a new id, active at `now_ms`; resolve_at_ms, when set,
  // is kept. kFailedPrecondition past the bound.
  StatusOr<Alarm> Raise(Alarm alarm, int64_t now_ms) OCPMOCK_EXCLUDES(mutex_);

  // Resolves alarm `id` at `now_ms`: kNotFound when not held, kFailedPrecondition when it is
  // resolved already (nothing changes).
  StatusOr<Alarm> Resolve(int64_t id, int64_t now_ms) OCPMOCK_EXCLUDES(mutex_);

  // Every alarm held, by id ascending.
  std::vector<Alarm> All() const OCPMOCK_EXCLUDES(mutex_);
  std::optional<Alarm> Get(int64_t id) const OCPMOCK_EXCLUDES(mutex_);

  // Forgets every alarm; ids count from kFirstId again.
  void Clear() OCPMOCK_EXCLUDES(mutex_);

 private:
  // Makes room for one more alarm; false when every alarm held is unresolved at `now_ms`.
  bool RoomLocked(int64_t now_ms) OCPMOCK_REQUIRES(mutex_);
  Alarm& AddLocked(Alarm alarm, int64_t now_ms) OCPMOCK_REQUIRES(mutex_);

  mutable Mutex mutex_;
  std::vector<Alarm> alarms_ OCPMOCK_GUARDED_BY(mutex_);  // by id ascending
  int64_t next_id_ OCPMOCK_GUARDED_BY(mutex_) = kFirstId;
};

}  // namespace mock::families::alarms
