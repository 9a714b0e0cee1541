#!/usr/bin/env bash
# The newest version's contract suite through Prism's validation proxy (docs/openapi.md, "A
# validation proxy: Prism"): OCP_PROXY_COMMAND=tools/npm/prism-proxy, so that every request the
# suite sends, and every answer the mock gives, is checked against the mock's strict document
# by a validator we did not write, and classified as contract_tests/support/proxy_check.h says.
# Passes when the suite passes (a violation fails the test that fetched it) and its totals say 0
# violations of both kinds over at least 1,000 answers.
#   contract_tests/prism_contract_suite_test.sh CONTRACT_TESTS_BINARY SOURCE_DIR
# Needs the npm test tools (tools/npm/README.md): without them it exits 77 (ctest: skipped).
# shellcheck disable=SC2154  # work: openapi_tools_lib.sh's
set -uo pipefail
suite="$1"
src="$2"
name="prism contract suite"
# shellcheck source=contract_tests/openapi_tools_lib.sh
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
command -v curl >/dev/null 2>&1 || skip "curl is not on PATH"

# Left out, each for a reason of its own (docs/openapi.md lists them):
#  - tests that start an ocp-mock of their own (not behind the proxy) and are slow, and live mode:
#    Binary, Startup, Signals, Readme, LiveMode*, the fault timings;
#  - tests of the mock's own HTTP layer on raw sockets, which meet Prism's HTTP server instead:
#    RawHttp, Hostile, Malformed (one of them, a path with invalid UTF-8, also kills Prism);
#  - AK/SK: the signature covers the Host header, which Prism replaces with the upstream's;
#  - malformed escapes in a query: Prism decodes and re-encodes the query before forwarding it.
excluded="Binary.*:Startup.*:Signals/*:Readme.*:LiveMode*:FaultsTest.ADelay*:FaultsTest.ADrip*"
excluded="$excluded:RawHttp.*:Hostile/*:Malformed/*"
excluded="$excluded:MockUsers.AkSk*:Compat/CheckLibrary.Holds/ak_sk"
for escape in InvalidUtf8 MalformedEscape TruncatedEscape; do
  excluded="$excluded:ListTasks/ErrorCases.AnswerWithAnErrorEnvelope/$escape"
done

OCP_PROXY_COMMAND="$src/tools/npm/prism-proxy --log $work/prism.log" \
  "$suite" --gtest_brief=1 "--gtest_filter=-$excluded" >"$work/suite.log" 2>&1
status=$?
totals="$(grep '^validation proxy' "$work/suite.log" | head -1)"
if [ "$status" -ne 0 ] || [ -z "$totals" ]; then
  cat "$work/suite.log" >&2
  fail "the suite through Prism failed (exit $status); Prism's log ends:$(echo; tail -20 "$work/prism.log")"
fi
checked="$(sed -n 's/.*: \([0-9]*\) responses checked.*/\1/p' <<<"$totals")"
case "$totals" in
  *" 0 response violations, 0 request violations on accepted requests"*) ;;
  *) fail "violations in the totals: $totals" ;;
esac
[ "${checked:-0}" -ge 1000 ] || fail "only ${checked:-0} answers went through the proxy: $totals"
grep '^validation proxy' "$work/suite.log"
echo "$name: pass in $(elapsed) s ($(grep -o '[0-9]* tests from [0-9]* test suites ran' \
  "$work/suite.log"))"
