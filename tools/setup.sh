# Shared set-up for tools/run and tools/test: installs what is missing, then configures and builds.
# Sourced, not executed. Quiet when there is nothing to install.
set -euo pipefail

OCPMOCK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OCPMOCK_DEPS="${OCPMOCK_ROOT}/.deps"
OCPMOCK_BUILD="${OCPMOCK_BUILD:-${OCPMOCK_ROOT}/build}"

# Debian packages the build and tests need. Valijson is handled apart (see ensure_valijson).
OCPMOCK_PACKAGES=(g++ make cmake ninja-build pkg-config libpistache-dev rapidjson-dev libcli11-dev libbenchmark-dev
  libcurl4-openssl-dev libgtest-dev libgmock-dev ca-certificates openssl curl clang-format
  python3 dpkg-dev)

ocpmock_log() { printf '[ocpmock] %s\n' "$*" >&2; }

ocpmock_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else ocpmock_log "need root to run: $*"; return 1; fi
}

ocpmock_apt_updated=0
ocpmock_apt_update() {
  [ "$ocpmock_apt_updated" -eq 1 ] && return 0
  ocpmock_log "apt-get update"
  ocpmock_as_root apt-get update -qq >/dev/null
  ocpmock_apt_updated=1
}

ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  ocpmock_log "installing from Debian: ${missing[*]}"
  ocpmock_apt_update
  DEBIAN_FRONTEND=noninteractive ocpmock_as_root \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Valijson is header-only, but Debian's libvalijson-dev depends on Qt 5, Poco, yaml-cpp, jsoncpp
# and more (about 70 packages) for adapters we never use. We take Debian's own .deb with
# `apt-get download` and unpack its headers into .deps/, which touches nothing system-wide.
# An existing system install is used as it is.
ensure_valijson() {
  [ -f /usr/include/valijson/validator.hpp ] && return 0
  [ -f "${OCPMOCK_DEPS}/valijson/usr/include/valijson/validator.hpp" ] && return 0
  ocpmock_log "unpacking Debian's libvalijson-dev (headers only) into .deps/valijson"
  ocpmock_apt_update
  local tmp; tmp="$(mktemp -d)"
  chmod 755 "$tmp"
  (cd "$tmp" && apt-get download -qq libvalijson-dev >/dev/null 2>&1) || {
    ocpmock_log "apt-get download libvalijson-dev failed"; rm -rf "$tmp"; return 1; }
  rm -rf "${OCPMOCK_DEPS}/valijson.tmp"
  mkdir -p "${OCPMOCK_DEPS}/valijson.tmp"
  dpkg-deb -x "$tmp"/libvalijson-dev_*.deb "${OCPMOCK_DEPS}/valijson.tmp"
  rm -rf "${OCPMOCK_DEPS}/valijson" "$tmp"
  mv "${OCPMOCK_DEPS}/valijson.tmp" "${OCPMOCK_DEPS}/valijson"
}

# Clang and its sanitizer runtimes: the fuzzers, and tools/test --full's sanitizer builds.
ocpmock_ensure_clang() { ensure_packages clang libclang-rt-14-dev; }

# The test tools from the npm registry (Spectral, Prism, ajv, ...: tools/npm/README.md), at the
# versions tools/npm/package-lock.json pins. `npm ci` installs them once per lockfile into a
# folder outside the clone named by the lockfile's SHA-256, which every clone and every later run
# reuses: 310 MB, in 30 s (npm's own cache warm) to 90 s (cold), once.
OCPMOCK_NPM_LOCK="${OCPMOCK_ROOT}/tools/npm/package-lock.json"

# ocpmock_npm_dir: prints the folder the current lockfile's tools are (or would be) installed in;
# it is complete when it holds .ocpmock-complete.
ocpmock_npm_dir() {
  local sum
  sum="$(sha256sum "$OCPMOCK_NPM_LOCK" | cut -d' ' -f1)"
  printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/ocpmock/npm/${sum}"
}

# ocpmock_npm_install DIR: npm ci into a new folder beside DIR, renamed to DIR once complete, so
# that DIR is never half there. One install at a time (a lock file beside it); it removes only
# the folder it made, and leaves a DIR it did not make as it is.
ocpmock_npm_install() {
  local dir="$1" parent
  parent="$(dirname "$dir")"
  mkdir -p "$parent" || return 1
  (
    flock 9
    [ -f "$dir/.ocpmock-complete" ] && exit 0
    if [ -e "$dir" ]; then
      ocpmock_log "$dir is there but not a complete install (not made by this script): left as it is"
      exit 1
    fi
    tmp="$(mktemp -d "${parent}/.install.XXXXXX")" && chmod 755 "$tmp" || exit 1
    cp "${OCPMOCK_ROOT}/tools/npm/package.json" "$OCPMOCK_NPM_LOCK" "$tmp/"
    ocpmock_log "installing the npm test tools (tools/npm/package-lock.json) into $dir"
    # No install scripts: none of the tools needs one, and the one in the tree
    # (@scarf/scarf's) only reports the install to its authors.
    if ! (cd "$tmp" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
          --fetch-timeout=60000 --fetch-retries=1 >"$tmp/npm-ci.log" 2>&1); then
      tail -n 20 "$tmp/npm-ci.log" >&2
      rm -rf "$tmp"
      exit 1
    fi
    rm -f "$tmp/npm-ci.log"
    touch "$tmp/.ocpmock-complete"
    mv -T "$tmp" "$dir" || { rm -rf "$tmp"; exit 1; }
  ) 9>"${parent}/.lock"
}

# ocpmock_npm_tools: installs the npm test tools unless their folder is complete, and exports
# OCPMOCK_NPM_BIN, its node_modules/.bin, which the tests labelled npm read (tools/npm/README.md).
# Node.js and npm come from Debian when the machine lacks either. When they cannot be had, or the
# registry cannot be reached, it says so and exports OCPMOCK_NPM_BIN empty: those tests are then
# skipped, each saying why, and the rest of the suite runs.
ocpmock_npm_tools() {
  local dir
  dir="$(ocpmock_npm_dir)"
  export OCPMOCK_NPM_BIN=""
  if [ ! -f "$dir/.ocpmock-complete" ]; then
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
      ensure_packages nodejs npm || true
    fi
    if ! command -v npm >/dev/null 2>&1 || ! ocpmock_npm_install "$dir"; then
      ocpmock_log "the npm test tools are not installed (no npm, the registry unreachable, or" \
        "as said above): the tests labelled npm will be skipped"
      return 0
    fi
  fi
  OCPMOCK_NPM_BIN="${dir}/node_modules/.bin"
}

# ocpmock_npm_found: exports OCPMOCK_NPM_BIN when the tools are installed and complete (after
# ocpmock_npm_tools ran in a job of its own), or as empty.
ocpmock_npm_found() {
  local dir
  dir="$(ocpmock_npm_dir)"
  export OCPMOCK_NPM_BIN=""
  if [ -f "$dir/.ocpmock-complete" ]; then OCPMOCK_NPM_BIN="${dir}/node_modules/.bin"; fi
}

# ocpmock_ensure_chromium: the browser the page's tests drive (contract_tests/ui/, docs/ui.md):
# Debian's chromium, installed when missing and no other is named (OCPMOCK_CHROMIUM). It never
# fails: without a browser the tests labelled browser are skipped, each saying why.
ocpmock_ensure_chromium() {
  [ -n "${OCPMOCK_CHROMIUM:-}" ] && return 0
  command -v chromium >/dev/null 2>&1 && return 0
  ensure_packages chromium || ocpmock_log "chromium could not be installed from Debian: the" \
    "tests labelled browser will be skipped"
  return 0
}

ocpmock_setup() {
  ensure_packages "${OCPMOCK_PACKAGES[@]}"
  ensure_valijson
}

# How the scripts configure a build: optimised, warnings as errors, and line tables only (-g1:
# enough for backtraces and perf; full debug info nearly doubled the compile time of a test file,
# 8.2 s against 4.4 s, and the build is most of tools/test --full's 20-minute budget). Configure
# a folder of your own for a debugger's full view.
# Ninja, not make: a unity build (CMakeLists.txt) has few, large files per library, and make
# builds a library's files only once the libraries it depends on are built, which leaves one of
# two cores idle along the chain; Ninja waits only to link.
OCPMOCK_CONFIGURE=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
  -DMOCK_WERROR=ON)

# ocpmock_quiet DIR: the build tool's own flags for a quiet build in DIR (Ninja's, or make's for
# a folder configured with make).
ocpmock_quiet() { if [ -f "$1/build.ninja" ]; then echo "-- --quiet"; else echo "-- --no-print-directory -s"; fi; }

# ocpmock_build_targets DIR TARGET...: configures like ocpmock_build, builds only TARGETs.
ocpmock_build_targets() {
  local dir="$1"; shift
  if [ ! -f "${dir}/CMakeCache.txt" ]; then
    cmake -S "$OCPMOCK_ROOT" -B "$dir" "${OCPMOCK_CONFIGURE[@]}" >/dev/null
  fi
  local log; log="$(mktemp)"
  if ! cmake --build "$dir" --parallel "$(nproc)" --target "$@" $(ocpmock_quiet "$dir") >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
}

# ocpmock_build BUILD_DIR [cmake -D options...]: configure once, then build everything.
ocpmock_build() {
  local dir="$1"; shift
  if [ ! -f "${dir}/CMakeCache.txt" ]; then
    cmake -S "$OCPMOCK_ROOT" -B "$dir" "${OCPMOCK_CONFIGURE[@]}" "$@" >/dev/null
  fi
  ocpmock_log "building everything in ${dir}"
  cmake --build "$dir" --parallel "$(nproc)" $(ocpmock_quiet "$dir")
}
