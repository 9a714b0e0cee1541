// The mock's own control endpoints under /__mock/ (not OCP's): reset the tasks to the fixtures,
// read the mock clock, and move it forward so that tests never sleep. Bound to paths in
// route_table.cc, like OCP's.
//
//   ControlHandlers control(store, clock);
//   control.AdvanceClock({{"seconds", "30"}});
#pragma once

#include "mock/api/route.h"
#include "mock/core/params.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

class ControlHandlers {
 public:
  // `store` and `clock` must outlive the handlers.
  ControlHandlers(tasks::TaskStore& store, tasks::MockClock& clock)
      : store_(store), clock_(clock) {}

  // GET /__mock/clock: {"epochMillis", "now", "timeScale"}.
  StatusOr<Reply> Clock() const;
  // POST /__mock/clock/advance?seconds=S (0 to 1e9, fractions allowed): the clock after.
  StatusOr<Reply> AdvanceClock(const QueryParams& params) const;
  // POST /__mock/reset: every task back as the fixtures describe it; {"tasks": N}.
  StatusOr<Reply> Reset() const;

 private:
  tasks::TaskStore& store_;
  tasks::MockClock& clock_;
};

}  // namespace mock::api
