// The parameters of an OBProxy cluster as GET /api/v2/obproxy/clusters/{id}/parameters answers
// them (docs/reference/ocp-tenant-objects-and-obproxy.md §4): a catalogue of ODP's own
// parameters (§4.4, Q1-Q25, from ODP's ob_proxy_config.h, plus the ones only the sample shows:
// §4.3), each at its default for the OBProxy's version, for every OBProxy of the cluster. Pure:
// no store, no lock.
//
//   WriteParameters(w, cluster_row);   // {"contents": [{name, description, needReboot,
//                                      //   valueString, values: [{value, obproxies}]}, ...]}
//
// Where the docs are silent (docs/terraform.md, "OBProxy parameters"; each tagged there):
//  - `odp`/`doc`: an OBProxy 1.x has the sample's parameters with the sample's values (the sample
//    is an OBProxy 1.9's: §4.3), 2.x and 3.x ODP v3.2.3's defaults, 4.x and later v4.2.3's;
//    booleans are written "True"/"False", as the sample writes them;
//  - `mock`: one `values` element per distinct value, in the order of the cluster's
//    `obproxies`, naming each OBProxy by its IP (the sample's); valueString is the first
//    element's value (the sample has only one); a cluster without OBProxies lists each
//    parameter its `versions` (else 4.x) has, with no values and its default as valueString;
//    parameters by name ascending.
#pragma once

#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "mock/json/json_writer.h"

namespace mock::families::obproxy {

// The ODP generation whose parameters and defaults an OBProxy of `version` has: 1 (the docs'
// sample, OBProxy 1.9.x), 3 (ODP 2.x and 3.x: v3.2.3) or 4 (4.x and later: v4.2.3; also an
// unreadable version).
int ParameterGeneration(std::string_view version);

struct ParameterValue {
  std::string_view value;
  std::vector<std::string_view> obproxies;  // their IPs
};

struct ClusterParameter {
  std::string_view name;
  std::string_view description;
  bool need_reboot = false;
  std::string_view value_string;
  std::vector<ParameterValue> values;
};

// The parameters of OBProxy cluster `cluster` (an obproxyCluster row), by name ascending. The
// views point into `cluster` and static data: `cluster` must outlive them.
std::vector<ClusterParameter> ParametersOf(const rapidjson::Value& cluster);

// `{"contents": [...]}` of ParametersOf(cluster).
void WriteParameters(json::JsonWriter& w, const rapidjson::Value& cluster);

}  // namespace mock::families::obproxy
