#!/usr/bin/env bash
# tools/check-layers on a fake tree: it fails on an include running upward, naming it, passes once
# the include is gone, passes a downward include, and fails on a cycle in the DEPS, on a product
# file in a folder no library owns, and on product code including a test file; tests are free.
#   contract_tests/layers_test.sh [SOURCE_DIR]
set -uo pipefail
src="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
tool="$src/tools/check-layers"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "layers test: $*" >&2; exit 1; }
run() { "$tool" --root "$work" >"$work/out" 2>&1; }

mkdir -p "$work/mock/low" "$work/mock/high" "$work/mock/testing"
cat >"$work/mock/CMakeLists.txt" <<'EOF'
# The lower layer (a comment naming mock_library(mock_ghost) is not an entry).
mock_library(mock_low
  SRCS low/low.cc
  DEPS Threads::Threads)

mock_library(mock_high
  SRCS high/high.cc
  DEPS mock_low
    mock_rapidjson)
EOF
printf '#pragma once\nint Low();\n' >"$work/mock/low/low.h"
printf '#include "mock/low/low.h"\nint Low() { return 1; }\n' >"$work/mock/low/low.cc"
printf '#pragma once\n#include "mock/low/low.h"\nint High();\n' >"$work/mock/high/high.h"
printf '#include "mock/high/high.h"\nint High() { return Low(); }\n' >"$work/mock/high/high.cc"
# Tests may include anything, here and in mock/testing/.
printf '#include "mock/high/high.h"\n' >"$work/mock/low/low_test.cc"
printf '#pragma once\n#include "mock/high/high.h"\n' >"$work/mock/low/test_low.h"
printf '#pragma once\n#include "mock/high/high.h"\n' >"$work/mock/testing/helpers.h"

run || { cat "$work/out"; fail "a tree with downward includes only fails"; }
grep -qx 'layers: ok (4 files, 2 libraries)' "$work/out" || { cat "$work/out"; fail "unexpected summary"; }

# The upward include: low.cc (mock_low) includes high.h (mock_high).
printf '#include "mock/low/low.h"\n\n#include "mock/high/high.h"\nint Low() { return 1; }\n' \
  >"$work/mock/low/low.cc"
run && { cat "$work/out"; fail "an upward include passes"; }
grep -qF 'mock/low/low.cc:3: includes mock/high/high.h (library mock_high), which mock_low does not depend on in mock/CMakeLists.txt: an include running upward or sideways' \
  "$work/out" || { cat "$work/out"; fail "the upward include is not named"; }
printf '#include "mock/low/low.h"\nint Low() { return 1; }\n' >"$work/mock/low/low.cc"
run || { cat "$work/out"; fail "the tree fails once the upward include is removed"; }

# A header that is not a test includes the test helpers.
printf '#pragma once\n#include "mock/testing/helpers.h"\n' >"$work/mock/low/helper.h"
run && fail "product code including mock/testing/ passes"
grep -qF 'mock/low/helper.h:2: includes mock/testing/helpers.h, a test file' "$work/out" \
  || { cat "$work/out"; fail "the include of a test file is not named"; }
rm "$work/mock/low/helper.h"

# A product file in a folder no mock_library has sources in.
mkdir "$work/mock/orphan" && printf 'int x;\n' >"$work/mock/orphan/orphan.cc"
run && fail "a folder with no library passes"
grep -qF 'mock/orphan/orphan.cc: no library owns it' "$work/out" \
  || { cat "$work/out"; fail "the folder with no library is not named"; }
rm -r "$work/mock/orphan"

# A cycle in the DEPS.
sed -i 's/DEPS Threads::Threads/DEPS Threads::Threads mock_high/' "$work/mock/CMakeLists.txt"
run && fail "a cycle in the DEPS passes"
grep -qF 'the DEPS form a cycle: mock_low -> mock_high -> mock_low' "$work/out" \
  || { cat "$work/out"; fail "the cycle is not named"; }

"$tool" --help | grep -q 'The module order is written once' || fail "--help does not say where the order is"
echo "layers test: ok"
