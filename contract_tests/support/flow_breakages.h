// The breaking proxy's breakages of the pages the client flows read (breaking_proxy.h, issue #25):
// each breaks one rule of the check library's flow rows (tools/compat/flow_rules.h), on the way in
// (the request's target) or in the answer.
#pragma once

#include <string>
#include <string_view>

#include "contract_tests/support/breaking_proxy.h"
#include "mock/http/message.h"

namespace contract {

// The target to forward for `request` under `b` (the request's own, for most).
std::string BreakFlowRequest(Breakage b, const mock::http::Request& request, std::string target);

// Rewrites `r`, the answer to `request`, as `b` breaks it (nothing for other breakages).
void BreakFlowAnswer(Breakage b, const mock::http::Request& request, mock::http::Response& r);

// The name of a flow breakage ("ObproxyListUnpaged"), or "?" for another.
std::string_view FlowBreakageName(Breakage b);

}  // namespace contract
