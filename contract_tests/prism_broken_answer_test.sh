#!/usr/bin/env bash
# Prism catches a broken answer (docs/openapi.md, "A validation proxy: Prism"): ocp-mock with two
# quirks that break its documented answers, behind tools/npm/prism-proxy (the strict document):
#   - client-ids adds a field no doc gives (obproxyClusterId in POST /api/v2/obproxy/clusters'
#     answer): Prism must report the response's additional property;
#   - big-ids-as-strings changes a documented field's type (a task id beyond 2^53 written as a
#     string): Prism must report the response's `id` as not an integer.
# The same two requests to a mock without the quirks get no violation at all, so that what Prism
# reports is the quirks' doing. Each violation seen is printed.
#   contract_tests/prism_broken_answer_test.sh OCP_MOCK_BINARY SOURCE_DIR
# Needs the npm test tools (tools/npm/README.md): without them it exits 77 (ctest: skipped).
# shellcheck disable=SC2154  # work: openapi_tools_lib.sh's
set -uo pipefail
mock="$1"
src="$2"
name="prism broken answer test"
# shellcheck source=contract_tests/openapi_tools_lib.sh
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
command -v curl >/dev/null 2>&1 || skip "curl is not on PATH"

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

# start_mock NAME FLAGS...: ocp-mock on a free port, its URL in $mock_url; prism-proxy in front,
# its URL in $proxy_url. Both ready lines read from FIFOs, never slept on.
start() {
  local which="$1" line
  shift
  mkfifo "$work/$which.mock" "$work/$which.proxy"
  "$mock" --port 0 --time-scale 0 "$@" >"$work/$which.mock" 2>"$work/$which.mock.log" &
  pids+=($!)
  exec {fd}<"$work/$which.mock"
  IFS= read -r -t 60 -u "$fd" line || true
  mock_url="${line#listening on }"
  [ "$mock_url" != "$line" ] || { cat "$work/$which.mock.log" >&2; fail "$which: no ocp-mock"; }
  "$src/tools/npm/prism-proxy" --log "$work/$which.prism.log" "$mock_url" >"$work/$which.proxy" &
  pids+=($!)
  exec {fd}<"$work/$which.proxy"
  IFS= read -r -t 120 -u "$fd" proxy_url || true
  [ -n "$proxy_url" ] || fail "$which: prism-proxy did not start"
}

# The two requests: sets $violations_create and $violations_big to each answer's sl-violations.
obproxy='{"name": "tf-obproxy", "password": "Proxy#123", "workMode": "CONFIG_URL", "port": 2883,
  "obproxyInstallParam": {"hostIds": [18], "version": "obproxy-ce-4.2.1.0-11.el7.x86_64.rpm",
                          "sqlPort": 2883, "exporterPort": 2884},
  "obLinks": [{"clusterName": "obcluster-prod-hz", "obClusterId": 100002, "username": "proxyro"}]}'
big=9007199254740993
violations() { sed -n 's/^sl-violations: //Ip' "$1" | tr -d '\r'; }
ask() {
  local which="$1" status
  status="$(curl -s -D "$work/$which.create.head" -o "$work/$which.create" -w '%{http_code}' \
    -u admin:Admin@123 -H 'Content-Type: application/json' -d "$obproxy" \
    "$proxy_url/api/v2/obproxy/clusters")"
  [ "$status" = 200 ] || fail "$which: POST /api/v2/obproxy/clusters answered $status: $(cat "$work/$which.create")"
  # Straight to the mock: Prism reads JSON bodies as JavaScript numbers, so a request body's
  # 2^53+1 would reach the mock as 2^53.
  status="$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
    -d "{\"task\": {\"id\": $big, \"name\": \"Big\", \"status\": \"RUNNING\",
         \"creator\": {\"id\": 100, \"name\": \"admin\"}, \"subtasks\": [{\"id\": 1,
         \"name\": \"Check\", \"description\": \"Check\", \"operation\": \"EXECUTE\",
         \"status\": \"RUNNING\"}]}}" "$mock_url/__mock/tasks/$big")"
  [ "$status" = 200 ] || fail "$which: PUT /__mock/tasks/$big answered $status"
  status="$(curl -s -D "$work/$which.big.head" -o "$work/$which.big" -w '%{http_code}' \
    -u admin:Admin@123 "$proxy_url/api/v2/tasks/instances/$big")"
  [ "$status" = 200 ] || fail "$which: GET /api/v2/tasks/instances/$big answered $status"
  violations_create="$(violations "$work/$which.create.head")"
  violations_big="$(violations "$work/$which.big.head")"
}

start plain
ask plain
[ -z "$violations_create$violations_big" ] \
  || fail "the mock without quirks already breaks its document: $violations_create $violations_big"

start quirky --quirks client-ids,big-ids-as-strings
ask quirky
grep -q '"location":\["response","body","data"\],"severity":"Error","code":"additionalProperties".*obproxyClusterId' \
  <<<"$violations_create" \
  || fail "client-ids' obproxyClusterId not caught; sl-violations: ${violations_create:-(none)}"
grep -q '"location":\["response","body","data","id"\],"severity":"Error","code":"type"' \
  <<<"$violations_big" || fail "a string id not caught; sl-violations: ${violations_big:-(none)}"
echo "POST /api/v2/obproxy/clusters with --quirks client-ids: sl-violations: $violations_create"
echo "GET /api/v2/tasks/instances/$big with --quirks big-ids-as-strings: sl-violations: $violations_big"
echo "$name: both caught, none without the quirks, in $(elapsed) s"
