// Paths to the project's data for tests: the bundled schemas, fixtures and documented samples.
#pragma once

#include <filesystem>

namespace mock::testdata {

inline std::filesystem::path SourceDir() { return OCPMOCK_SOURCE_DIR; }
inline std::filesystem::path SchemasDir() { return SourceDir() / "schemas"; }
inline std::filesystem::path FixturesDir() { return SourceDir() / "fixtures"; }
inline std::filesystem::path SamplesDir() { return SourceDir() / "contract_tests" / "samples"; }

}  // namespace mock::testdata
