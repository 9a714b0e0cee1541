// What the topology family's tests share: the bundled cluster they read most, and one member of
// each item of an answer's data.contents.
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace mock::families::topology_test {

// Cluster 2 of the bundled fixtures: obcluster-prod-hz, zone1, hosts 4 to 7 (6 OFFLINE).
inline const std::string kC2 = "/api/v2/ob/clusters/2";

// Member `key` of each item of `d`'s data.contents.
template <typename T>
std::vector<T> Each(const rapidjson::Document& d, const char* key) {
  std::vector<T> out;
  for (const auto& item : d["data"]["contents"].GetArray()) out.push_back(item[key].Get<T>());
  return out;
}

}  // namespace mock::families::topology_test
