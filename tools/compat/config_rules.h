// The rules of the configuration rows (issue #27; checks.h), judged from answers that
// config_probe.cc fetched: cluster and tenant parameters and the one write that sets a parameter
// to the value it already has, and a tenant's users and roles, one by name. The facts:
// docs/reference/ocp-cluster-topology.md §9 to §12 (parameters) and
// docs/reference/ocp-tenant-objects-and-obproxy.md §6 to §8 (users, roles); each row's
// provenance, and why: docs/live-checks.md, "The topology and configuration rows".
//
//   std::optional<SameValue> set = ClusterSameValue(list);  // the PUT's body, or none to send
//   Outcome o = RoundTrip(put, after, true, contract, strict);
#pragma once

#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "tools/compat/checks.h"
#include "tools/compat/flow_rules.h"
#include "tools/compat/outcome.h"

namespace compat {

// A PUT that sets one parameter to the value the list shows it has: the safest write there is.
struct SameValue {
  std::string name;
  std::string value;
  std::string body;  // the PUT's JSON array, [{"name": ..., "value": ...}]
};

// The first parameter of a cluster's list (§9) that is not read-only, needs no restart and has
// one value in the whole cluster (currentValue.values); nullopt when there is none.
std::optional<SameValue> ClusterSameValue(const rapidjson::Document& list);

// The first parameter of a tenant's list (§11) that is not read-only, with a string currentValue;
// its parameterType goes back in the body when the list shows one, as the MCP server sends it
// (§17), since OCP Express takes a missing one for OB_SYSTEM_VARIABLE (§12); nullopt when none.
std::optional<SameValue> TenantSameValue(const rapidjson::Document& list);

// parameter-round-trip (§10, §12): the PUT, whose body is `put.sent`, answered 200 with the
// envelope without data (no-data-response), and the list after it shows the value sent for that
// name: the cluster's (`cluster`) every value and every server's (currentValue.values,
// obParameters), a tenant's currentValue.
Outcome RoundTrip(const FlowAnswer& put, const FlowAnswer& after, bool cluster, const Contract& c,
                  bool strict);

// tenant-user-detail (§7), tenant-role-detail (§8): `detail` answers `schema`, and every field
// it and the list's row whose `name_key` is `name` both carry has the same value (the docs give
// the same fields on both pages).
Outcome DetailOfListed(const FlowAnswer& detail, const FlowAnswer& list, const char* name_key,
                       const std::string& name, const char* schema, const Contract& c, bool strict);

}  // namespace compat
