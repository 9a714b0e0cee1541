# Finds every third-party dependency, as Debian ships it, and wraps each in a target.
find_package(PkgConfig REQUIRED)
pkg_check_modules(Pistache REQUIRED IMPORTED_TARGET libpistache)

# Valijson is header-only. tools/ unpacks Debian's libvalijson-dev into .deps/ rather than
# installing it, because the package depends on Qt, Poco, yaml-cpp and others that we never use.
find_package(valijson CONFIG REQUIRED
  HINTS "${CMAKE_CURRENT_SOURCE_DIR}/.deps/valijson/usr/share/cmake/valijson")

find_package(RapidJSON QUIET)
find_path(MOCK_RAPIDJSON_INCLUDE_DIR rapidjson/document.h HINTS ${RAPIDJSON_INCLUDE_DIRS} REQUIRED)
add_library(mock_rapidjson INTERFACE)
target_include_directories(mock_rapidjson SYSTEM INTERFACE "${MOCK_RAPIDJSON_INCLUDE_DIR}")
# mock/json/rapidjson_config.h makes RapidJSON's assertions throw instead of abort. Test code
# (MOCK_TEST_PCH, MockHelpers.cmake) has it first in its precompiled header instead.
target_compile_options(mock_rapidjson INTERFACE
  "$<$<NOT:$<BOOL:$<TARGET_PROPERTY:MOCK_TEST_PCH>>>:SHELL:-include ${CMAKE_CURRENT_SOURCE_DIR}/mock/json/rapidjson_config.h>")

find_path(MOCK_CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
add_library(mock_cli11 INTERFACE)
target_include_directories(mock_cli11 SYSTEM INTERFACE "${MOCK_CLI11_INCLUDE_DIR}")

find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)  # the tools' HTTP client
if(MOCK_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
