#include "mock/control/control_handlers.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

constexpr double kMaxAdvanceSeconds = 1e9;

Reply ClockReply(const tasks::MockClock& clock) {
  return Reply{[now = clock.NowMs(), scale = clock.scale()](json::JsonWriter& w) {
    w.StartObject();
    w.Field("epochMillis", now);
    w.Field("now", model::MakeTimestamp(now).text());
    w.Field("timeScale", scale);
    w.EndObject();
  }};
}

StatusOr<int64_t> AdvanceMs(const QueryParams& params) {
  std::vector<std::string_view> values = ValuesOf(params, "seconds");
  if (values.size() != 1) return ocp::InvalidParameter("seconds", "Give exactly one `seconds`.");
  double seconds = 0;
  std::string_view v = values.front();
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !(seconds >= 0) ||
      seconds > kMaxAdvanceSeconds) {
    return ocp::InvalidParameter("seconds", "'" + Excerpt(v) + "' is not a number from 0 to 1e9.");
  }
  return static_cast<int64_t>(seconds * 1000);
}

constexpr std::string_view kParts[] = {"clock", "faults", "journal", "rateLimits", "tasks"};

// The parts `only` names (commas or repeats), or every part without it. `known`: every part,
// the families' (hostTypes, ...) included, each reset alone or with the rest.
StatusOr<std::set<std::string>> ResetParts(const QueryParams& params,
                                           const std::vector<std::string>& known) {
  std::set<std::string> parts;
  for (const auto& [key, value] : params) {
    if (key != "only") {
      return ocp::InvalidParameter(Excerpt(key), "Reset takes only `only`.");
    }
    for (std::string_view rest = value; !rest.empty();) {
      const std::string_view part = rest.substr(0, rest.find(','));
      rest.remove_prefix(std::min(rest.size(), part.size() + 1));
      if (std::find(known.begin(), known.end(), part) == known.end()) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return ocp::InvalidParameter("only", "'" + Excerpt(part) + "' is not one of " + list + ".");
      }
      parts.emplace(part);
    }
  }
  if (parts.empty()) parts.insert(known.begin(), known.end());
  return parts;
}

}  // namespace

std::vector<std::string> ControlHandlers::Parts() const {
  std::vector<std::string> known(std::begin(kParts), std::end(kParts));
  for (const Family* f : state_.families) known.emplace_back(f->Name());
  std::sort(known.begin(), known.end());
  return known;
}

StatusOr<Reply> ControlHandlers::Clock() const { return ClockReply(state_.clock); }

StatusOr<Reply> ControlHandlers::AdvanceClock(const QueryParams& params) const {
  auto ms = AdvanceMs(params);
  if (!ms.ok()) return ms.status();
  state_.clock.Advance(ms.value());
  return ClockReply(state_.clock);
}

StatusOr<Reply> ControlHandlers::Reset(const QueryParams& params) const {
  auto parts = ResetParts(params, Parts());
  if (!parts.ok()) return parts.status();
  const std::set<std::string>& reset = parts.value();
  if (reset.count("clock") != 0) state_.clock.Reset();
  if (reset.count("tasks") != 0) {
    state_.store.Reset();
    state_.entities.Reset();
  }
  if (reset.count("journal") != 0) state_.journal.Clear();
  if (reset.count("rateLimits") != 0) state_.throttle.Reset();
  if (reset.count("faults") != 0) state_.faults.Reset();
  for (const Family* f : state_.families) {
    if (reset.count(std::string(f->Name())) != 0) f->Reset();
  }
  return Reply{[reset, tasks = state_.store.size()](json::JsonWriter& w) {
    w.StartObject();
    w.Array("reset", reset);
    w.Field("tasks", tasks);
    w.EndObject();
  }};
}

}  // namespace mock::api
