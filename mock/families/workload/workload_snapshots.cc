#include "mock/families/workload/workload_snapshots.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace mock::families::workload {
namespace {

constexpr int64_t kHourMs = 3'600'000;
constexpr int64_t kPastTheHourMs = 60'000;  // the docs' sample: every snapshot at :01

// A fraction of a second from 1 to 999 ms that varies from snapshot to snapshot, as the
// sample's .214, .72 and .696 do; never 0, so the text always has a fraction.
int64_t FractionMs(int64_t id) { return 1 + (id % 999 + 999) * 7919 % 999; }

// The id of the last snapshot taken at or before `now_ms`.
int64_t LastId(int64_t now_ms) {
  int64_t id = (now_ms - kPastTheHourMs) / kHourMs;
  if (now_ms - kPastTheHourMs < 0 && (now_ms - kPastTheHourMs) % kHourMs != 0) --id;
  while (SnapshotTimeMs(id) > now_ms) --id;  // this hour's is due a fraction later
  return id;
}

}  // namespace

int64_t SnapshotTimeMs(int64_t id) { return id * kHourMs + kPastTheHourMs + FractionMs(id); }

std::string SnapshotTimeText(int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> t{milliseconds(epoch_ms)};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<milliseconds> hms{t - day};
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02lld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  std::string out = text;
  const auto ms = hms.subseconds().count();
  if (ms != 0) {
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03lld", static_cast<long long>(ms));
    std::string f = fraction;
    while (f.back() == '0') f.pop_back();  // ".720" -> ".72", as the sample writes it
    out += f;
  }
  return out + "Z";
}

std::vector<Snapshot> SnapshotsAt(int64_t now_ms, int64_t from_id) {
  const int64_t last = LastId(now_ms);
  const int64_t first = std::max(last - kRetained + 1, from_id);
  std::vector<Snapshot> out;
  for (int64_t id = first; id <= last; ++id) out.push_back({id, SnapshotTimeMs(id)});
  return out;
}

std::optional<Snapshot> FindSnapshot(int64_t now_ms, int64_t id) {
  const int64_t last = LastId(now_ms);
  if (id > last || id <= last - kRetained) return std::nullopt;
  return Snapshot{id, SnapshotTimeMs(id)};
}

}  // namespace mock::families::workload
