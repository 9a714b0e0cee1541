# Warnings and sanitizers are carried by INTERFACE targets, never by global flags.
add_library(mock_warnings INTERFACE)
target_compile_options(mock_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${MOCK_WERROR}>:-Werror>)

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

# mock_library(NAME SRCS ... DEPS ...): a static library of one folder.
function(mock_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  target_compile_features(${name} PUBLIC cxx_std_20)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE mock_warnings mock_sanitize)
  target_link_libraries(${name} INTERFACE mock_sanitize)
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
  gtest_discover_tests(${name} WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" DISCOVERY_TIMEOUT 30
    NO_PRETTY_VALUES)
endfunction()
