// The documented samples of one OCP page, by file name under contract_tests/samples/, for
// Operation::samples (operation.h): one file per version whose page gives the sample
// (contract_tests/samples/README.md says which those are).
//
//   SampleFiles("query-clusters")            // query-clusters-3.1.1.json ... -4.2.2.json
//   SampleFiles("task-detail", {"4.2.2"})    // task-detail-4.2.2.json
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace mock::api {

inline std::vector<std::string> SampleFiles(std::string_view page,
                                            std::initializer_list<std::string_view> versions) {
  std::vector<std::string> files;
  for (std::string_view v : versions)
    files.push_back(std::string(page) + "-" + std::string(v) + ".json");
  return files;
}

// Every version the mock plays: the clusters', tenants', hosts', host types' and OceanBase
// clusters' pages have a sample file in each.
inline std::vector<std::string> SampleFiles(std::string_view page) {
  return SampleFiles(page, {"3.1.1", "4.0.0", "4.0.3", "4.2.0", "4.2.1", "4.2.2"});
}

}  // namespace mock::api
