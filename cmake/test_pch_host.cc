// The target that builds the test binaries' shared precompiled header (MockHelpers.cmake,
// mock_test_pch_host): it needs a source file of its own, and runs nothing.
int main() { return 0; }
