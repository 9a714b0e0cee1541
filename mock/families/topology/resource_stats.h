// What a cluster's OBServers hold and what its units are given, as numbers that add up: each
// server's ServerResourceStats is the sum over the units placed on it
// (entities/cluster_topology.h) against the server's capacity, and the cluster's
// ClusterResourceStats is the sum over its servers, so a client adding up GET .../serverStats
// gets GET .../stats (docs/topology.md, "Resource statistics").
//
// OCP's docs give the fields (docs/reference/ocp-cluster-topology.md §7, §8) but not how OCP
// computes them; the rules, all `mock`:
//  - capacity: hosts carry none (no host or host-type field gives cores, memory or disks), so
//    every server has kServerCapacity: 32 cores with no overprovisioning (cpuTotalMin = cpuTotal
//    = cpuTotalMax), 98 GiB of memory for tenants beside 30 GiB of system memory (OceanBase's
//    `system_memory` default, §15 C3), a 512 GiB log disk and a 2 TiB data disk;
//  - a unit is given its pool's minimum CPU (cpuAssigned, cpuAssignedMin; its maximum in
//    cpuAssignedMax) and minimum memory (OceanBase 4 gives a unit one memory size; OCP shows it
//    as both), and a log disk of three times its memory (OceanBase 4's default for a unit);
//  - what a unit uses, deterministically from its id: 10% to 30% of its log disk, 1 to 16 GiB of
//    data disk; and 10 leader partitions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mock/entities/cluster_topology.h"

namespace mock::families::topology {

inline constexpr int64_t kGiB = int64_t{1} << 30;

// What a unit is given and uses, from its config and its id.
struct UnitResources {
  int64_t memory_byte = 0;      // the pool's minMemorySize
  int64_t max_memory_byte = 0;  // its maxMemorySize
  int64_t log_disk_size_gb = 0;
  int64_t log_disk_byte = 0;
  int64_t log_disk_used_byte = 0;
  int64_t data_disk_used_byte = 0;
  int64_t iops = 0;  // min and max: 10,000 per minimum core
  int64_t iops_weight = 0;
  int64_t partitions = 0;
};
UnitResources ResourcesOf(const entities::Unit& unit);

// One server's stats (ServerResourceStats), or a cluster's sum (ClusterResourceStats) when `ip`
// is empty.
struct ResourceStats {
  std::string ip;
  int64_t port = 0;
  std::string zone;
  int64_t partition_count = 0;
  int64_t unit_count = 0;
  double cpu_total = 0;
  double cpu_total_min = 0;
  double cpu_total_max = 0;
  double cpu_assigned = 0;
  double cpu_assigned_min = 0;
  double cpu_assigned_max = 0;
  int64_t memory_total_byte = 0;
  int64_t memory_assigned_byte = 0;
  int64_t system_memory_byte = 0;
  int64_t log_disk_total_byte = 0;
  int64_t log_disk_assigned_byte = 0;
  int64_t log_disk_used_byte = 0;
  int64_t data_disk_total_byte = 0;
  int64_t data_disk_used_byte = 0;
};

// Each server of `cluster` (its order: id ascending) with the units placed on it.
std::vector<ResourceStats> ServerStatsOf(const entities::ClusterTopology& cluster);
// The sum of `servers`, field by field.
ResourceStats Sum(const std::vector<ResourceStats>& servers);

}  // namespace mock::families::topology
