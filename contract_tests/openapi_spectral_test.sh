#!/usr/bin/env bash
# Spectral lints every OpenAPI document `ocp-mock openapi` writes with the project's ruleset
# (tools/npm/.spectral.yaml: spectral:oas and our conventions): 0 errors; the warnings are counted
# by rule and printed. And the ruleset can fail: a copy of the 4.2.2 document with a duplicated
# operationId and one break of each of our own rules gives an error from each rule.
#   contract_tests/openapi_spectral_test.sh OCP_MOCK_BINARY SOURCE_DIR
# Needs the npm test tools (tools/setup.sh's ocpmock_npm_tools, OCPMOCK_NPM_BIN): without them it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), saying why.
# shellcheck disable=SC2016  # the node scripts' ${...} are JavaScript's
set -uo pipefail
mock="$1"
src="$2"
name="openapi spectral"
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
ruleset="$src/tools/npm/.spectral.yaml"

# spectral lint FILE... as JSON into OUT; its exit status is 0 without errors, 1 with some.
lint() {
  local out="$1"
  shift
  "$OCPMOCK_NPM_BIN/spectral" lint --ruleset "$ruleset" --format json --quiet \
    --fail-severity error "$@" >"$out"
}
# Each error of the JSON report FILE on a line of its own, then per file the errors and warnings,
# and the warnings by rule.
summary() {
  node -e '
    const results = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8") || "[]");
    const files = process.argv.slice(2);
    const base = (p) => p.split("/").pop();
    const where = (r) => `${base(r.source)}#/${r.path.join("/")}`;
    for (const r of results.filter((r) => r.severity === 0))
      console.log(`  error ${r.code}: ${where(r)}: ${r.message}`);
    for (const f of files) {
      const mine = results.filter((r) => base(r.source) === base(f));
      const n = (s) => mine.filter((r) => r.severity === s).length;
      console.log(`  ${base(f)}: ${n(0)} errors, ${n(1)} warnings`);
    }
    const byRule = {};
    for (const r of results.filter((r) => r.severity === 1)) {
      byRule[r.code] = (byRule[r.code] ?? 0) + 1;
    }
    for (const [code, n] of Object.entries(byRule).sort()) {
      console.log(`  warnings of ${code}: ${n}`);
    }
    const errors = results.filter((r) => r.severity === 0).length;
    const warnings = results.filter((r) => r.severity === 1).length;
    console.log(`RESULT errors=${errors} warnings=${warnings}`);
  ' "$@"
}

openapi_documents "$mock" "$work/openapi"
lint "$work/lint.json" "${documents[@]}" 2>"$work/lint.err"
st=$?
[ -s "$work/lint.json" ] || fail "spectral gave $st and no report: $(cat "$work/lint.err")"
summary "$work/lint.json" "${documents[@]}" >"$work/summary" || fail "spectral's report is not JSON"
cat "$work/summary"
errors="$(sed -n 's/^RESULT errors=\([0-9]*\) .*/\1/p' "$work/summary")"
warnings="$(sed -n 's/^RESULT .* warnings=\([0-9]*\)/\1/p' "$work/summary")"
if [ "$errors" != 0 ] || [ "$st" -ne 0 ]; then
  fail "Spectral found $errors errors in the documents (above; spectral gave $st)"
fi

# The ruleset can fail: one copy breaking spectral:oas's unique operationId and each rule of ours.
node -e '
  const fs = require("fs");
  const [from, to] = process.argv.slice(1);
  const doc = JSON.parse(fs.readFileSync(from, "utf8"));
  const list = doc.paths["/api/v2/tasks/instances"].get;
  const detail = doc.paths["/api/v2/tasks/instances/{taskInstanceId}"].get;
  const copy = (op, operationId) => ({ get: { ...structuredClone(op), operationId } });
  doc.paths["/__mock/taskList"] = copy(list, "mockTaskList");       // ocp-control-permission
  detail.operationId = list.operationId;                            // operation-operationId-unique
  doc.paths["/api/v2/tasks/{taskId}"].get.operationId = "get_task"; // ocp-operation-id-camel-case
  list["x-ocp-provenance"] = "guess";                               // ocp-operation-provenance
  const query = list.parameters.find((p) => p.in === "query");
  delete query["x-ocp-provenance"];                                 // ocp-parameter-provenance
  doc.paths["/v2/tasks"] = copy(list, "listTasksElsewhere");        // ocp-path-prefix
  detail["x-ocp-permission"] = "control";                // ocp-api-permission, ocp-security-open
  delete list.security;                                             // ocp-security-required
  fs.writeFileSync(to, JSON.stringify(doc));
' "$work/openapi/ocp-4.2.2.openapi.json" "$work/broken.openapi.json" \
  || fail "could not write the broken copy"
lint "$work/broken.json" "$work/broken.openapi.json" 2>"$work/broken.err"
st=$?
[ "$st" -eq 1 ] || fail "spectral gave $st, not 1, for the broken copy: $(cat "$work/broken.err")"
summary "$work/broken.json" "$work/broken.openapi.json" >"$work/broken.summary"
rules=(operation-operationId-unique ocp-operation-id-camel-case ocp-operation-provenance
  ocp-parameter-provenance ocp-path-prefix ocp-control-permission ocp-api-permission
  ocp-security-open ocp-security-required)
for rule in "${rules[@]}"; do
  grep -q "^  error $rule: broken.openapi.json#" "$work/broken.summary" \
    || fail "the broken copy got no error from $rule: $(cat "$work/broken.summary")"
done
echo "the broken copy: $(grep -c '^  error ' "$work/broken.summary") errors, from each of the" \
  "${#rules[@]} rules it breaks (${rules[*]})"

echo "openapi spectral: ${#documents[@]} documents, 0 errors, $warnings warnings (ruleset" \
  "tools/npm/.spectral.yaml); the broken copy refused by each rule it breaks; in $(elapsed) s"
