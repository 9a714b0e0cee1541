// What every samples test reads: a version's schema set (its profile's folders: the version's
// own schemas before the shared ones), loaded once per test binary, and a documented sample's
// text from contract_tests/samples/ (contract_tests/samples/README.md names each one's source).
//
//   const json::SchemaSet& s = testdata::VersionSchemas("4.2.1");
//   std::string body = testdata::SampleText("query-alarms", "4.2.1");  // query-alarms-4.2.1.json
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>

#include "mock/json/json.h"
#include "mock/json/schema_set.h"
#include "mock/testing/test_paths.h"
#include "mock/versions/profile.h"

namespace mock::testdata {

inline const json::SchemaSet& VersionSchemas(const std::string& version) {
  static std::mutex mutex;
  static std::map<std::string, json::SchemaSet> loaded;
  std::lock_guard lock(mutex);
  auto found = loaded.find(version);
  if (found != loaded.end()) return found->second;
  auto p = versions::LoadProfile(SchemasDir(), version).value();
  return loaded.emplace(version, json::SchemaSet::Load(p.schema_dirs).value()).first->second;
}

// The text of NAME-VERSION.json; "" after a test failure naming the file when it cannot be read.
inline std::string SampleText(const std::string& name, const std::string& version) {
  auto text = json::ReadFile(SamplesDir() / (name + "-" + version + ".json"));
  if (!text.ok()) ADD_FAILURE() << text.status().message();
  return text.ok() ? text.value() : "";
}

}  // namespace mock::testdata
