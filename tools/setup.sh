# Shared set-up for tools/run and tools/test: installs what is missing, then configures and builds.
# Sourced, not executed. Quiet when there is nothing to install.
set -euo pipefail

OCPMOCK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OCPMOCK_DEPS="${OCPMOCK_ROOT}/.deps"
OCPMOCK_BUILD="${OCPMOCK_BUILD:-${OCPMOCK_ROOT}/build}"

# Debian packages the build and tests need. Valijson is handled apart (see ensure_valijson).
OCPMOCK_PACKAGES=(g++ make cmake pkg-config libpistache-dev rapidjson-dev libcli11-dev libbenchmark-dev
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

ocpmock_setup() {
  ensure_packages "${OCPMOCK_PACKAGES[@]}"
  ensure_valijson
}

# How the scripts configure a build: optimised, warnings as errors, and line tables only (-g1:
# enough for backtraces and perf; full debug info nearly doubled the compile time of a test file,
# 8.2 s against 4.4 s, and the build is most of tools/test --full's 20-minute budget). Configure
# a folder of your own for a debugger's full view.
OCPMOCK_CONFIGURE=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
  -DMOCK_WERROR=ON)

# ocpmock_quiet DIR: the build tool's own flags for a quiet build in DIR (make's; none for a
# folder a user configured with Ninja).
ocpmock_quiet() { [ -f "$1/build.ninja" ] || echo "-- --no-print-directory -s"; }

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
  cmake --build "$dir" --parallel "$(nproc)" $(ocpmock_quiet "$dir")
}
