// The mock's deterministic load: what each tenant's unit and each OBServer does at an instant, a
// pure function of (seed, tenant, server, second). No state, no lock, no global generator: the
// same arguments give the same numbers in any process, so a series is the same bytes across a
// restart with the same seed (docs/monitor.md, "The load model"). Other families (alarms, SQL
// diagnostics) read the same numbers through this header.
//
//   UnitLoad u = UnitLoadAt(seed, {.tenant_id = 1002, .server_id = 2000004, .units = 2,
//                                  .max_cpu = 4}, t);
//   u.qps;        // this unit's share of the tenant's QPS at second t
//   ServerCpuPercent(ServerOwnCores(seed, 2000004, t) + u.cpu_cores, 32);   // at most 100
//
// The shape (all `mock`; OCP's docs say nothing of what real loads look like):
//  - a load factor in [0.02, 1]: a daily curve (low at 04:00 UTC, high at 16:00, each tenant's
//    phase shifted by up to two hours), noise of +-5% drawn per minute, and a spike of +0.35
//    in about 2% of ten-minute windows;
//  - a tenant's peak QPS: 200 to 2,000 by its id, split evenly over its units;
//  - TPS: 15% to 35% of QPS by the tenant; response time 800 us to 3 ms by the tenant, growing
//    with the square of the load (up to twice at full load); active sessions: QPS x response
//    time (Little's law) plus two idle ones;
//  - a unit's CPU: 5% to 95% of its max_cpu with the load; its memory 40% to 85%;
//  - a server's CPU: 0.5 to 1 core of its own (drawn per minute) plus its units', at most its
//    cores.
#pragma once

#include <cstdint>

namespace mock::families::monitor {

// 64-bit mixing (SplitMix64's finaliser) of `a` and `b`.
uint64_t Mix(uint64_t a, uint64_t b);
// A number in [0, 1) from the four parts, the same for the same parts.
double Uniform(uint64_t seed, uint64_t a, uint64_t b, uint64_t c);

// The load factor of tenant `tenant_id`'s unit on `server_id` at second `t` (the header).
double LoadFactor(uint64_t seed, int64_t tenant_id, int64_t server_id, int64_t t);

// A tenant's peak QPS over all its units.
double PeakQps(uint64_t seed, int64_t tenant_id);

// One of a tenant's units, as the topology gives it (entities/cluster_topology.h).
struct UnitInput {
  int64_t tenant_id = 0;
  int64_t server_id = 0;
  int64_t units = 1;     // how many units the tenant has (its QPS is split over them)
  double max_cpu = 2.0;  // the unit config's max_cpu, in cores
};

// What one unit does at second t.
struct UnitLoad {
  double qps = 0;
  double tps = 0;
  double rt_us = 0;
  double sessions = 0;
  double cpu_cores = 0;
  double cpu_percent = 0;     // of max_cpu
  double memory_percent = 0;  // of the unit's memory
};

UnitLoad UnitLoadAt(uint64_t seed, const UnitInput& unit, int64_t t);

// The cores a server's own threads (OceanBase's, the OS's) use at second t: 0.5 to 1.
double ServerOwnCores(uint64_t seed, int64_t server_id, int64_t t);

// A server's CPU utilisation given the cores in use: busy / cores, at most 100.
double ServerCpuPercent(double busy_cores, double cores);

// A server's 1-minute load average: its busy cores plus a little queueing, by the second.
double ServerLoad1(uint64_t seed, int64_t server_id, double busy_cores, int64_t t);

// A server's memory used in bytes: 30 GiB for the system plus its units' memory in use.
double ServerMemoryUsed(double units_memory_bytes_used);

// A server's data disk used in bytes: 200 GiB to 1.2 TiB by the server, growing 1% a day from
// the epoch's day 20,000 (2024-10-04), bounded by 2 TiB.
double ServerDiskUsed(uint64_t seed, int64_t server_id, int64_t t);

}  // namespace mock::families::monitor
