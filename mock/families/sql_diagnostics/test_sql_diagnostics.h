// What the SQL diagnostics tests share: the bundled fixtures served at a fixed instant, the
// tenants they read (cluster 1's MySQL `trade`, 171, and Oracle `zhiqiong`, 169) and the parts
// of an answer they compare.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include <rapidjson/document.h>

#include "mock/api/test_bundled_api.h"
#include "mock/json/json.h"

namespace mock::families::sql_test {

// 2036-12-05T12:00:00Z: the instant the tests' mock clock shows.
inline constexpr int64_t kSqlNoon = 2'112'091'200;
inline const std::string kMysqlTenant = "/api/v2/ob/clusters/1/tenants/171";
inline const std::string kOracleTenant = "/api/v2/ob/clusters/1/tenants/169";
// The hour before kSqlNoon, encoded.
inline const std::string kLastHour =
    "startTime=2036-12-05T11%3A00%3A00Z&endTime=2036-12-05T12%3A00%3A00Z";

inline std::unique_ptr<testing::BundledApi> SqlAtNoon(const std::string& version = "4.2.2") {
  auto h = std::make_unique<testing::BundledApi>(version);
  h->clock.Advance(kSqlNoon * 1000 - h->clock.NowMs());
  return h;
}

// `tenant`'s `page` over the last hour, with `more` (already encoded) appended.
inline std::string SqlPage(const std::string& tenant, const std::string& page,
                           const std::string& more = "") {
  return tenant + "/" + page + "?" + kLastHour + (more.empty() ? "" : "&" + more);
}

// The answer's data, byte for byte: what comes before the envelope's timing fields.
inline std::string SqlDataOf(const http::Response& r) {
  return r.body.substr(0, r.body.find(",\"duration\""));
}

// The error's code as text ("COM10001", "1010") and its message.
inline std::pair<std::string, std::string> SqlErrorOf(const http::Response& r) {
  auto doc = json::ParseJson(r.body).value();
  const rapidjson::Value& code = doc["error"]["code"];
  return {code.IsString() ? code.GetString() : std::to_string(code.GetInt64()),
          doc["error"]["message"].GetString()};
}

}  // namespace mock::families::sql_test
