#!/usr/bin/env bash
# Runs a client project's tests against ocp-mock, as a CI job does (docs/ci.md). The usage,
# with the exit statuses, is usage() below (`with-ocp-mock.sh --help` prints it).
set -Eeuo pipefail
me="with-ocp-mock.sh"
# Until the command runs, every failure is the script's own: 125, the command has not run.
trap 'echo "$me: failed at line $LINENO; the command did not run (exit 125)" >&2; exit 125' ERR

usage() {
  cat <<'EOF'
with-ocp-mock.sh [--fixtures DIR] [--artifacts DIR] [-- OCP-MOCK FLAGS...] -- COMMAND...

Starts ocp-mock (from PATH, or $OCP_MOCK) on a free port with the clock frozen, waits for its
ready line, runs COMMAND with OCP_URL set to the mock's address, and stops the mock.

--artifacts DIR (default: ocp-mock-artifacts) is where the script writes its two files,
ocp-mock.log (the mock's log) and, when COMMAND fails, journal.json (every request the journal
held, paged in whole: a JSON array of the answers of GET /__mock/requests?size=2000&page=N,
N = 1, 2, ...). DIR may be shared with other steps: the script creates DIR if it is missing and
refuses to start if either file is already there; it never deletes or overwrites a file it did
not create. After a passing COMMAND it removes its files, and DIR if it created it and DIR is
then empty; after a failing one it keeps them.

Exit status:
  0      COMMAND passed.
  1-255  COMMAND failed: its own status, passed on unchanged (127: COMMAND not found).
  125    COMMAND did not run: bad usage, a DIR the script cannot create or a file of the
         script's already in it, or ocp-mock did not start (its log is printed, and kept in
         DIR). A COMMAND that itself exits 125 also gives 125: the script's last line on stderr
         says which.
EOF
}

# The script's own failures: COMMAND has not run.
refuse() { echo "$me: $*" >&2; exit 125; }
bad_usage() { echo "$me: $*" >&2; usage >&2; exit 125; }

mock="${OCP_MOCK:-ocp-mock}"
fixtures="" artifacts="ocp-mock-artifacts"
mock_flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --fixtures|--artifacts)
      if [ $# -lt 2 ] || [ -z "$2" ]; then bad_usage "$1 needs a folder"; fi
      if [ "$1" = --fixtures ]; then fixtures="$2"; else artifacts="$2"; fi
      shift 2 ;;
    --) shift
        # Flags for ocp-mock up to a second --, if there is one.
        if printf '%s\n' "$@" | grep -qx -- '--'; then
          while [ "$1" != "--" ]; do mock_flags+=("$1"); shift; done
          shift
        fi
        break ;;
    *) bad_usage "unknown argument $1" ;;
  esac
done
[ $# -gt 0 ] || bad_usage "no command to run (after --)"
if [ -n "$fixtures" ]; then mock_flags+=(--fixtures "$fixtures"); fi

# The folders of DIR's path that do not exist yet, deepest first: the only ones the script may
# remove, and only when empty.
created_dirs=()
d="$artifacts"
while [ ! -e "$d" ] && [ ! -L "$d" ]; do
  created_dirs+=("$d")
  parent="$(dirname -- "$d")"
  [ "$parent" != "$d" ] || break
  d="$parent"
done
mkdir -p -- "$artifacts" 2>/dev/null || refuse "cannot create the artifacts folder $artifacts"
log="$artifacts/ocp-mock.log"
journal="$artifacts/journal.json"
for f in "$log" "$journal"; do
  if [ -e "$f" ] || [ -L "$f" ]; then
    refuse "$f is already there (an earlier run's?); the script never overwrites a file it did" \
      "not create: remove it, or pass another --artifacts folder"
  fi
done
tmp="$(mktemp -d)"
# noclobber: the log is created here, never written over one that appeared meanwhile.
(set -C; : >"$log") 2>/dev/null || { rm -rf -- "$tmp"; refuse "cannot create $log"; }
mock_pid=""
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; fi
  rm -rf -- "$tmp"
}
trap cleanup EXIT

# Whether the mock has ended; if it has, sets ended to how: "exited with status N" or "was killed
# by signal N".
mock_ended() {
  if kill -0 "$mock_pid" 2>/dev/null; then return 1; fi
  local st=0
  wait "$mock_pid" 2>/dev/null || st=$?
  if [ "$st" -gt 128 ]; then ended="was killed by signal $((st - 128))"
  else ended="exited with status $st"; fi
}

# The mock's stdout through a FIFO: a plain background job, whose pid and status stay known
# however soon it exits (a coproc's variables are unset when it ends).
mkfifo "$tmp/stdout"
"$mock" --port 0 --time-scale 0 "${mock_flags[@]}" >"$tmp/stdout" 2>>"$log" &
mock_pid=$!
exec {mock_out}<"$tmp/stdout"
# The ready line, never a sleep: ocp-mock prints it once it serves.
ready="" got=0
read -t 60 -r -u "$mock_out" ready || got=$?
if [ "$got" -ne 0 ] || [ "${ready#listening on }" = "$ready" ]; then
  how="within 60 s"
  if [ "$got" -eq 0 ]; then
    how="(it printed \"$ready\" instead of its ready line)"
  elif [ "$got" -le 128 ]; then  # not a time-out: the mock closed its stdout, it is ending
    wait "$mock_pid" 2>/dev/null && st=0 || st=$?
    mock_pid=""
    how="(it exited with status $st)"
    if [ "$st" -gt 128 ]; then how="(it was killed by signal $((st - 128)))"; fi
  fi
  echo "$me: ocp-mock did not start $how; its log, kept in $log:" >&2
  cat "$log" >&2
  refuse "ocp-mock did not start, so the command did not run (exit 125)"
fi
export OCP_URL="${ready#listening on }"
echo "$me: ocp-mock serves on $OCP_URL" >&2

# Whether the mock has ended; if it has, sets gone to what happened.
mock_gone() {
  mock_ended || return 1
  gone="ocp-mock $ended while the command ran"
}

# The whole journal into $tmp/journal.json: every page of GET /__mock/requests, in order, as one
# JSON array. Sets journal_note (what it holds) or, when it cannot, why_not.
field() { grep -o "\"$1\":[0-9][0-9]*" "$2" | cut -d: -f2; }
fetch_journal() {
  local n pages total dropped err
  for _ in 1 2 3; do
    n=1 pages=1 total="" dropped=""
    while [ "$n" -le "$pages" ]; do
      if ! err="$(curl -sS --fail --max-time 60 -o "$tmp/page$n" \
          "$OCP_URL/__mock/requests?size=2000&page=$n" 2>&1)"; then
        why_not="ocp-mock did not answer GET /__mock/requests ($err)"
        return 1
      fi
      # Each number occurs once: in an entry, a quote is escaped and a parameter's value is a list.
      if [ "$(field totalPages "$tmp/page$n" | wc -l)" -ne 1 ] \
          || [ "$(field totalElements "$tmp/page$n" | wc -l)" -ne 1 ] \
          || [ "$(field dropped "$tmp/page$n" | wc -l)" -ne 1 ]; then
        why_not="GET /__mock/requests answered what the script cannot read (page $n)"
        return 1
      fi
      if [ "$n" -eq 1 ]; then
        pages="$(field totalPages "$tmp/page1")"
        total="$(field totalElements "$tmp/page1")"
        dropped="$(field dropped "$tmp/page1")"
      elif [ "$(field totalElements "$tmp/page$n")" != "$total" ] \
          || [ "$(field dropped "$tmp/page$n")" != "$dropped" ]; then
        continue 2  # a request came in while the pages were read: read them all again
      fi
      n=$((n + 1))
    done
    {
      printf '['
      cat "$tmp/page1"
      n=2
      while [ "$n" -le "$pages" ]; do printf ','; cat "$tmp/page$n"; n=$((n + 1)); done
      printf ']\n'
    } >"$tmp/journal.json"
    journal_note="$total requests, newest first"
    if [ "$dropped" -gt 0 ]; then
      journal_note="$journal_note; not in it: the $dropped older ones the journal's bound"
      journal_note="$journal_note (--journal-size) dropped"
    fi
    return 0
  done
  why_not="requests kept coming in while the journal was read (3 tries)"
  return 1
}

status=0
"$@" {mock_out}<&- || status=$?
# From here on the verdict is the command's status, whatever the reporting below runs into.
set +eE
trap - ERR
gone=""
mock_gone || true
if [ "$status" -ne 0 ]; then
  kept="$log" why_not="" journal_note=""
  if [ -n "$gone" ]; then
    why_not="$gone"
  elif fetch_journal; then
    # noclobber again: a journal.json that appeared meanwhile is not the script's to write over.
    if ! (set -C; : >"$journal") 2>/dev/null; then
      why_not="$journal appeared while the command ran; it is left as it is"
    elif cat "$tmp/journal.json" >"$journal"; then
      kept="$journal ($journal_note) and $log"
    else
      rm -f -- "$journal"
      why_not="$journal could not be written"
    fi
  elif mock_gone; then
    why_not="$gone"
  fi
  [ -z "$why_not" ] || echo "$me: no journal.json: $why_not" >&2
  echo "$me: the tests failed (the command exited with status $status); kept $kept" >&2
fi

# Stop the mock, so that its log is complete (or no longer written) before it is kept or removed.
kill "$mock_pid" 2>/dev/null || true
wait "$mock_pid" 2>/dev/null || true
mock_pid=""

if [ "$status" -eq 0 ]; then
  if [ -n "$gone" ]; then
    echo "$me: the tests passed, but $gone; kept $log" >&2
  else
    rm -f -- "$log"
    for d in "${created_dirs[@]}"; do rmdir -- "$d" 2>/dev/null || break; done
    echo "$me: the tests passed" >&2
  fi
fi
exit "$status"
