#!/usr/bin/env bash
# The Debian package as a user gets it: built with cpack from the build folder, inspected with
# dpkg-deb, unpacked into a scratch root, and its ocp-mock run from another directory, which
# must find its bundled data and serve the bundled tasks. No path of the build machine may be
# left in the installed programs, whether the package or `cmake --install` installed them.
#   contract_tests/package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1" source="$2"
scratch="$(mktemp -d)"
trap '[ -n "${MOCK_PID:-}" ] && kill "$MOCK_PID" 2>/dev/null; rm -rf "$scratch"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$scratch/pkg" >/dev/null 2>&1) || fail "cpack failed"
deb="$(ls "$scratch"/pkg/ocpmock_*.deb)"
info="$(dpkg-deb -I "$deb")"
depends="$(sed -n 's/^ Depends: //p' <<<"$info")"
[[ "$depends" == *libpistache0* && "$depends" == *libcurl4* ]] || fail "Depends lacks a runtime library: $depends"
[[ "$depends" != *-dev* ]] || fail "Depends names a development package: $depends"
contents="$(dpkg-deb -c "$deb")"
for f in usr/bin/ocp-mock usr/bin/ocp-compat usr/bin/ocp-record usr/bin/ocp-gen-fixtures \
         usr/share/ocpmock/fixtures/users.json usr/share/ocpmock/schemas/versions/4.2.2/profile.json \
         usr/share/ocpmock/openapi/ocp-4.2.2.openapi.json usr/share/ocpmock/openapi/ocp-3.1.1.openapi.json \
         usr/share/ocpmock/openapi/ocp-mock-control.openapi.json \
         usr/include/ocpmock/server.h "usr/lib/.*libocpmock.so.0" "usr/lib/.*cmake/ocpmock/ocpmockConfig.cmake"; do
  grep -q "\./$f\$" <<<"$contents" || fail "the package lacks $f"
done
if grep -Eq '(_test|tests)$' <<<"$(awk '{print $6}' <<<"$contents" | grep usr/bin/)"; then
  fail "the package carries a test binary"
fi

# The programs and the library under PREFIX (installed by WHAT) name no path of this machine.
no_build_paths() {
  local prefix="$1" what="$2" library
  library="$(find "$prefix" -name 'libocpmock.so.*.*')"
  [ -f "$library" ] || fail "no libocpmock in the $what"
  for exe in "$prefix"/bin/ocp-mock "$prefix"/bin/ocp-compat "$prefix"/bin/ocp-record "$library"; do
    [ -s "$exe" ] || fail "$exe is missing"
    for path in "$source" "$(cd "$build" && pwd)"; do
      if strings "$exe" | grep -qF "$path"; then
        fail "$(basename "$exe") from the $what holds the build machine's path $path"
      fi
    done
  done
}
dpkg-deb -x "$deb" "$scratch/root"
no_build_paths "$scratch/root/usr" "package"
# `cmake --install`, as docs/running.md gives it, strips as cpack does.
cmake --install "$build" --prefix "$scratch/installed" >"$scratch/install.log" 2>&1 ||
  fail "cmake --install failed: $(tail -5 "$scratch/install.log")"
no_build_paths "$scratch/installed" "cmake --install"

# From another directory, with nothing but the package: the ready line, then the bundled tasks.
cd "$scratch"
coproc MOCK { exec "$scratch/root/usr/bin/ocp-mock" --port 0 --time-scale 0 2>"$scratch/mock.log"; }
MOCK_PID=$MOCK_PID
read -t 30 -r ready <&"${MOCK[0]}" || fail "no ready line: $(cat "$scratch/mock.log")"
url="${ready#listening on }"
body="$(curl -s -u admin:Admin@123 "$url/api/v2/tasks/instances?size=1")"
total="$(grep -o '"totalElements":[0-9]*' <<<"$body" | cut -d: -f2)"
[ "${total:-0}" -gt 100 ] || fail "the installed mock serves ${total:-no} tasks: $body"
grep -q "share/ocpmock/fixtures" "$scratch/mock.log" || fail "the log does not say where the fixtures came from: $(cat "$scratch/mock.log")"
"$scratch/root/usr/bin/ocp-compat" diff 4.0.3 4.2.1 | grep -q 'GET /api/status' || fail "the installed ocp-compat finds no schemas"
kill "$MOCK_PID" 2>/dev/null || true; MOCK_PID=

# A client project against the installed package: find_package(ocpmock), its GoogleTest test
# with ocp-mock in process (examples/in-process), built and run from the scratch root.
cmake -S "$source/examples/in-process" -B "$scratch/example" -DCMAKE_PREFIX_PATH="$scratch/root/usr" \
  -DCMAKE_BUILD_TYPE=Release >"$scratch/example.log" 2>&1 || fail "find_package(ocpmock) failed: $(cat "$scratch/example.log")"
cmake --build "$scratch/example" --parallel "$(nproc)" >>"$scratch/example.log" 2>&1 || fail "the example does not build: $(tail -30 "$scratch/example.log")"
"$scratch/example/example_in_process_test" --gtest_brief=1 >"$scratch/example-run.log" 2>&1 || fail "the example's test failed: $(cat "$scratch/example-run.log")"
grep -q "ocpmock_DIR:PATH=$scratch/root/usr" "$scratch/example/CMakeCache.txt" || fail "the example did not use the installed package"
echo "package test: $(basename "$deb") ($depends) serves $total tasks from $scratch/root; the find_package client example built and passed: $(tail -n 1 "$scratch/example-run.log")"
