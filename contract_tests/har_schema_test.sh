#!/usr/bin/env bash
# The journal's HAR export (GET /__mock/requests?format=har) checked by tools we did not write:
# ocp-mock on a free port, a few requests (one with credentials, one with a body, one refused),
# the export validated with ajv against the HAR 1.2 schema (tools/npm/check-har.mjs), no
# credential in it, /__mock/requests.har the same document, and a broken copy (an entry without
# request.method) refused by the same check, so that the check can fail.
#   contract_tests/har_schema_test.sh OCP_MOCK_BINARY SOURCE_DIR
# Needs the npm test tools (tools/setup.sh's ocpmock_npm_tools, OCPMOCK_NPM_BIN): without them it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), saying why.
set -uo pipefail
mock="$1"
src="$2"
name="har schema test"
# skip, fail, openapi_tools_or_skip and the scratch folder `work` (openapi_tools_lib.sh); the
# cleanup below replaces its exit trap, and removes `work` too.
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
command -v curl >/dev/null 2>&1 || skip "curl is not on PATH"

mock_pid=""
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null && wait "$mock_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The ready line, never a sleep: ocp-mock prints it once it serves.
mkfifo "$work/stdout"
"$mock" --port 0 --time-scale 0 >"$work/stdout" 2>"$work/log" &
mock_pid=$!
exec {mock_out}<"$work/stdout"
ready=""
read -t 60 -r -u "$mock_out" ready || true
url="${ready#listening on }"
[ "$url" != "$ready" ] || { cat "$work/log" >&2; fail "ocp-mock did not start: \"$ready\""; }

ocp() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(ocp -u admin:Admin@123 "$url/api/v2/tasks/instances?status=FAILED&size=1")" = 200 ] \
  || fail "the list with credentials was not answered 200"
ocp -u admin:Admin@123 -X POST -H 'Content-Type: application/json' -d '{"note":"never-kept"}' \
  "$url/api/v2/tasks/instances/424242/retry" >/dev/null
ocp -H 'Cookie: SESSION=cookie-secret-42' "$url/api/v2/tasks/instances" >/dev/null  # 401
ocp -u admin:Admin@123 "$url/api/v2/t%C3%A4sks?name=a%20b" >/dev/null               # 404

curl -sf "$url/__mock/requests?format=har" -o "$work/journal.har" || fail "no HAR export"
curl -sf "$url/__mock/requests.har" -o "$work/dot.har" || fail "no /__mock/requests.har"
cmp -s "$work/journal.har" "$work/dot.har" || fail "/__mock/requests.har differs from ?format=har"
curl -sf "$url/__mock/requests.har?method=POST" -o "$work/post.har" || fail "no filtered export"

for secret in Admin@123 YWRtaW46 cookie-secret-42 never-kept Authorization; do
  if grep -q -- "$secret" "$work/journal.har"; then fail "the HAR export holds '$secret'"; fi
done

node "$src/tools/npm/check-har.mjs" "$work/journal.har" "$work/post.har" \
  || fail "the HAR export is not valid HAR 1.2 (above)"
node -e '
  const fs = require("fs");
  const all = JSON.parse(fs.readFileSync(process.argv[1])).log.entries;
  const post = JSON.parse(fs.readFileSync(process.argv[2])).log.entries;
  const fail = (m) => { console.error("har schema test: FAIL: " + m); process.exit(1); };
  if (all.length !== 4) fail(`${all.length} entries, not the 4 requests sent`);
  if (post.length !== 1 || post[0].request.method !== "POST") fail("method=POST did not filter");
  if (!all.every((e) => e.request.url.startsWith(process.argv[3] + "/"))) fail("relative URLs");
  if (post[0].request.bodySize !== 21) fail(`bodySize ${post[0].request.bodySize}, not 21`);
' "$work/journal.har" "$work/post.har" "$url" || exit 1

# The same check must refuse a broken export: an entry without request.method.
node -e '
  const fs = require("fs");
  const har = JSON.parse(fs.readFileSync(process.argv[1]));
  delete har.log.entries[0].request.method;
  fs.writeFileSync(process.argv[2], JSON.stringify(har));
' "$work/journal.har" "$work/broken.har"
out="$(node "$src/tools/npm/check-har.mjs" "$work/broken.har" 2>&1)"
st=$?
[ "$st" -eq 1 ] || fail "check-har.mjs gave $st, not 1, for an entry without request.method: $out"
grep -q "missingProperty\":\"method" <<<"$out" || fail "the refusal does not name method: $out"

echo "har schema test: the export (4 entries) is valid HAR 1.2 for both schemas, holds no" \
  "credential, filters as the journal, and an entry without request.method is refused"
