#!/usr/bin/env bash
# Every OpenAPI document `ocp-mock openapi` writes is valid OpenAPI 3.1 for tools we did not write
# (tools/npm/validate-openapi.mjs: @seriousme/openapi-schema-validator against the OpenAPI
# Initiative's 3.1 schema, every $ref resolving; ajv's JSON Schema 2020-12 for every Schema
# Object). And the check can fail: copies of the 4.2.2 document broken in one place each are
# refused, each naming what is wrong.
#   contract_tests/openapi_valid_test.sh OCP_MOCK_BINARY SOURCE_DIR
# Needs the npm test tools (tools/setup.sh's ocpmock_npm_tools, OCPMOCK_NPM_BIN): without them it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), saying why.
# shellcheck disable=SC2016  # the node scripts' ${...} are JavaScript's
set -uo pipefail
mock="$1"
src="$2"
name="openapi valid"
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
validate() { node "$src/tools/npm/validate-openapi.mjs" "$@"; }

openapi_documents "$mock" "$work/openapi"
validate "${documents[@]}" >"$work/verdicts" 2>&1
st=$?
cat "$work/verdicts"
[ "$st" -eq 0 ] || fail "validate-openapi.mjs gave $st: a document is not valid OpenAPI 3.1 (above)"
valid="$(grep -c ': valid OpenAPI 3\.1\.' "$work/verdicts")"
[ "$valid" -eq "${#documents[@]}" ] \
  || fail "$valid verdicts of valid for ${#documents[@]} documents"

# Broken copies, one fault each: the mutant's name, then the words its refusal must hold.
mutants=(
  "path-without-slash|unevaluatedProperty\":\"api/v2/tasks"
  "parameter-without-in|missingProperty\":\"in"
  "openapi-3.0|additionalProperty\":\"jsonSchemaDialect"
  "schema-type-misspelt|/properties/status/type: must be equal to one of the allowed values"
  "schema-pattern-unterminated|does not compile: Invalid regular expression"
  "ref-to-nothing|Can't resolve #/components/schemas/nobody"
)
node -e '
  const fs = require("fs");
  const [src, dir] = process.argv.slice(1);
  const task = (d) => d.components.schemas["basic-task-instance"].properties;
  const list = (d) => d.paths["/api/v2/tasks/instances"].get;
  const breaks = {
    "path-without-slash": (d) => { d.paths["api/v2/tasks"] = { get: list(d) }; },
    "parameter-without-in": (d) => { delete list(d).parameters[0].in; },
    "openapi-3.0": (d) => { d.openapi = "3.0.3"; },
    "schema-type-misspelt": (d) => { task(d).status.type = "strin"; },
    "schema-pattern-unterminated": (d) => { task(d).name.pattern = "("; },
    "ref-to-nothing": (d) => { task(d).creator = { $ref: "#/components/schemas/nobody" }; },
  };
  for (const [name, broken] of Object.entries(breaks)) {
    const doc = JSON.parse(fs.readFileSync(src, "utf8"));
    broken(doc);
    fs.writeFileSync(`${dir}/${name}.openapi.json`, JSON.stringify(doc));
  }
' "$work/openapi/ocp-4.2.2.openapi.json" "$work" || fail "could not write the broken copies"
# One run over every copy (node and ajv start once); each copy's verdict is the block of lines
# from its file name to the next file's.
copies=()
for mutant in "${mutants[@]}"; do copies+=("$work/${mutant%%|*}.openapi.json"); done
out="$(validate "${copies[@]}" 2>&1)"
st=$?
[ "$st" -eq 1 ] || fail "validate-openapi.mjs gave $st, not 1, for the broken copies: $out"
for mutant in "${mutants[@]}"; do
  copy="${mutant%%|*}"
  verdict="$(awk -v f="/$copy.openapi.json:" '/^validate-openapi: / { on = index($0, f) > 0 } on' \
    <<<"$out")"
  grep -q ": INVALID, " <<<"$verdict" || fail "$copy was not refused: $verdict"
  grep -qF -- "${mutant#*|}" <<<"$verdict" \
    || fail "the refusal of $copy does not say '${mutant#*|}': $verdict"
  echo "refused as it must be: $copy: $(sed -n 2p <<<"$verdict" | sed 's/^ *//' | cut -c1-150)"
done

echo "openapi valid: ${#documents[@]} documents valid OpenAPI 3.1, ${#mutants[@]} broken copies" \
  "refused, in $(elapsed) s"
