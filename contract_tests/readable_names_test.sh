#!/usr/bin/env bash
# Every parameterised test prints its parameter readably where GoogleTest prints it (test lists,
# failures): a parameter type without a PrintTo prints as its bytes ("144-byte object <20-1F
# ...>") and a C string as its address ("0x55d0... pointing to"), which tell a reader nothing
# (issue #24, finding 6). The fix is a PrintTo(const T&, std::ostream*) beside the type.
# BUILD_DIR: every binary gtest_discover_tests registered there must be among the BINARYs, so
# that a new test binary is not left unchecked.
#   contract_tests/readable_names_test.sh BUILD_DIR BINARY...
set -uo pipefail
build="$1"
shift
fail() { echo "readable names: $*" >&2; exit 1; }

# The tests whose parameter prints unreadably, as SUITE.TEST, from --gtest_list_tests on stdin.
unreadable() {
  awk '/^[^ ]/ { suite = $1; next }
       /# GetParam\(\) = .*(-byte object <|0x[0-9a-f]+ pointing to )/ { print suite $1 }'
}

# The detector itself, on this GoogleTest's own format: a check that finds nothing proves nothing.
sample=$'ListTasks/ErrorCases.\n  AnswerWithAnErrorEnvelope/UnknownStatus  # GetParam() = 144-byte object <20-1F 11-0C>\n  AnswerWithAnErrorEnvelope/Fine  # GetParam() = GET /x -> 400\nCases/JournalBadInput.\n  IsA400/0  # GetParam() = (0x55809687818f pointing to "/x", 0x5580968775a8 pointing to "y")'
[ "$(unreadable <<<"$sample")" = $'ListTasks/ErrorCases.AnswerWithAnErrorEnvelope/UnknownStatus\nCases/JournalBadInput.IsA400/0' ] ||
  fail "the detector misses raw-bytes or address parameters"

declare -A given=()
for binary in "$@"; do given["$(basename "$binary")"]=1; done
# The GoogleTest binaries ctest runs: those gtest_discover_tests registered, and those run once
# as a whole (mock_gtest_entry, cmake/MockHelpers.cmake: labelled unit, tools or contract_each).
registered() {
  find "$build" -name '*\[*\]_include.cmake' -exec basename {} \; | sed 's/\[.*//'
  (cd "$build" && ctest --show-only=json-v1) | python3 -c '
import json, os, sys
for t in json.load(sys.stdin)["tests"]:
    labels = next((p["value"] for p in t.get("properties", []) if p["name"] == "LABELS"), [])
    if {"unit", "tools", "contract_each"} & set(labels) and t.get("command"):
        print(os.path.basename(t["command"][0]))'
}
checked=0
while IFS= read -r name; do
  [ -n "$name" ] || continue
  checked=$((checked + 1))
  [ -n "${given[$name]:-}" ] ||
    fail "$name is a GoogleTest binary ctest runs but is not checked: add it to readable_names in contract_tests/CMakeLists.txt"
done < <(registered | sort -u)
[ "$checked" -gt 0 ] || fail "found no GoogleTest binary registered in $build"

bad=0
params=0
for binary in "$@"; do
  list="$("$binary" --gtest_list_tests 2>&1)" || fail "$binary --gtest_list_tests failed: $list"
  params=$((params + $(grep -c '# GetParam() = ' <<<"$list")))
  while IFS= read -r test; do
    [ -n "$test" ] || continue
    echo "readable names: $(basename "$binary"): $test prints its parameter as raw bytes or an address; define PrintTo(const T&, std::ostream*) beside its type" >&2
    bad=1
  done < <(unreadable <<<"$list")
done
[ "$bad" -eq 0 ] || exit 1
echo "readable names: $# binaries, $params parameterised tests, every parameter printed readably"
