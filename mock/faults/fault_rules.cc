#include "mock/faults/fault_rules.h"

#include <algorithm>

#include "mock/core/glob.h"

namespace mock::faults {

bool Matches(const Match& match, const Probe& probe) {
  if (match.method && *match.method != probe.method) return false;
  if (match.user && (probe.user == nullptr || *probe.user != *match.user)) return false;
  if (match.query_name) {
    const std::vector<std::string_view> values = ValuesOf(probe.query, *match.query_name);
    if (values.empty()) return false;
    if (match.query_value &&
        std::find(values.begin(), values.end(), *match.query_value) == values.end()) {
      return false;
    }
  }
  return !match.path_glob || GlobMatches(*match.path_glob, probe.path);
}

std::string DefaultStatusMessage(uint64_t rule_id, int status) {
  if (status != 503) return "";
  return "Service Unavailable: the mock's fault rule " + std::to_string(rule_id) +
         " answered this request with 503 in place of the server.";
}

FaultRules::FaultRules(uint64_t seed, std::vector<FaultRule> initial)
    : seed_(seed), initial_(std::move(initial)) {
  Reset();
}

void FaultRules::Reset() {
  MutexLock lock(mutex_);
  ClearLocked();
  // At most kMaxRules: the file's schema.
  for (const FaultRule& rule : initial_) (void)AddLocked(rule);
}

StatusOr<RuleState> FaultRules::Add(FaultRule rule) {
  MutexLock lock(mutex_);
  return AddLocked(std::move(rule));
}

StatusOr<RuleState> FaultRules::AddLocked(FaultRule rule) {
  if (slots_.size() >= kMaxRules) {
    return FailedPrecondition("the mock holds at most " + std::to_string(kMaxRules) +
                              " fault rules; DELETE /__mock/faults/{id} or /__mock/faults first");
  }
  rule.id = next_id_++;
  // Distinct rules get distinct streams even under one server seed.
  const uint64_t seed = rule.seed.value_or(seed_ ^ (rule.id * 0x9E3779B97F4A7C15ULL));
  std::string prefix(rule.match.path_glob ? GlobLiteralPrefix(*rule.match.path_glob) : "");
  slots_.push_back({RuleState{std::move(rule)}, std::mt19937_64(seed), std::move(prefix)});
  count_.store(slots_.size(), std::memory_order_release);
  return slots_.back().state;
}

std::vector<RuleState> FaultRules::List() const {
  MutexLock lock(mutex_);
  std::vector<RuleState> out;
  out.reserve(slots_.size());
  for (const Slot& s : slots_) out.push_back(s.state);
  return out;
}

bool FaultRules::Remove(uint64_t id) {
  MutexLock lock(mutex_);
  auto it = std::find_if(slots_.begin(), slots_.end(),
                         [id](const Slot& s) { return s.state.rule.id == id; });
  if (it == slots_.end()) return false;
  slots_.erase(it);
  count_.store(slots_.size(), std::memory_order_release);
  return true;
}

size_t FaultRules::Clear() {
  MutexLock lock(mutex_);
  return ClearLocked();
}

size_t FaultRules::ClearLocked() {
  const size_t n = slots_.size();
  slots_.clear();
  next_id_ = 1;
  count_.store(0, std::memory_order_release);
  return n;
}

std::optional<Firing> FaultRules::Decide(const Probe& probe) {
  if (count_.load(std::memory_order_acquire) == 0) return std::nullopt;
  MutexLock lock(mutex_);
  for (Slot& slot : slots_) {
    if (auto firing = TryFireLocked(slot, probe)) return firing;
  }
  return std::nullopt;
}

std::optional<Firing> FaultRules::TryFireLocked(Slot& slot, const Probe& probe) {
  RuleState& s = slot.state;
  if (s.rule.times && s.fired >= *s.rule.times) return std::nullopt;
  if (probe.path.compare(0, slot.path_prefix.size(), slot.path_prefix) != 0) return std::nullopt;
  if (!Matches(s.rule.match, probe)) return std::nullopt;
  ++s.matched;
  // A certain rule draws nothing; a jittered delay draws its time below.
  if (s.rule.probability < 1.0 &&
      std::uniform_real_distribution<double>(0.0, 1.0)(slot.random) >= s.rule.probability) {
    return std::nullopt;
  }
  ++s.fired;
  Firing f{s.rule.id, s.rule.action, s.rule.action.delay_min_ms};
  if (f.action.type == ActionType::kStatus && f.action.message.empty()) {
    f.action.message = DefaultStatusMessage(s.rule.id, f.action.status);
  }
  if (s.rule.action.delay_max_ms > s.rule.action.delay_min_ms) {
    f.delay_ms = std::uniform_int_distribution<int>(s.rule.action.delay_min_ms,
                                                    s.rule.action.delay_max_ms)(slot.random);
  }
  return f;
}

}  // namespace mock::faults
