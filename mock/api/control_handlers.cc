#include "mock/api/control_handlers.h"

#include <charconv>

#include "mock/model/timestamp.h"
#include "mock/ocp/error_kinds.h"

namespace mock::api {
namespace {

constexpr double kMaxAdvanceSeconds = 1e9;

Reply ClockReply(const tasks::MockClock& clock) {
  return Reply{[now = clock.NowMs(), scale = clock.scale()](json::JsonWriter& w) {
    w.StartObject();
    w.Key("epochMillis");
    w.Int64(now);
    w.Key("now");
    w.String(std::string(model::MakeTimestamp(now).text()));
    w.Key("timeScale");
    w.Double(scale);
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

}  // namespace

StatusOr<Reply> ControlHandlers::Clock() const { return ClockReply(clock_); }

StatusOr<Reply> ControlHandlers::AdvanceClock(const QueryParams& params) const {
  auto ms = AdvanceMs(params);
  if (!ms.ok()) return ms.status();
  clock_.Advance(ms.value());
  return ClockReply(clock_);
}

StatusOr<Reply> ControlHandlers::Reset() const {
  store_.Reset();
  return Reply{[tasks = store_.size()](json::JsonWriter& w) {
    w.StartObject();
    w.Key("tasks");
    w.Uint64(tasks);
    w.EndObject();
  }};
}

}  // namespace mock::api
