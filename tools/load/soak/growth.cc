#include "tools/load/soak/growth.h"

#include <algorithm>
#include <cmath>

namespace soak {
namespace {

constexpr long kMinToleranceKb = 4096;
constexpr size_t kMinJudgedSamples = 6;

long MedianKb(std::vector<RssSample>::const_iterator first,
              std::vector<RssSample>::const_iterator last) {
  std::vector<long> values;
  for (auto it = first; it != last; ++it) values.push_back(it->rss_kb);
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2),
                   values.end());
  return values[values.size() / 2];
}

// The rise of the least-squares line through [first, last) between its first and last instant.
long FitRiseKb(std::vector<RssSample>::const_iterator first,
               std::vector<RssSample>::const_iterator last) {
  const double n = static_cast<double>(last - first);
  double sum_t = 0;
  double sum_r = 0;
  for (auto it = first; it != last; ++it) {
    sum_t += it->seconds;
    sum_r += static_cast<double>(it->rss_kb);
  }
  const double mean_t = sum_t / n;
  const double mean_r = sum_r / n;
  double num = 0;
  double den = 0;
  for (auto it = first; it != last; ++it) {
    num += (it->seconds - mean_t) * (static_cast<double>(it->rss_kb) - mean_r);
    den += (it->seconds - mean_t) * (it->seconds - mean_t);
  }
  if (den <= 0) return 0;
  return std::lround(num / den * ((last - 1)->seconds - first->seconds));
}

}  // namespace

GrowthVerdict JudgeGrowth(const std::vector<RssSample>& samples) {
  GrowthVerdict v;
  if (samples.empty()) return v;
  const double half_time = (samples.front().seconds + samples.back().seconds) / 2;
  const auto second = std::find_if(samples.begin(), samples.end(),
                                   [&](const RssSample& s) { return s.seconds >= half_time; });
  v.start_kb = samples.front().rss_kb;
  v.mid_kb = second->rss_kb;
  v.end_kb = samples.back().rss_kb;
  for (const RssSample& s : samples) v.peak_kb = std::max(v.peak_kb, s.rss_kb);
  v.tolerance_kb = std::max(kMinToleranceKb, v.mid_kb / 10);
  const auto n = static_cast<size_t>(samples.end() - second);
  if (n < kMinJudgedSamples) return v;
  v.judged = true;
  const auto third = static_cast<long>(n / 3);
  v.fit_rise_kb = FitRiseKb(second, samples.end());
  v.tail_rise_kb =
      MedianKb(samples.end() - third, samples.end()) - MedianKb(second, second + third);
  v.growing = v.fit_rise_kb > v.tolerance_kb && 2 * v.tail_rise_kb > v.tolerance_kb;
  return v;
}

std::string Describe(const GrowthVerdict& v) {
  if (!v.judged) return "not judged (fewer than 6 samples in the second half)";
  auto signed_kb = [](long kb) { return (kb >= 0 ? "+" : "") + std::to_string(kb) + " KiB"; };
  return std::string(v.growing ? "GROWING" : "flat") + " (second half: fit " +
         signed_kb(v.fit_rise_kb) + ", last third's median " + signed_kb(v.tail_rise_kb) +
         " over the first's; tolerance " + std::to_string(v.tolerance_kb) + " KiB)";
}

}  // namespace soak
