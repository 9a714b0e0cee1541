#!/usr/bin/env bash
# docs/openapi.md's client example, run as the page shows it: the block after the marker
# `<!-- openapi_client_generation: ... -->` (ocp-mock openapi, openapi-typescript on the 4.2.2
# document, tsc --noEmit over examples/typescript/tasks.ts), in a copy of examples/typescript/
# with ocp-mock and the npm tools on PATH. And the types check something: the same client reading
# a field the document lacks (statuz) and sending a status it does not allow (FAILD) must not
# compile.
#   contract_tests/openapi_client_generation_test.sh OCP_MOCK_BINARY SOURCE_DIR
# Needs the npm test tools (tools/setup.sh's ocpmock_npm_tools, OCPMOCK_NPM_BIN): without them it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), saying why.
set -uo pipefail
mock="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
src="$2"
name="openapi client generation"
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip

# The page's block: the first ```sh fence after the marker, up to its closing fence.
block="$(awk '/^<!-- openapi_client_generation:/ { m = 1; next }
              m == 1 && /^```sh$/ { m = 2; next }
              m == 2 && /^```$/ { exit }
              m == 2' "$src/docs/openapi.md")"
[ -n "$block" ] \
  || fail "docs/openapi.md has no \`\`\`sh block after <!-- openapi_client_generation: -->"

# The example's own files, without what an earlier run of the block left in the source tree.
mkdir -p "$work/examples"
cp -R "$src/examples/typescript" "$work/examples/"
rm -rf "$work/examples/typescript/openapi" "$work/examples/typescript/ocp-4.2.2.ts"
example="$work/examples/typescript"

echo "running docs/openapi.md's block in a copy of the source tree's examples/typescript:"
while IFS= read -r line; do echo "  \$ $line"; done <<<"$block"
(cd "$work" && PATH="$(dirname "$mock"):$OCPMOCK_NPM_BIN:$PATH" bash -euo pipefail -c "$block") \
  >"$work/block.log" 2>&1
st=$?
sed 's/^/  | /' "$work/block.log"
[ "$st" -eq 0 ] || fail "the block gave $st (above)"
types="$example/ocp-4.2.2.ts"
[ -s "$types" ] || fail "the block wrote no examples/typescript/ocp-4.2.2.ts"
grep -q '"/api/v2/tasks/instances": {' "$types" \
  || fail "ocp-4.2.2.ts has no /api/v2/tasks/instances"
grep -q 'listTaskInstances: {' "$types" || fail "ocp-4.2.2.ts has no listTaskInstances operation"
paths="$(grep -c '^    "/api/' "$types")"
operations="$(awk '/^export interface operations/ { on = 1; next }
                   on && /^    [A-Za-z]+: \{$/ { n++ } END { print n + 0 }' "$types")"
echo "ocp-4.2.2.ts: $(wc -l <"$types") lines, $paths OCP paths, $operations operations;" \
  "tasks.ts type-checks against it"

# The types must refuse a client that is wrong about the document: tsc over a broken tasks.ts.
sed -i -e 's/contents\[0\]?\.status;/contents[0]?.statuz;/' \
  -e 's/status: \["FAILED"\]/status: ["FAILD"]/' "$example/tasks.ts"
if ! grep -q 'statuz' "$example/tasks.ts" || ! grep -q 'FAILD' "$example/tasks.ts"; then
  fail "could not break tasks.ts (its reading of status or its FAILED filter changed?)"
fi
out="$(cd "$example" && "$OCPMOCK_NPM_BIN/tsc" --noEmit 2>&1)"
st=$?
[ "$st" -ne 0 ] || fail "tsc accepted a client reading .statuz and sending status FAILD"
grep -q "Property 'statuz' does not exist" <<<"$out" || fail "tsc did not refuse .statuz: $out"
grep -q "'\"FAILD\"' is not assignable" <<<"$out" || fail "tsc did not refuse status FAILD: $out"
echo "refused as it must be: the client reading .statuz and sending status FAILD" \
  "($(grep -c 'error TS' <<<"$out") tsc errors)"

echo "openapi client generation: docs/openapi.md's commands generate the 4.2.2 types and" \
  "type-check examples/typescript/tasks.ts; a wrong client does not compile; in $(elapsed) s"
