// What the tenant-object tests share (one definition, as the unity build needs): the bundled
// tenants' paths, the names a list holds, a documented sample.
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "mock/json/json.h"
#include "mock/testing/test_paths.h"

namespace mock::families::testing {

// Cluster 2 (obcluster-prod-hz, hosts 4 to 6): tenant 202 trade (MySQL), 203 ORA_FIN (Oracle).
inline const std::string kTradeTenant = "/api/v2/ob/clusters/2/tenants/202";
inline const std::string kFinTenant = "/api/v2/ob/clusters/2/tenants/203";
// Cluster 1 (hosts 1 to 3): tenant 170 sys (MySQL), 169 zhiqiong (Oracle, the docs' samples').
inline const std::string kSysTenant = "/api/v2/ob/clusters/1/tenants/170";
inline const std::string kZhiqiongTenant = "/api/v2/ob/clusters/1/tenants/169";
// Cluster 5: tenant 502 report_ora (Oracle), which no fixture row names.
inline const std::string kReportTenant = "/api/v2/ob/clusters/5/tenants/502";

// The `key` of each object of `contents`.
inline std::vector<std::string> NamesIn(const rapidjson::Value& contents, const char* key) {
  std::vector<std::string> out;
  for (const auto& o : contents.GetArray()) out.emplace_back(o[key].GetString());
  return out;
}

// contract_tests/samples/`file`, parsed.
inline rapidjson::Document SampleDocument(const std::string& file) {
  return json::ParseJson(json::ReadFile(testdata::SamplesDir() / file).value()).value();
}

}  // namespace mock::families::testing
