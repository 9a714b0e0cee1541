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
while IFS= read -r include; do
  name="$(basename "$include")"
  name="${name%%\[*}"
  [ -n "${given[$name]:-}" ] ||
    fail "$name is a GoogleTest binary ctest runs but is not checked: add it to readable_names in contract_tests/CMakeLists.txt"
done < <(find "$build" -name '*\[*\]_include.cmake')

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
