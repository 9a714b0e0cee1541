#include "mock/families/topology/resource_stats.h"

#include <algorithm>
#include <cmath>

namespace mock::families::topology {
namespace {

// Every server's capacity (the header says why).
constexpr double kCores = 32;
constexpr int64_t kMemoryForTenants = 98 * kGiB;
constexpr int64_t kSystemMemory = 30 * kGiB;
constexpr int64_t kLogDisk = 512 * kGiB;
constexpr int64_t kDataDisk = 2048 * kGiB;
constexpr int64_t kPartitionsPerUnit = 10;

ResourceStats Capacity(const entities::Server& s) {
  ResourceStats r;
  r.ip = s.ip;
  r.port = s.port;
  r.zone = s.zone;
  r.cpu_total = r.cpu_total_min = r.cpu_total_max = kCores;
  r.memory_total_byte = kMemoryForTenants;
  r.system_memory_byte = kSystemMemory;
  r.log_disk_total_byte = kLogDisk;
  r.data_disk_total_byte = kDataDisk;
  return r;
}

}  // namespace

UnitResources ResourcesOf(const entities::Unit& unit) {
  UnitResources r;
  r.memory_byte = unit.config.min_memory_gb * kGiB;
  r.max_memory_byte = unit.config.max_memory_gb * kGiB;
  r.log_disk_size_gb = 3 * unit.config.min_memory_gb;
  r.log_disk_byte = r.log_disk_size_gb * kGiB;
  r.log_disk_used_byte = r.log_disk_byte / 100 * (10 + unit.id % 21);
  r.data_disk_used_byte = (1 + unit.id % 16) * kGiB;
  r.iops = std::llround(unit.config.min_cpu * 10'000);
  r.iops_weight = std::max<int64_t>(1, std::llround(unit.config.min_cpu));
  r.partitions = kPartitionsPerUnit;
  return r;
}

std::vector<ResourceStats> ServerStatsOf(const entities::ClusterTopology& cluster) {
  std::vector<ResourceStats> out;
  out.reserve(cluster.servers.size());
  for (const entities::Server& s : cluster.servers) out.push_back(Capacity(s));
  for (const entities::Unit& u : cluster.units) {
    ResourceStats& r = out[u.server];
    const UnitResources given = ResourcesOf(u);
    ++r.unit_count;
    r.partition_count += given.partitions;
    r.cpu_assigned += u.config.min_cpu;
    r.cpu_assigned_min += u.config.min_cpu;
    r.cpu_assigned_max += u.config.max_cpu;
    r.memory_assigned_byte += given.memory_byte;
    r.log_disk_assigned_byte += given.log_disk_byte;
    r.log_disk_used_byte += given.log_disk_used_byte;
    r.data_disk_used_byte += given.data_disk_used_byte;
  }
  return out;
}

ResourceStats Sum(const std::vector<ResourceStats>& servers) {
  ResourceStats t;
  for (const ResourceStats& s : servers) {
    t.partition_count += s.partition_count;
    t.unit_count += s.unit_count;
    t.cpu_total += s.cpu_total;
    t.cpu_total_min += s.cpu_total_min;
    t.cpu_total_max += s.cpu_total_max;
    t.cpu_assigned += s.cpu_assigned;
    t.cpu_assigned_min += s.cpu_assigned_min;
    t.cpu_assigned_max += s.cpu_assigned_max;
    t.memory_total_byte += s.memory_total_byte;
    t.memory_assigned_byte += s.memory_assigned_byte;
    t.system_memory_byte += s.system_memory_byte;
    t.log_disk_total_byte += s.log_disk_total_byte;
    t.log_disk_assigned_byte += s.log_disk_assigned_byte;
    t.log_disk_used_byte += s.log_disk_used_byte;
    t.data_disk_total_byte += s.data_disk_total_byte;
    t.data_disk_used_byte += s.data_disk_used_byte;
  }
  return t;
}

}  // namespace mock::families::topology
