// The target that builds the libraries' shared precompiled header (MockHelpers.cmake,
// mock_lib_pch_host): it needs a source file of its own, and holds nothing.
namespace mock::pch {}
