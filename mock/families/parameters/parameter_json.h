// The two list items, as the docs' samples write them (docs/reference/ocp-cluster-topology.md §9,
// §11), keys in the samples' order:
//  - ClusterParameter: currentValue {obParameters (one per server: name, svrIp, svrPort,
//    svrType "observer", value, zone), singleValueInCluster, valueToServers {value: ["ip:port"]},
//    values}, defaultValue, description, name, needRestart, readonly, section (when the
//    definition has one), valueRange with its four keys, unset ones null (cluster-parameter);
//  - TenantParameter: currentValue, defaultValue, description, name, parameterType (in no OCP
//    doc: parameter_catalog.h, docs/parameters.md), readonly, valueRange with only the keys that
//    are set, as the tenant sample (tenant-parameter).
// The servers are the cluster's OBServers as the topology pages show them
// (mock/entities/cluster_topology.h: one per host and zone), zone by zone. The mock sets a value
// for the whole cluster, so every server holds the same one: `values` is that one value,
// `singleValueInCluster` true, and `valueToServers` maps it to every server (to none when the
// cluster has no server).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/families/parameters/parameter_catalog.h"
#include "mock/json/json_writer.h"

namespace mock::families::parameters {

// One OBServer of the cluster, as obParameters names it.
struct Server {
  std::string zone;
  std::string ip;
  int64_t port = 0;  // RPC
};

void WriteClusterParameter(json::JsonWriter& w, const Definition& d, const std::string& value,
                           const std::vector<Server>& servers);

void WriteTenantParameter(json::JsonWriter& w, const Definition& d, const std::string& value);

}  // namespace mock::families::parameters
