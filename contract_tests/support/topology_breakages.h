// The breaking proxy's breakages of the pages OceanBase's MCP server reads (breaking_proxy.h,
// issue #27): each breaks one rule of the check library's topology and configuration rows
// (tools/compat/topology_rules.h, config_rules.h), on the way in (the request's target) or in
// the answer.
#pragma once

#include <string>
#include <string_view>

#include "contract_tests/support/breaking_proxy.h"
#include "mock/http/message.h"

namespace contract {

// The target to forward for `request` under `b` (the request's own, for most).
std::string BreakTopologyRequest(Breakage b, const mock::http::Request& request,
                                 std::string target);

// Rewrites `r`, the answer to `request`, as `b` breaks it (nothing for other breakages).
void BreakTopologyAnswer(Breakage b, const mock::http::Request& request, mock::http::Response& r);

// The name of a topology breakage ("ServerRegionFilterIgnored"), or "?" for another.
std::string_view TopologyBreakageName(Breakage b);

}  // namespace contract
