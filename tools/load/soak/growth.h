// The soak's memory verdict: does the server's resident memory keep rising over the second half
// of the run? Pure arithmetic over samples, so that the detector itself is tested with
// synthetic series (contract_tests/soak/soak_growth_test.cc).
//
// The first half is the warm-up and is never judged: the allocator's arenas grow to their
// working size, and the bounded structures (the request journal, 10,000 entries by default;
// runtime tasks, alarms and slow SQL, all emptied by the soak's periodic reset) fill within the
// first epochs. Over the second half a server whose memory is bounded is flat, or saws up and
// down as the journal refills after each reset. It is judged growing only when both
//   - the least-squares line through the second half rises by more than the tolerance, and
//   - the median of the second half's last third exceeds the median of its first third by more
//     than half the tolerance,
// so that neither one late spike nor a sawtooth is taken for a leak, while a steady leak trips
// both. The tolerance is the larger of 4 MiB and 10% of the resident memory at half time: the
// same bound as ocp-load --check-memory (tools/load/load_main.cc).
#pragma once

#include <string>
#include <vector>

namespace soak {

struct RssSample {
  double seconds = 0;  // since the soak started
  long rss_kb = 0;
};

struct GrowthVerdict {
  bool judged = false;   // false: fewer than 6 samples in the second half, nothing to say
  bool growing = false;  // judged, and rising as above
  long start_kb = 0;     // the first sample
  long mid_kb = 0;       // the first sample of the second half
  long end_kb = 0;       // the last sample
  long peak_kb = 0;
  long fit_rise_kb = 0;   // the line's rise over the second half
  long tail_rise_kb = 0;  // last third's median minus first third's, of the second half
  long tolerance_kb = 0;
};

// The verdict over `samples`, in time order.
GrowthVerdict JudgeGrowth(const std::vector<RssSample>& samples);

// One line for people: "flat (fit +120 KiB, tail +0 KiB; tolerance 4096 KiB)" or "GROWING ...".
std::string Describe(const GrowthVerdict& verdict);

}  // namespace soak
