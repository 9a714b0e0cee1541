// The breaking proxy's breakages of what an operations agent watches (breaking_proxy.h, issue
// #28): each breaks one rule of the check library's monitor, alarm and inspection rows
// (tools/compat/monitor_rules.h), on the way in (the request's target) or in the answer.
#pragma once

#include <string>
#include <string_view>

#include "contract_tests/support/breaking_proxy.h"
#include "mock/http/message.h"

namespace contract {

// The target to forward for `request` under `b` (the request's own, for most).
std::string BreakMonitorRequest(Breakage b, const mock::http::Request& request, std::string target);

// Rewrites `r`, the answer to `request`, as `b` breaks it (nothing for other breakages).
void BreakMonitorAnswer(Breakage b, const mock::http::Request& request, mock::http::Response& r);

// The name of a monitor breakage ("MetricGroupTypeIgnored"), or "?" for another.
std::string_view MonitorBreakageName(Breakage b);

}  // namespace contract
