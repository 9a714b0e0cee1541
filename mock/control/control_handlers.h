// The mock's own control endpoints under /__mock/ (not OCP's): put the mock back as it started,
// read the mock clock, and move it forward so that tests never sleep. Bound to paths in
// route_table.cc, like OCP's.
//
//   ControlHandlers control({store, clock, journal, throttle});
//   control.AdvanceClock({{"seconds", "30"}});
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mock/auth/throttle.h"
#include "mock/core/params.h"
#include "mock/entities/entity_store.h"
#include "mock/faults/fault_rules.h"
#include "mock/journal/journal.h"
#include "mock/reply/family.h"
#include "mock/reply/route.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

// What a reset can put back; each must outlive the handlers.
struct Resettable {
  tasks::TaskStore& store;
  tasks::MockClock& clock;
  journal::Journal& journal;
  auth::Throttle& throttle;
  faults::FaultRules& faults;
  entities::EntityStore& entities;  // reset with `tasks`: operations' entities go with their tasks
  std::vector<const Family*> families = {};  // the families with state of their own (Resets())
};

class ControlHandlers {
 public:
  explicit ControlHandlers(Resettable state) : state_(std::move(state)) {}

  // GET /__mock/clock: {"epochMillis", "now", "timeScale"}.
  StatusOr<Reply> Clock() const;
  // POST /__mock/clock/advance?seconds=S (0 to 1e9, fractions allowed): the clock after.
  StatusOr<Reply> AdvanceClock(const QueryParams& params) const;
  // POST /__mock/reset[?only=PART,...]: the parts named, or all of them, back as the mock
  // started. Parts: `clock` (restarts from the wall clock, forgetting every advance), `tasks`
  // (as the fixtures describe them, progressing from the clock's now: after the clock when both
  // are reset; with the clusters, tenants and hosts, which operations change along with tasks),
  // `journal` (emptied), `rateLimits` (every user's window starts afresh), `faults` (the --faults
  // file's rules again, or none, with their counts at 0), and each family with data of its own,
  // by its name (`hostTypes`: its fixture rows again, runtime changes forgotten).
  // {"reset": [parts, alphabetically], "tasks": N}. An unknown part is a 400; nothing is reset.
  StatusOr<Reply> Reset(const QueryParams& params) const;
  // Every part a reset knows, alphabetically: the mock's own and the families' names.
  std::vector<std::string> Parts() const;

 private:
  Resettable state_;
};

}  // namespace mock::api
