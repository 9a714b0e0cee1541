#!/usr/bin/env bash
# The example clients under examples/ run unchanged through `prism proxy --errors` in front of
# ocp-mock (docs/openapi.md, "A validation proxy: Prism"). Each example starts "the ocp-mock
# binary" itself and reads its ready line; it is handed tools/npm/ocp-mock-via-prism instead,
# which starts the real one with Prism in front and prints Prism's address in that line. With
# --errors, Prism answers a request that breaks the document itself (422) and replaces an answer
# that breaks it (500), so an example passes only if both directions hold; and every example's
# Prism log must hold no violation of severity error and no such refusal (a client that tolerates
# failures, as wait_task's polling does, could otherwise hide one).
#   contract_tests/prism_examples_test.sh OCP_MOCK_BINARY SOURCE_DIR EXAMPLE_TASK_CLIENT_TEST
# Needs the npm test tools (tools/npm/README.md) and python3: without them it exits 77 (skipped).
# shellcheck disable=SC2154,SC2016  # work: openapi_tools_lib.sh's; $OCP_URL: the command's
set -uo pipefail
export OCP_MOCK_REAL="$1"
src="$2"
cpp_client="$3"
name="prism examples test"
# shellcheck source=contract_tests/openapi_tools_lib.sh
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
command -v python3 >/dev/null 2>&1 || skip "python3 is not on PATH"
command -v curl >/dev/null 2>&1 || skip "curl is not on PATH"
via="$src/tools/npm/ocp-mock-via-prism"
# A violation of severity error, and (--errors) a request Prism refused or an answer it replaced
# (its own errors, https://stoplight.io/prism/errors#...; an upstream's dropped connection, which
# the examples ask for with a fault, is not one).
refusals='error +(Violation:|Request terminated with error: https://stoplight.io/prism/errors#)'
failures=0
bad() { echo "$name: FAIL [$1] ${*:2}" >&2; failures=$((failures + 1)); }

# run NAME [PRISM FLAGS...] -- COMMAND...: COMMAND with the examples' mock behind Prism --errors,
# its Prism log in $work/NAME.log; sets rc and prints NAME's time and Prism's verdicts.
run() {
  local example="$1" flags=(--errors) began
  shift
  while [ "$1" != "--" ]; do flags+=("$1"); shift; done
  shift
  began="$(date +%s%N)"
  PRISM_PROXY_FLAGS="${flags[*]} --log $work/$example.log" "$@" >"$work/$example.out" 2>&1
  rc=$?
  errors="$(grep -cE "$refusals" "$work/$example.log" 2>/dev/null)"
  warnings="$(grep -c 'warning *Violation:' "$work/$example.log" 2>/dev/null)"
  printf '%s: exit %s in %s s; Prism: %s forwarded, %s violations, %s warnings\n' "$example" "$rc" \
    "$(awk -v ns="$(($(date +%s%N) - began))" 'BEGIN { printf "%.1f", ns / 1e9 }')" \
    "$(grep 'Forwarding "' "$work/$example.log" 2>/dev/null | grep -vc 'prism-proxy=flush')" \
    "${errors:-0}" "${warnings:-0}"
}

# Must pass, with no violation.
passes() {
  local example="$1"
  run "$@"
  if [ "$rc" -ne 0 ]; then
    bad "$example" "exit $rc through Prism: $(tail -5 "$work/$example.out")"
  elif [ "${errors:-0}" -ne 0 ]; then
    bad "$example" "passed, but Prism saw: $(grep -E "$refusals" "$work/$example.log")"
  fi
}

for example in wait_task tenant_flow awr_flow; do
  passes "python_$example" -- python3 "$src/examples/python/$example.py" "$via"
done
passes cpp_client -- env OCP_MOCK="$via" "$cpp_client" --gtest_brief=1
# The CI recipe (docs/ci.md): a client command against $OCP_URL, and a failing one whose journal
# is fetched, through Prism too, and kept.
mkdir "$work/ci"
passes ci_recipe -- env OCP_MOCK="$via" "$src/examples/ci/with-ocp-mock.sh" --artifacts \
  "$work/ci/pass" -- sh -c 'curl -sf -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances?size=1" |
    grep -q "\"successful\":true"'
run ci_recipe_failing -- env OCP_MOCK="$via" "$src/examples/ci/with-ocp-mock.sh" --artifacts \
  "$work/ci/fail" -- sh -c 'curl -s -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances/424242"
    exit 3'
[ "$rc" -eq 3 ] || bad ci_recipe_failing "the command's status 3 came back as $rc"
grep -q '/api/v2/tasks/instances/424242' "$work/ci/fail/journal.json" 2>/dev/null \
  || bad ci_recipe_failing "the journal fetched through Prism lacks the request"
[ "${errors:-0}" -eq 0 ] || bad ci_recipe_failing "$(grep -E "$refusals" "$work/ci_recipe_failing.log")"

# The terraform provider's flow departs from OCP's docs on purpose (--quirks zone-rpm-name: it
# sends rpmName in the zones, not at the top where the docs require it): Prism, with the default
# document (its objects open for client-ids' fields), refuses exactly that request.
run python_terraform_flow --open -- python3 "$src/examples/python/terraform_flow.py" "$via"
if [ "$rc" -eq 0 ] || ! grep -q "required property.*rpmName" "$work/python_terraform_flow.out"; then
  bad python_terraform_flow "not refused for the top-level rpmName: $(tail -3 "$work/python_terraform_flow.out")"
elif [ "$errors" -ne 1 ]; then
  bad python_terraform_flow "other violations: $(grep -E "$refusals" "$work/python_terraform_flow.log")"
fi
echo "not run through Prism: mcp_awr_flow.py, mcp_topology_flow.py, mcp_diagnosis_flow.py (AK/SK signs the Host" \
  "header, which Prism replaces with the upstream's), takeover_flow.py (its package upload, a" \
  "file part without a Content-Type as Python's requests writes it, kills Prism 5.14.2:" \
  "prism#2672)"

[ "$failures" -eq 0 ] || fail "$failures failed"
echo "$name: pass in $(elapsed) s"
