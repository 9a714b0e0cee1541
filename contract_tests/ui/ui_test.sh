#!/usr/bin/env bash
# The page (/__mock/ui) in a real browser: headless Chromium from Debian's package, driven by
# puppeteer-core from the npm test tools (tools/npm/README.md), over contract_tests/ui/ui.test.mjs
# (Node's own test runner). Each view's screenshot is written to SCREENSHOT_DIR, and copied to
# docs/ui/ only with OCPMOCK_UPDATE_SCREENSHOTS=1 (docs/ui.md, "Tests").
#   contract_tests/ui/ui_test.sh OCP_MOCK_BINARY SOURCE_DIR SCREENSHOT_DIR
# Without the npm tools, puppeteer-core among them, or without a Chromium, it exits 77, which
# ctest reports as skipped (SKIP_RETURN_CODE), saying why. OCPMOCK_CHROMIUM names another browser
# binary (a Chromium or Chrome) than the one on PATH.
set -uo pipefail
mock="$1"
src="$2"
shots="$3"
name="ui browser test"
# skip, fail, openapi_tools_or_skip (exports OCPMOCK_NPM_BIN) and a scratch folder `work`.
source "$src/contract_tests/openapi_tools_lib.sh"
openapi_tools_or_skip
[ -f "$OCPMOCK_NPM_BIN/../puppeteer-core/package.json" ] \
  || skip "puppeteer-core is not in the npm test tools at $OCPMOCK_NPM_BIN/.. (an install of an" \
    "older tools/npm/package-lock.json: run tools/test, or source tools/setup.sh and run" \
    "ocpmock_npm_tools)"
browser="${OCPMOCK_CHROMIUM:-}"
if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
  done
fi
[ -n "$browser" ] && [ -x "$browser" ] \
  || skip "no Chromium to drive (Debian's package chromium, which tools/setup.sh installs when" \
    "it can: apt-get install chromium; or set OCPMOCK_CHROMIUM to a Chromium or Chrome binary)"

OCP_MOCK="$mock" OCPMOCK_CHROMIUM="$browser" OCPMOCK_UI_SHOTS="$shots" OCPMOCK_SOURCE_DIR="$src" \
  node --test --test-reporter=spec "$src/contract_tests/ui/ui.test.mjs" \
  || fail "the browser tests failed (above); the screenshots taken are in $shots"
echo "$name: every browser test passed in $(elapsed) s with $("$browser" --version 2>/dev/null);" \
  "screenshots in $shots"
