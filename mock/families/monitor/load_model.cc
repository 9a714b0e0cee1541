#include "mock/families/monitor/load_model.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mock::families::monitor {
namespace {

constexpr int64_t kDay = 86'400;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
// Distinct streams of the same seed: the noise, the spikes and the per-entity constants must not
// draw the same numbers.
constexpr uint64_t kNoiseStream = 0x6e6f697365;
constexpr uint64_t kSpikeStream = 0x7370696b65;
constexpr uint64_t kTenantStream = 0x74656e616e74;
constexpr uint64_t kServerStream = 0x736572766572;

// Floor division, so that an instant before the epoch falls in the right minute.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

uint64_t U(int64_t v) { return static_cast<uint64_t>(v); }

// A tenant's constant in [0, 1) for `what`.
double TenantDraw(uint64_t seed, int64_t tenant_id, uint64_t what) {
  return Uniform(seed, kTenantStream, U(tenant_id), what);
}

}  // namespace

uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double Uniform(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) {
  const uint64_t h = Mix(Mix(Mix(seed, a), b), c);
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

double LoadFactor(uint64_t seed, int64_t tenant_id, int64_t server_id, int64_t t) {
  const double phase = TenantDraw(seed, tenant_id, 1) * 7'200.0;
  const double time_of_day = static_cast<double>(t - FloorDiv(t, kDay) * kDay);
  const double daily =
      0.5 + 0.4 * std::cos(2.0 * std::numbers::pi * (time_of_day - 57'600.0 - phase) / kDay);
  const uint64_t who = Mix(U(tenant_id), U(server_id));
  const double noise = (Uniform(seed, kNoiseStream, who, U(FloorDiv(t, 60))) - 0.5) * 0.1;
  const double spike = Uniform(seed, kSpikeStream, who, U(FloorDiv(t, 600))) < 0.02 ? 0.35 : 0.0;
  return std::clamp(daily + noise + spike, 0.02, 1.0);
}

double PeakQps(uint64_t seed, int64_t tenant_id) {
  return 200.0 + 1'800.0 * TenantDraw(seed, tenant_id, 2);
}

UnitLoad UnitLoadAt(uint64_t seed, const UnitInput& unit, int64_t t) {
  const double load = LoadFactor(seed, unit.tenant_id, unit.server_id, t);
  const double units = static_cast<double>(std::max<int64_t>(1, unit.units));
  UnitLoad u;
  u.qps = PeakQps(seed, unit.tenant_id) / units * load;
  u.tps = u.qps * (0.15 + 0.2 * TenantDraw(seed, unit.tenant_id, 3));
  u.rt_us = (800.0 + 2'200.0 * TenantDraw(seed, unit.tenant_id, 4)) * (1.0 + load * load);
  u.sessions = u.qps * u.rt_us / 1e6 + 2.0;
  u.cpu_percent = 5.0 + 90.0 * load;
  u.cpu_cores = unit.max_cpu * u.cpu_percent / 100.0;
  u.memory_percent = 40.0 + 45.0 * load;
  return u;
}

double ServerOwnCores(uint64_t seed, int64_t server_id, int64_t t) {
  return 0.5 + 0.5 * Uniform(seed, kServerStream, U(server_id), U(FloorDiv(t, 60)) + 1);
}

double ServerCpuPercent(double busy_cores, double cores) {
  if (cores <= 0) return 0;
  return std::min(100.0, busy_cores / cores * 100.0);
}

double ServerLoad1(uint64_t seed, int64_t server_id, double busy_cores, int64_t t) {
  return busy_cores * (1.0 + 0.2 * Uniform(seed, kServerStream, U(server_id), U(t)));
}

double ServerMemoryUsed(double units_memory_bytes_used) {
  return 30.0 * kGiB + units_memory_bytes_used;
}

double ServerDiskUsed(uint64_t seed, int64_t server_id, int64_t t) {
  const double base = (200.0 + 1'000.0 * Uniform(seed, kServerStream, U(server_id), 0)) * kGiB;
  const double days = std::max(0.0, static_cast<double>(t) / kDay - 20'000.0);
  return std::min(2'048.0 * kGiB, base * (1.0 + 0.01 * days));
}

}  // namespace mock::families::monitor
