// The mock's own control endpoints under /__mock/ (not OCP's): reset the tasks to the fixtures,
// read the mock clock, and move it forward so that tests never sleep.
#include <charconv>

#include "mock/api/api.h"

namespace mock::api {
namespace {

constexpr double kMaxAdvanceSeconds = 1e9;

void WriteClock(JsonWriter& w, const tasks::MockClock& clock) {
  const int64_t now = clock.NowMs();
  w.StartObject();
  w.Key("epochMillis");
  w.Int64(now);
  w.Key("now");
  w.String(std::string(model::MakeTimestamp(now).text()));
  w.Key("timeScale");
  w.Double(clock.scale());
  w.EndObject();
}

Result<int64_t> AdvanceMs(const QueryParams& params) {
  std::vector<std::string_view> values = ValuesOf(params, "seconds");
  if (values.size() != 1) return InvalidParameter("seconds", "Give exactly one `seconds`.");
  double seconds = 0;
  std::string_view v = values.front();
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !(seconds >= 0) ||
      seconds > kMaxAdvanceSeconds) {
    return InvalidParameter("seconds", "'" + Excerpt(v) + "' is not a number from 0 to 1e9.");
  }
  return static_cast<int64_t>(seconds * 1000);
}

}  // namespace

http::Response Api::Control(const http::Request& request, const http::Target& target,
                            const RequestContext& context) const {
  const std::string& path = target.path;
  auto only = [&](const char* method) -> std::optional<http::Response> {
    if (request.method == method) return std::nullopt;
    http::Response r = Failure(
        envelope_, context,
        Error{ErrorKind::kMethodNotAllowed, "", std::string("Allowed: ") + method + ".", {}});
    r.headers.emplace_back("Allow", method);
    return r;
  };
  if (path == "/__mock/clock") {
    if (auto refused = only("GET")) return *refused;
    return Success(envelope_, context, [&](JsonWriter& w) { WriteClock(w, clock_); });
  }
  if (path == "/__mock/clock/advance") {
    if (auto refused = only("POST")) return *refused;
    auto ms = AdvanceMs(target.query);
    if (!ms.ok()) return Failure(envelope_, context, ms.error());
    clock_.Advance(ms.value());
    return Success(envelope_, context, [&](JsonWriter& w) { WriteClock(w, clock_); });
  }
  if (path == "/__mock/reset") {
    if (auto refused = only("POST")) return *refused;
    store_.Reset();
    return Success(envelope_, context, [&](JsonWriter& w) {
      w.StartObject();
      w.Key("tasks");
      w.Uint64(store_.size());
      w.EndObject();
    });
  }
  return Failure(envelope_, context,
                 Error{ErrorKind::kNotFound, "no API at " + Excerpt(path), "", {}});
}

}  // namespace mock::api
