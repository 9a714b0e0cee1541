# shellcheck shell=bash disable=SC2154,SC2034,SC2031  # name, src, documents: the test's
# Sourced by the tests that use the npm test tools (openapi_valid, har_schema, ajv_agreement,
# openapi_spectral, openapi_client_generation: contract_tests/openapi_*_test.sh). Before sourcing,
# a test sets `name` (how its messages start) and `src` (the source tree). It gives them:
#   skip MESSAGE...      exit 77 (ctest: skipped), saying why
#   fail MESSAGE...      exit 1, saying why
#   openapi_tools_or_skip
#                        exports OCPMOCK_NPM_BIN (tools/npm/README.md): the environment's, which
#                        tools/test sets, or else the cache of the current lockfile when it is
#                        complete; skips without it or without node
#   openapi_documents MOCK DIR
#                        `MOCK openapi --out DIR`, and fails unless DIR then holds a document for
#                        every version under schemas/versions/ and the control plane's; sets
#                        `documents` to every *.openapi.json in DIR (strict variants included)
#   elapsed              the seconds since the test started, to one decimal
# and a scratch folder `work`, deleted on exit.
start_ns="$(date +%s%N)"
skip() { echo "$name: SKIPPED: $*" >&2; exit 77; }
fail() { echo "$name: FAIL: $*" >&2; exit 1; }
elapsed() { awk -v ns="$(($(date +%s%N) - start_ns))" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openapi_tools_or_skip() {
  local bin="${OCPMOCK_NPM_BIN:-}" dir
  if [ -z "$bin" ]; then  # ctest run by hand: the cache of the current lockfile, if complete
    dir="$(source "$src/tools/setup.sh" && ocpmock_npm_dir)"
    [ -f "$dir/.ocpmock-complete" ] && bin="$dir/node_modules/.bin"
  fi
  [ -n "$bin" ] || skip "the npm test tools are not installed (run tools/test, or source" \
    "tools/setup.sh and run ocpmock_npm_tools; tools/npm/README.md)"
  command -v node >/dev/null 2>&1 || skip "node is not on PATH"
  export OCPMOCK_NPM_BIN="$bin"
}

openapi_documents() {
  local mock="$1" dir="$2" version
  "$mock" openapi --out "$dir" >"$work/openapi-command.log" 2>&1 \
    || { cat "$work/openapi-command.log" >&2; fail "$mock openapi --out $dir failed"; }
  for version in "$src"/schemas/versions/*/; do
    version="$(basename "$version")"
    [ -s "$dir/ocp-$version.openapi.json" ] \
      || fail "ocp-mock openapi wrote no ocp-$version.openapi.json"
  done
  [ -s "$dir/ocp-mock-control.openapi.json" ] \
    || fail "ocp-mock openapi wrote no ocp-mock-control.openapi.json"
  documents=("$dir"/*.openapi.json)
}
