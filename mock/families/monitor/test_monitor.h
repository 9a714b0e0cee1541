// What the monitor family's tests share: the bundled fixtures served at a fixed instant, and the
// parts of an answer they compare.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include <rapidjson/document.h>

#include "mock/api/test_bundled_api.h"
#include "mock/json/json.h"

namespace mock::families::monitor_test {

// 2036-12-05T12:00:00Z: the instant the tests' mock clock shows (BundledApi's frozen clock
// starts at the wall clock's now, which must be earlier).
inline constexpr int64_t kNoon = 2'112'091'200;
inline const std::string kSeries = "/api/v2/monitor/metricsWithLabel";
inline const std::string kGroups = "/api/v2/monitor/metricGroups";

// An Api over the bundled fixtures at kNoon.
inline std::unique_ptr<testing::BundledApi> AtNoon(const std::string& version = "4.2.2") {
  auto h = std::make_unique<testing::BundledApi>(version);
  h->clock.Advance(kNoon * 1000 - h->clock.NowMs());
  return h;
}

// The answer's data, byte for byte: what comes before the envelope's timing fields.
inline std::string DataOf(const http::Response& r) {
  return r.body.substr(0, r.body.find(",\"duration\""));
}

// The error's code as text ("COM10001", "1010") and its message.
inline std::pair<std::string, std::string> ErrorOf(const http::Response& r) {
  auto doc = json::ParseJson(r.body).value();
  const rapidjson::Value& code = doc["error"]["code"];
  return {code.IsString() ? code.GetString() : std::to_string(code.GetInt64()),
          doc["error"]["message"].GetString()};
}

// `kSeries` with `query` (already encoded).
inline std::string SeriesOf(const std::string& query) { return kSeries + "?" + query; }

}  // namespace mock::families::monitor_test
