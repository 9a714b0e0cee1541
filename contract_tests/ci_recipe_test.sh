#!/usr/bin/env bash
# shellcheck disable=SC2016  # the client commands' $OCP_URL is theirs to expand
# docs/ci.md's shell step (examples/ci/with-ocp-mock.sh) as a CI job runs it: a passing client
# test, a failing one (its status passed on, the journal and log kept), a mock that cannot start,
# and what issue #24 found: an artifacts folder shared with other steps (nothing the script did
# not create is deleted or overwritten), exit statuses that tell the script's failures from the
# command's, the whole journal kept (not its newest 2,000), and a mock that dies mid-run (no
# empty journal.json claimed as kept). Each section runs in a folder of its own and reports on
# its own.
#   contract_tests/ci_recipe_test.sh OCP_MOCK_BINARY SOURCE_DIR
# CI_RECIPE_SCRIPT runs another copy of the script (an older one, to see these sections fail).
set -uo pipefail
OCP_MOCK="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
export OCP_MOCK
fixtures="$2/fixtures"
script="${CI_RECIPE_SCRIPT:-$2/examples/ci/with-ocp-mock.sh}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
section=""
start() { section="$1"; mkdir -p "$work/$1"; cd "$work/$1" || exit 1; }
fail() { echo "ci recipe test: FAIL [$section] $*" >&2; failures=$((failures + 1)); }
run() { "$script" "$@" 2>stderr; }  # the script's stderr, in the section's folder

start documented-pass
run --fixtures "$fixtures" -- sh -c \
  'curl -sf -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances?size=1" | grep -q "\"successful\":true"'
st=$?
[ "$st" -eq 0 ] || fail "a passing client test gave $st: $(cat stderr)"
[ ! -e ocp-mock-artifacts ] || fail "artifacts kept for a passing run: $(ls -A ocp-mock-artifacts)"

start documented-fail
run --artifacts out -- --journal-size 50 -- sh -c \
  'curl -s -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances/424242" >/dev/null
   curl -s -u admin:Admin@123 "$OCP_URL/api/v2/tasks/instances?dropped=1&totalPages=2" >/dev/null
   exit 3'
st=$?
[ "$st" -eq 3 ] || fail "the client's exit status 3 came back as $st"
grep -q '/api/v2/tasks/instances/424242' out/journal.json 2>/dev/null \
  || fail "the journal lacks the client's request: $(cat out/journal.json 2>&1)"
grep -q 'dropped=1&totalPages=2' out/journal.json 2>/dev/null \
  || fail "the journal lacks a request whose parameters look like the page's: $(cat stderr)"
grep -q 'loaded' out/ocp-mock.log 2>/dev/null || fail "no mock log kept"

# Finding 1: the script never deletes or overwrites what it did not create.
start artifacts-shared-folder
mkdir results && echo '<testsuite/>' >results/junit.xml
run --artifacts results -- true
st=$?
[ "$st" -eq 0 ] || fail "a passing run with --artifacts results gave $st: $(cat stderr)"
[ "$(cat results/junit.xml 2>&1)" = '<testsuite/>' ] \
  || fail "a passing run deleted another step's results/junit.xml"
if [ -e results/ocp-mock.log ] || [ -e results/journal.json ]; then
  fail "a passing run left its files: $(ls -A results)"
fi
run --artifacts results -- sh -c 'echo "<testsuite failures=\"1\"/>" >results/junit.xml; exit 1'
st=$?
[ "$st" -eq 1 ] || fail "a failing run with --artifacts results gave $st"
if [ ! -s results/journal.json ] || [ ! -s results/ocp-mock.log ]; then
  fail "a failing run did not keep its journal and log next to the JUnit file: $(ls -A results)"
fi
grep -q 'failures' results/junit.xml || fail "the command's own results/junit.xml was lost"

start artifacts-current-folder
echo mine >notes.txt
run --artifacts . -- true
st=$?
[ "$st" -eq 0 ] || fail "a passing run with --artifacts . gave $st: $(cat stderr)"
[ "$(cat notes.txt 2>&1)" = mine ] || fail "a passing run with --artifacts . lost notes.txt"
[ ! -e ocp-mock.log ] || fail "a passing run with --artifacts . left ocp-mock.log"

start artifacts-not-overwritten
mkdir out && echo '{"someone": "else"}' >out/journal.json
run --artifacts out -- sh -c 'touch ran; exit 1'
st=$?
[ "$st" -eq 125 ] || fail "a journal.json already in the folder gave $st, not 125 (refused)"
[ "$(cat out/journal.json)" = '{"someone": "else"}' ] || fail "out/journal.json was overwritten"
[ ! -e ran ] || fail "the command ran although the script refused the folder"

start artifacts-created-folder-removed
run --artifacts a/b/c -- true
st=$?
[ "$st" -eq 0 ] || fail "a passing run with --artifacts a/b/c gave $st: $(cat stderr)"
[ ! -e a ] || fail "the folders the script created were left after a passing run: $(find a)"

# Finding 2: the command's own status is passed on; 125 means the command did not run.
start exit-status
run -- sh -c 'exit 2'  # as make does when a test fails
st=$?
[ "$st" -eq 2 ] || fail "a command's status 2 came back as $st"
OCP_MOCK=/bin/false run --artifacts nomock -- sh -c 'touch ran'
st=$?
[ "$st" -eq 125 ] || fail "a mock that cannot start gave $st, not 125"
[ ! -e ran ] || fail "the command ran without a mock"
[ -e nomock/ocp-mock.log ] || fail "the log of a mock that did not start was not kept"
run --no-such-flag -- true
st=$?
[ "$st" -eq 125 ] || fail "an unknown argument gave $st, not 125"
run --artifacts
st=$?
[ "$st" -eq 125 ] || fail "--artifacts without a folder gave $st, not 125"
run -- --journal-size 5 --
st=$?
[ "$st" -eq 125 ] || fail "no command gave $st, not 125"
"$script" --help >help 2>&1
st=$?
[ "$st" -eq 0 ] || fail "--help gave $st"
if ! grep -q '125' help || ! grep -qi 'its own status' help; then
  fail "--help does not document the exit statuses"
fi

# Finding 3: journal.json holds the whole journal, every page of GET /__mock/requests.
start journal-whole
run --artifacts out -- --journal-size 2050 -- sh -c \
  'curl -s -u admin:Admin@123 -o /dev/null "$OCP_URL/api/v2/tasks/instances/[1-2100]"; exit 5'
st=$?
[ "$st" -eq 5 ] || fail "the client's exit status 5 came back as $st"
n="$(grep -o '"sequence":[0-9]*' out/journal.json 2>/dev/null | wc -l)"
[ "$n" -eq 2050 ] || fail "journal.json holds $n requests, not the 2,050 the journal held"
for seq in 2100 51; do
  grep -q "\"sequence\":${seq}[,}]" out/journal.json 2>/dev/null || fail "request $seq is missing"
done
grep -q '"dropped":50' out/journal.json 2>/dev/null || fail "journal.json lacks dropped: 50"
if ! grep -q '2050 requests' stderr || ! grep -q '50 older' stderr; then
  fail "the script does not say what journal.json holds: $(cat stderr)"
fi
case "$(head -c 1 out/journal.json 2>/dev/null)$(tail -c 2 out/journal.json 2>/dev/null)" in
  '['*']') ;;
  *) fail "journal.json is not the documented array of pages" ;;
esac

# Finding 4: a mock that dies mid-run leaves no empty journal.json claimed as kept.
start mock-dies
printf '#!/bin/sh\necho $$ >"%s/mock.pid"\nexec "%s" "$@"\n' "$PWD" "$OCP_MOCK" >mock.sh
chmod +x mock.sh
OCP_MOCK="$PWD/mock.sh" run --artifacts out -- sh -c 'kill -9 "$(cat mock.pid)"; sleep 0.5; exit 4'
st=$?
[ "$st" -eq 4 ] || fail "the client's exit status 4 came back as $st"
if [ -e out/journal.json ] && [ ! -s out/journal.json ]; then
  fail "an empty journal.json was left"
fi
if [ ! -s out/journal.json ] && grep -q 'kept.*journal.json' stderr; then
  fail "the script claims a journal it could not write: $(cat stderr)"
fi
grep -q 'killed by signal 9' stderr || fail "the script does not say the mock died: $(cat stderr)"
[ -s out/ocp-mock.log ] || fail "the log of the mock that died was not kept"

if [ "$failures" -gt 0 ]; then
  echo "ci recipe test: $failures failed (script: $script)" >&2
  exit 1
fi
echo "ci recipe test: pass, fail, no mock, shared folders, exit statuses, the whole journal and" \
  "a mock that dies: each as documented"
