#!/usr/bin/env bash
# Runs a client project's tests against ocp-mock, as a CI job does (docs/ci.md):
#   with-ocp-mock.sh [--fixtures DIR] [--artifacts DIR] [-- OCP-MOCK FLAGS...] -- COMMAND...
# Starts `ocp-mock` (from PATH, or $OCP_MOCK) on a free port in the background, waits for its
# ready line, runs COMMAND with OCP_URL set to the mock's address, and stops the mock. When
# COMMAND fails, the request journal (journal.json) and the mock's log (ocp-mock.log) are kept
# in the artifacts folder (default: ./ocp-mock-artifacts) for the job to upload. Exits with
# COMMAND's status; 2 when the mock does not start.
set -euo pipefail
mock="${OCP_MOCK:-ocp-mock}"
fixtures="" artifacts="ocp-mock-artifacts"
mock_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fixtures) fixtures="$2"; shift 2 ;;
    --artifacts) artifacts="$2"; shift 2 ;;
    --) shift
        # Flags for ocp-mock up to a second --, if there is one.
        if printf '%s\n' "$@" | grep -qx -- '--'; then
          while [ "$1" != "--" ]; do mock_flags+=("$1"); shift; done
          shift
        fi
        break ;;
    *) echo "with-ocp-mock.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "with-ocp-mock.sh: no command to run (after --)" >&2; exit 2; }
mkdir -p "$artifacts"
log="$artifacts/ocp-mock.log"
[ -n "$fixtures" ] && mock_flags+=(--fixtures "$fixtures")

coproc MOCK { exec "$mock" --port 0 --time-scale 0 "${mock_flags[@]}" 2>"$log"; }
mock_pid=$MOCK_PID
trap 'kill "$mock_pid" 2>/dev/null || true' EXIT
# The ready line, never a sleep: ocp-mock prints it once it serves.
if ! read -t 60 -r ready <&"${MOCK[0]}"; then
  echo "with-ocp-mock.sh: ocp-mock did not start:" >&2; cat "$log" >&2; exit 2
fi
export OCP_URL="${ready#listening on }"
echo "with-ocp-mock.sh: ocp-mock serves on $OCP_URL" >&2

status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
  curl -s "$OCP_URL/__mock/requests?size=2000" >"$artifacts/journal.json" || true
  echo "with-ocp-mock.sh: the tests failed ($status); kept $artifacts/journal.json and $log" >&2
else
  rm -rf "$artifacts"
fi
exit "$status"
