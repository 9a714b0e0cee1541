// Paths to the project's data for tests: the bundled schemas, fixtures and documented samples.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <utility>

#include "mock/json/schema_set.h"

namespace mock::testdata {

inline std::filesystem::path SourceDir() { return OCPMOCK_SOURCE_DIR; }
inline std::filesystem::path SchemasDir() { return SourceDir() / "schemas"; }
inline std::filesystem::path FixturesDir() { return SourceDir() / "fixtures"; }
inline std::filesystem::path SamplesDir() { return SourceDir() / "contract_tests" / "samples"; }

// The bundled schemas, loaded once per test binary.
inline const json::SchemaSet& BundledSchemas() {
  static const json::SchemaSet schemas = [] {
    auto s = json::SchemaSet::Load(SchemasDir());
    if (!s.ok()) throw std::runtime_error(s.status().message());
    return std::move(s).value();
  }();
  return schemas;
}

}  // namespace mock::testdata
