// The endpoints clients call to find out whether OCP is there and which version it is, and the
// mock's own readiness probe (docs/reference/ocp-resources-api.md section 5):
//   GET /__mock/health  (no credentials)  {"ocpVersion", "quirks", "ready", "tasks",
//                                         "uptimeSeconds"}: quirks, those --quirks plays
//   GET /api/v2/time    (no credentials)  the server time as text: obdeploy's readiness probe
//   GET /api/v2/info    (authenticated)   a bare JSON object, not in the envelope, whose
//                                         buildVersion before the first '_' is the version played
//   GET /api/status     (authenticated, OCP 4.2.1 on) "okay" as text
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "mock/core/params.h"
#include "mock/reply/route.h"
#include "mock/tasks/clock.h"
#include "mock/tasks/task_store.h"

namespace mock::api {

class ProbeHandlers {
 public:
  // `store` and `clock` must outlive the handlers. `ocp_version` is the version played, `quirks`
  // the names of the quirks played (quirks.h, QuirkList).
  ProbeHandlers(const tasks::TaskStore& store, const tasks::MockClock& clock,
                std::string ocp_version, std::vector<std::string> quirks = {})
      : store_(store),
        clock_(clock),
        ocp_version_(std::move(ocp_version)),
        quirks_(std::move(quirks)) {}

  StatusOr<Reply> Health() const;
  // The mock clock's now, as OCP writes times ("2020-11-11T15:46:27.316+08:00"), as text/plain:
  // the docs say "returned in the text format" (whether real servers quote it is unverified).
  StatusOr<Reply> Time() const;
  // The documented seven keys; buildVersion "<version>_20240101".
  StatusOr<Reply> Info() const;
  // `includeUnavailableComponent` must be a boolean as Spring binds one (true/false, on/off,
  // yes/no, 1/0, any case); the mock is never unhealthy, so the answer is always "okay".
  StatusOr<Reply> ApiStatus(const QueryParams& params) const;

 private:
  const tasks::TaskStore& store_;
  const tasks::MockClock& clock_;
  const std::string ocp_version_;
  const std::vector<std::string> quirks_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace mock::api
