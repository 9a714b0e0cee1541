// libFuzzer target: the configuration pages of issue 27 through the whole API pipeline, over the
// bundled clusters and tenants, as a client or a test would reach them. The first byte picks the
// request, the rest is its body, query or path segment:
//  - a PUT of cluster or tenant parameters (the body's items, their names, types and values:
//    mock/families/parameters/parameter_value.h);
//  - a runtime parameter definition or tenant-object row (PUT /__mock/parameters/{id},
//    PUT /__mock/tenantObjects/{id}), which the next requests then read;
//  - a text path segment: a user, a role or a zone named by the input, raw;
//  - after a change, the list it changed, then a reset of that family, so inputs do not depend
//    on each other.
// Every answer must be a well-formed envelope: never a crash or a 500.
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

constexpr char kCluster[] = "/api/v2/ob/clusters/1";
constexpr char kMySql[] = "/api/v2/ob/clusters/1/tenants/171";   // trade, MySQL
constexpr char kOracle[] = "/api/v2/ob/clusters/1/tenants/169";  // zhiqiong, Oracle

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
  const std::string id = std::to_string(data[0] / 9 % 4 + 1);
  const std::string cluster = std::string(kCluster) + "/parameters";
  const std::string mysql = std::string(kMySql) + "/parameters";
  const std::string oracle = std::string(kOracle) + "/parameters";
  // A change, read back as a client would, then undone: inputs do not depend on each other.
  const auto change = [&](const std::string& target, const std::string& then, const char* family) {
    Send(w, "PUT", target, rest);
    Send(w, "GET", then, "");
    Send(w, "POST", std::string("/__mock/reset?only=") + family, "");
  };
  switch (data[0] % 9) {
    case 0:
      change(cluster, cluster, "parameters");
      break;
    case 1:
      change(mysql, mysql, "parameters");
      break;
    case 2:
      change(oracle, oracle, "parameters");
      break;
    case 3:
      change("/__mock/parameters/" + id, mysql, "parameters");
      break;
    case 4:
      change("/__mock/tenantObjects/" + id, std::string(kMySql) + "/users", "tenantObjects");
      break;
    case 5:
      Send(w, "GET", std::string(kMySql) + "/users/" + rest, "");
      break;
    case 6:
      Send(w, "GET", std::string(kOracle) + "/roles/" + rest, "");
      break;
    case 7:
      Send(w, "GET", std::string(kCluster) + "/zones/" + rest + "/servers", "");
      break;
    default:
      Send(w, "GET", std::string(kMySql) + "/users/" + rest + "?hostName=" + rest, "");
      break;
  }
  return 0;
}
