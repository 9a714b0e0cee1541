#!/usr/bin/env bash
# A second JSON Schema implementation agrees with Valijson on the contract suite's answers
# (issue #26, point 3; docs/openapi.md, "A second validator: ajv"):
#  1. the suite's mock-mode tests for the default version, with OCP_DUMP_ANSWERS: every body it
#     judged, with Valijson's verdict (contract_tests/support/answer_dump.h);
#  2. tools/npm/ajv-agree.mjs: each body judged by ajv over the schema files and by Ajv2020 over
#     the OpenAPI document's components, both agreeing with Valijson; and mutants of every 10th
#     body, refused by both and by Valijson (valijson_verdicts);
#  3. the check can fail: the same dump with one verdict flipped is a disagreement, and the open
#     document in the strict one's place accepts unknown-member mutants;
#  4. a broken server: the live suite against a proxy writing task ids as strings (the
#     LiveModeBroken case kIdsAsStrings), whose answers Valijson refused and ajv must refuse too.
#   contract_tests/ajv_agreement_test.sh CONTRACT_TESTS OCP_MOCK VALIJSON_VERDICTS SOURCE_DIR
# Needs the npm test tools (tools/setup.sh's ocpmock_npm_tools, OCPMOCK_NPM_BIN): without them it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), saying why.
set -uo pipefail
suite="$1"
mock="$2"
valijson="$3"
src="$4"
name="ajv agreement"
# skip, fail, openapi_tools_or_skip and the scratch folder `work` (openapi_tools_lib.sh).
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
agree_with() { node "$src/tools/npm/ajv-agree.mjs" --openapi "$1" --valijson "$valijson" "$2"; }
agree() { agree_with "$work/openapi" "$1"; }
# The figure NAME of ajv-agree's RESULT line in FILE.
figure() { sed -n "s/.*RESULT.* $1=\([0-9]*\).*/\1/p" "$2"; }
show_fail() { cat "$1" >&2; fail "$2"; }

"$mock" openapi --out "$work/openapi" >/dev/null || fail "ocp-mock openapi failed"

# 1. The suite's answers. Left out, as in the per-version runs (contract_tests/CMakeLists.txt):
# the program's flags and start-up, the README, uploads, the slow fault timings, and live mode
# (its child runs would add another server's answers; step 4 runs one on purpose).
unset OCP_BASE_URL OCP_VERSION
filter="-Binary.*:Startup.*:Signals/StopWhileLoading.*:Readme.*:Upload.*"
filter+=":FaultsTest.ADelayNeverStallsOtherConnections:FaultsTest.ADripSendsTheWholeBodySlowly"
filter+=":LiveMode.*:LiveModeBroken/*"
start=$SECONDS
OCP_DUMP_ANSWERS="$work/answers.jsonl" "$suite" --gtest_brief=1 "--gtest_filter=$filter" \
  >"$work/suite.log" 2>&1 || { tail -40 "$work/suite.log" >&2; fail "the suite failed"; }
suite_seconds=$((SECONDS - start))
grep -q '"cut":true' "$work/answers.jsonl" && fail "the dump reached its bound: not a whole run"

# 2. Every body, both ways, and the mutants.
start=$SECONDS
agree "$work/answers.jsonl" | tee "$work/agree.out"
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "ajv and Valijson disagree, or a mutant was not refused"
agree_seconds=$((SECONDS - start))
[ "$(figure invalid "$work/agree.out")" = 0 ] ||
  fail "the suite passed, but Valijson refused a body"
[ "$(figure mutants "$work/agree.out")" -ge 100 ] || fail "fewer than 100 mutants"

# 3. The check can fail: a body Valijson is said to have refused, which ajv accepts ...
awk 'BEGIN { done = 0 }
     !done && /"valid":true/ { sub(/"valid":true/, "\"valid\":false"); done = 1 } { print }' \
  "$work/answers.jsonl" >"$work/flipped.jsonl"
agree "$work/flipped.jsonl" >"$work/flipped.out" && fail "a flipped verdict was not a disagreement"
[ "$(figure disagreements "$work/flipped.out")" = 1 ] ||
  show_fail "$work/flipped.out" "the flipped verdict is not exactly one disagreement"

# ... and a validator that accepts what it must refuse: the default document (OCP's objects
# open) in the strict one's place lets the unknown-member mutants through.
mkdir "$work/open"
cp "$work/openapi/"ocp-*.openapi.json "$work/open/"
for open in "$work/open/"ocp-*[0-9].openapi.json; do
  cp "$open" "${open%.openapi.json}.strict.openapi.json"
done
agree_with "$work/open" "$work/answers.jsonl" >"$work/open.out" &&
  fail "open objects in place of closed ones were not caught"
grep -q "NOT REFUSED: unknown-member" "$work/open.out" ||
  show_fail "$work/open.out" "open objects were not caught as unknown members accepted"

# 4. A broken server's answers: proxies that write task ids as strings and drop a task's
# required status; the live suite behind each (a child run that inherits OCP_DUMP_ANSWERS)
# fails, which the parent test expects.
broken_filter="LiveModeBroken/BrokenServer.FailsTheLiveSuite/IdsAsStrings"
broken_filter+=":LiveModeBroken/BrokenServer.FailsTheLiveSuite/TaskStatusMissing"
OCP_DUMP_ANSWERS="$work/broken.jsonl" "$suite" --gtest_brief=1 "--gtest_filter=$broken_filter" \
  >"$work/broken.log" 2>&1 || show_fail "$work/broken.log" "the broken-server tests failed"
agree "$work/broken.jsonl" >"$work/broken.out" ||
  show_fail "$work/broken.out" "ajv and Valijson disagree on the broken servers' answers"
broken="$(figure invalid "$work/broken.out")"
[ "${broken:-0}" -ge 2 ] || show_fail "$work/broken.out" "fewer than two broken answers refused"
for said in "/id: must be integer" ": must have required property 'status'"; do
  grep -q "Ajv2020, ocp-.*/data/contents/[0-9]*$said" "$work/broken.out" ||
    show_fail "$work/broken.out" "ajv did not say \"$said\" of a task in a broken answer"
done
grep -A3 'invalid by all' "$work/broken.out"

echo "ajv agreement: $(figure bodies "$work/agree.out") bodies of the suite (${suite_seconds} s)" \
  "judged alike by Valijson and ajv both ways, $(figure mutants "$work/agree.out") mutants" \
  "refused by all three (${agree_seconds} s); a flipped verdict and open objects are caught;" \
  "the broken servers' $broken refused answers refused by ajv too"
