# Warnings and sanitizers are carried by INTERFACE targets, never by global flags.
add_library(mock_warnings INTERFACE)
target_compile_options(mock_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${MOCK_WERROR}>:-Werror>
  # Clang (the sanitizer builds) flags RapidJSON 1.1.0's member iterators' comparisons in C++20,
  # a fault of the library's operators (fixed upstream after 1.1.0), at each use in our code.
  $<$<CXX_COMPILER_ID:Clang>:-Wno-ambiguous-reversed-operator>
  # GCC 12 at -O2 reports std::string's own inlined copies as out of bounds or overflowing (GCC
  # bugs 105329, 105651: `std::string(a) + "b"` in eight files once the libraries' precompiled
  # header changed what GCC inlines). These three flow-based warnings are off for GCC only;
  # every test also runs under clang's ASan, which finds the real ones when they happen.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread>
  # In a unity build a source file is an included one, so GCC takes a class its .cc defines
  # around an anonymous-namespace type for a header's and warns of its linkage (fast_schemas.cc,
  # breaking_proxy.cc): nothing is shared between files there.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-subobject-linkage>
  # Clang checks the locking the stores declare (mock/core/thread_annotations.h): a guarded
  # member used without its lock, or a store method called with its own lock held, is an error
  # in the clang builds (tools/test --full's sanitizer stages build with MOCK_WERROR).
  $<$<CXX_COMPILER_ID:Clang>:-Wthread-safety>)

add_library(mock_sanitize INTERFACE)
if(MOCK_SANITIZE)
  target_compile_options(mock_sanitize INTERFACE -fsanitize=${MOCK_SANITIZE} -fno-omit-frame-pointer
    -fno-sanitize-recover=all)
  target_link_options(mock_sanitize INTERFACE -fsanitize=${MOCK_SANITIZE})
  # Function multiversioning resolves through ifuncs before the sanitizer runtime starts, which
  # crashes ThreadSanitizer builds at load (mock/query/bitset.cc).
  target_compile_definitions(mock_sanitize INTERFACE MOCK_NO_TARGET_CLONES)
  if(MOCK_SANITIZE_IGNORELIST)
    target_compile_options(mock_sanitize INTERFACE -fsanitize-ignorelist=${MOCK_SANITIZE_IGNORELIST})
  endif()
  if(MOCK_FUZZ)  # coverage left out of third-party code: mock/fuzz/coverage-ignorelist.txt
    # Clang lists no coverage ignorelist among a file's dependencies: the copy is named by its
    # content, so that an edit changes the flag and rebuilds what it instruments.
    set(cov_list "${PROJECT_SOURCE_DIR}/mock/fuzz/coverage-ignorelist.txt")
    file(MD5 "${cov_list}" cov_md5)
    configure_file("${cov_list}" "${CMAKE_BINARY_DIR}/coverage-ignorelist-${cov_md5}.txt" COPYONLY)
    target_compile_options(mock_sanitize INTERFACE
      -fsanitize-coverage-ignorelist=${CMAKE_BINARY_DIR}/coverage-ignorelist-${cov_md5}.txt)
  endif()
endif()

# mock_data_dir(TARGET): TARGET finds the bundled fixtures and schemas relative to its own
# executable (mock/core/data_dir.h): installed, in ../share/ocpmock; in a build tree, in the
# source tree, by the relative path from the target's folder. No absolute path is compiled in.
function(mock_data_dir target)
  file(RELATIVE_PATH rel "${CMAKE_CURRENT_BINARY_DIR}" "${PROJECT_SOURCE_DIR}")
  if(rel STREQUAL "")
    set(rel ".")
  endif()
  target_compile_definitions(${target} PRIVATE OCPMOCK_SOURCE_FROM_BINARY="${rel}")
endfunction()

# The libraries' code shares one precompiled header too: RapidJSON and the standard library were
# about half of each file's compile (a family file: 2.2 s of 4.8 s parsing headers at -O2), and
# the build is most of tools/test's 8-minute budget. It keeps the build's own optimisation. As
# for the tests' (below), the configuration mock_rapidjson force-includes comes first in it
# (MOCK_TEST_PCH), and it is built with no definition its users lack.
function(mock_lib_pch_host)
  add_library(mock_lib_pch STATIC "${PROJECT_SOURCE_DIR}/cmake/lib_pch_host.cc")
  target_compile_features(mock_lib_pch PRIVATE cxx_std_20)
  target_link_libraries(mock_lib_pch PRIVATE mock_rapidjson mock_warnings mock_sanitize)
  set_target_properties(mock_lib_pch PROPERTIES MOCK_TEST_PCH ON)
  target_precompile_headers(mock_lib_pch PRIVATE
    "${PROJECT_SOURCE_DIR}/mock/json/rapidjson_config.h"
    <rapidjson/document.h> <rapidjson/stringbuffer.h> <rapidjson/writer.h>
    <algorithm> <atomic> <chrono> <cstdint> <filesystem> <functional> <map> <memory> <mutex>
    <optional> <set> <shared_mutex> <string> <string_view> <unordered_map> <utility> <variant>
    <vector>)
endfunction()

# mock_library(NAME SRCS ... DEPS ...): a static library of one folder.
function(mock_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  target_compile_features(${name} PUBLIC cxx_std_20)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE mock_warnings mock_sanitize)
  target_link_libraries(${name} INTERFACE mock_sanitize)
  mock_lib_code(${name})
endfunction()

# mock_lib_code(TARGET): TARGET, a static library of product code, uses the libraries'
# precompiled header (position-independent: GCC refuses it to an executable's -fPIE code).
function(mock_lib_code target)
  set_target_properties(${target} PROPERTIES MOCK_TEST_PCH ON)
  target_precompile_headers(${target} REUSE_FROM mock_lib_pch)
endfunction()

# Test code compiles at -Og (outside Debug, which is -O0 already), with one precompiled header
# shared by every test binary: its compile was about half of tools/test --full's 20-minute budget
# (a test file took 4.5 s at -O2, 1.8 s at -Og with the header). The libraries the tests link
# keep the build's own optimisation: the benchmarks measure them.
#   mock_test_pch: hosts the header (GoogleTest, GoogleMock, RapidJSON, the standard library).
#     It is built with no definition the users lack, or GCC would refuse it (-Winvalid-pch).
#   MOCK_TEST_PCH: a target property; mock_rapidjson's force-included configuration comes
#     through the header instead of -include for these targets, since a precompiled header is
#     unusable after any code (mock/json/rapidjson_config.h declares a function).
add_library(mock_test_flags INTERFACE)
target_compile_options(mock_test_flags INTERFACE $<$<NOT:$<CONFIG:Debug>>:-Og>)

function(mock_test_pch_host)
  add_executable(mock_test_pch "${PROJECT_SOURCE_DIR}/cmake/test_pch_host.cc")
  target_compile_features(mock_test_pch PRIVATE cxx_std_20)
  target_link_libraries(mock_test_pch PRIVATE mock_rapidjson GTest::gmock GTest::gtest
    mock_test_flags mock_warnings mock_sanitize)
  set_target_properties(mock_test_pch PROPERTIES MOCK_TEST_PCH ON)
  target_precompile_headers(mock_test_pch PRIVATE
    "${PROJECT_SOURCE_DIR}/mock/json/rapidjson_config.h"
    <gtest/gtest.h> <gmock/gmock.h>
    <rapidjson/document.h> <rapidjson/stringbuffer.h> <rapidjson/writer.h>
    <algorithm> <atomic> <chrono> <filesystem> <fstream> <functional> <map> <memory> <mutex>
    <optional> <set> <sstream> <string> <string_view> <thread> <vector>)
endfunction()

# mock_test_code(TARGET): TARGET is test code (the flags and the shared header above).
function(mock_test_code target)
  target_link_libraries(${target} PRIVATE mock_test_flags)
  set_target_properties(${target} PROPERTIES MOCK_TEST_PCH ON)
  target_precompile_headers(${target} REUSE_FROM mock_test_pch)
endfunction()

# mock_add_test(NAME SRCS ... DEPS ...): a GoogleTest binary whose TESTs ctest lists one by one.
function(mock_add_test name)
  if(NOT MOCK_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main
    mock_warnings mock_sanitize)
  target_compile_definitions(${name} PRIVATE OCPMOCK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  mock_test_code(${name})
  mock_gtest_entry(${name} unit)
endfunction()

# mock_gtest_entry(BINARY LABEL [gtest flags...]): one ctest entry that runs the GoogleTest
# binary once, labelled LABEL. An entry per TEST (gtest_discover_tests) started the binary anew
# for each of about 1,100 tests: 0.29 s an entry on a clean clone, half of tools/test's ctest
# time and more than its 8-minute budget allows. A failure still names the test and its output
# (ctest --output-on-failure); one test alone: `build/mock/BINARY --gtest_filter=Suite.Name`.
function(mock_gtest_entry name label)
  add_test(NAME ${name} COMMAND ${name} --gtest_brief=1 ${ARGN}
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(${name} PROPERTIES LABELS ${label} TIMEOUT 600)
endfunction()
