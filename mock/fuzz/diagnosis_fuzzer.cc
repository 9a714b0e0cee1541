// libFuzzer target: the parsers of issue 28's pages through the whole API pipeline, over the
// bundled clusters and tenants on a frozen clock: the first byte picks the request, the rest is
// its body, query string or path segment:
//  - the steering bodies: POST /__mock/alarms, /__mock/metricOverrides, /__mock/slowSql;
//  - the query strings of the metric series (times, metrics, labels, steps), the alarm list
//    (filters, times), a tenant's top and slow SQL (filterExpression, search ops, limits) and
//    the inspection pages (POST /inspection/run takes its parameters in the query);
//  - a statement's id and a plan's uid as raw path segments.
// Every answer must be a well-formed envelope: never a crash or a 500. A steering input ends
// with a reset of its family, so inputs do not depend on each other.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "mock/api/test_bundled_api.h"
#include "mock/json/json.h"

namespace {

using mock::families::testing::BundledApi;

void Send(const BundledApi& w, const std::string& method, const std::string& target,
          std::string body) {
  auto request = mock::http::MakeRequest(method, target, {}, std::move(body));
  if (!request.ok()) return;
  mock::http::Response r = w.api.Handle(request.value());
  if (r.status >= 500) std::abort();
  if (auto doc = mock::json::ParseJson(r.body); !doc.ok() || !doc.value().IsObject()) std::abort();
}

constexpr char kTenant[] = "/api/v2/ob/clusters/1/tenants/171";  // trade, MySQL
constexpr char kRange[] = "startTime=2026-12-05T07:00:00Z&endTime=2026-12-05T08:00:00Z";

}  // namespace

// Built before the first input, so that what it keeps for the run is not blamed on one. The
// journal keeps nothing: what it kept would look to LeakSanitizer like a leak per input.
static const BundledApi* world_ptr = nullptr;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const BundledApi built("4.2.2", std::nullopt, {}, mock::testdata::FixturesDir(), 0);
  world_ptr = &built;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const BundledApi& w = *world_ptr;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string tenant = kTenant;
  const auto steer = [&](const char* path, const char* family) {
    Send(w, "POST", path, rest);
    Send(w, "POST", std::string("/__mock/reset?only=") + family, "");
  };
  switch (data[0] % 11) {
    case 0:
      steer("/__mock/alarms", "alarms");
      break;
    case 1:
      steer("/__mock/metricOverrides", "metricGroups");
      break;
    case 2:
      steer("/__mock/slowSql", "sqlStatements");
      break;
    case 3:
      Send(w, "GET", "/api/v2/monitor/metricsWithLabel?" + rest, "");
      break;
    case 4:
      Send(w, "GET", "/api/v2/monitor/metricGroups?" + rest, "");
      break;
    case 5:
      Send(w, "GET", "/api/v2/alarm/alarms?" + rest, "");
      break;
    case 6:
      Send(w, "GET", tenant + "/slowSql?" + rest, "");
      break;
    case 7:
      Send(w, "GET", tenant + "/topSql?" + rest, "");
      break;
    case 8:
      Send(w, "POST", "/api/v2/inspection/run?" + rest, "");
      Send(w, "POST", "/__mock/reset?only=inspectionItems", "");
      break;
    case 9:
      Send(w, "GET", "/api/v2/inspection/overview?" + rest, "");
      break;
    default:
      Send(w, "GET", tenant + "/sqls/" + rest + "/text?" + kRange, "");
      Send(w, "GET", tenant + "/plans/" + rest + "/explain?" + kRange, "");
      break;
  }
  return 0;
}
