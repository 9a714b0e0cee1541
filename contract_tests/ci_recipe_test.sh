#!/usr/bin/env bash
# docs/ci.md's shell step (examples/ci/with-ocp-mock.sh) as a CI job runs it: a passing client
# test, a failing one (its status passed on, the journal and log kept), and a mock that cannot
# start.   contract_tests/ci_recipe_test.sh OCP_MOCK_BINARY SOURCE_DIR
set -uo pipefail
export OCP_MOCK="$1"
script="$2/examples/ci/with-ocp-mock.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "ci recipe test: $*" >&2; exit 1; }

"$script" --fixtures "$2/fixtures" -- sh -c \
  'curl -sf -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances?size=1" | grep -q "\"successful\":true"' \
  || fail "a passing client test failed"
[ ! -d ocp-mock-artifacts ] || fail "artifacts kept for a passing run"

"$script" --artifacts out -- --journal-size 50 -- sh -c \
  'curl -s -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances/424242" >/dev/null; exit 3'
[ $? -eq 3 ] || fail "the client's exit status was not passed on"
grep -q '/api/v2/tasks/instances/424242' out/journal.json || fail "the journal lacks the client's request: $(cat out/journal.json)"
grep -q 'listening\|loaded' out/ocp-mock.log || grep -q 'OCP' out/ocp-mock.log || fail "no mock log kept"

OCP_MOCK=/bin/false "$script" -- true
[ $? -eq 2 ] || fail "a mock that cannot start must exit 2"
echo "ci recipe test: pass, fail (journal and log kept), and no mock: each as documented"
