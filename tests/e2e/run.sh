#!/usr/bin/env bash
# Runs the end-to-end suite against the built app: a virtual X display, tauri-driver in front of
# WebKitWebDriver, a fresh data folder, then cleans everything up.
#   SLA_STUDIO_BIN=target/debug/sla-studio tests/e2e/run.sh          # every suite below
#   E2E_SUITES=reviews.e2e.mjs SLA_STUDIO_BIN=... tests/e2e/run.sh    # only the monthly reviews
#   E2E_SUITES=conflict.e2e.mjs SLA_STUDIO_BIN=... tests/e2e/run.sh   # only the suites named
#   SLA_STUDIO_BIN=... tests/e2e/run.sh --perf                        # also the performance figures
#   SLA_STUDIO_BIN=... tests/e2e/run.sh --perf-only                   # only the performance figures
#   PERF_SUITES=reviews-perf.mjs SLA_STUDIO_BIN=... tests/e2e/run.sh --perf-only   # only the reviews view's
# The empty window the figures compare against is built with the profile of SLA_STUDIO_BIN (a binary
# under a `release` folder gets a release baseline, any other a debug one).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
: "${SLA_STUDIO_BIN:?set SLA_STUDIO_BIN to the built sla-studio binary}"
SLA_STUDIO_BIN="$(realpath "$SLA_STUDIO_BIN")"
export SLA_STUDIO_BIN
[ -x "$SLA_STUDIO_BIN" ] || { echo "run.sh: $SLA_STUDIO_BIN is not an executable" >&2; exit 1; }
command -v tauri-driver >/dev/null || export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || { echo "run.sh: tauri-driver is missing: cargo install tauri-driver --locked" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "run.sh: WebKitWebDriver is missing: apt-get install webkit2gtk-driver" >&2; exit 1; }

perf=0
suite=1
case "${1:-}" in
  --perf) perf=1 ;;
  --perf-only) perf=1; suite=0 ;;
  "") ;;
  *) echo "run.sh: unknown option $1 (--perf, --perf-only)" >&2; exit 2 ;;
esac
profile=debug
case "$SLA_STUDIO_BIN" in */release/*) profile=release ;; esac

[ -d "$here/node_modules/webdriverio" ] || npm --prefix "$here" ci --no-audit --no-fund

work="$(mktemp -d -t sla-e2e.XXXXXX)"
mkdir -p "$root/tests/artifacts/screens"

xvfb_pid=""
driver_pid=""
bus_pid=""
disk=""
descendants() { local p; for p in $(pgrep -P "$1"); do descendants "$p"; echo "$p"; done; }
cleanup() {
  # An app whose session failed stays running after its driver is gone: end those first.
  [ -n "$driver_pid" ] && kill $(descendants "$driver_pid") 2>/dev/null || true
  [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  # Lazily, should a process the driver ended still hold a file there.
  [ -n "$disk" ] && { umount "$disk" 2>/dev/null || umount --lazy "$disk" 2>/dev/null; } || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A display number nobody uses.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done

# Two free ports, so that runs started side by side on one machine do not meet: tauri-driver's,
# and the WebKitWebDriver's behind it.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=4444
while ! port_free "$port" || ! port_free $((port + 1)); do port=$((port + 2)); done
export WEBDRIVER_PORT="$port"

# tauri-driver starts each app with its own environment: a driver per data folder.
start_driver() {
  export SLA_STUDIO_DATA_DIR="$work/$1"
  mkdir -p "$SLA_STUDIO_DATA_DIR"
  tauri-driver --port "$port" --native-port $((port + 1)) >>"$work/tauri-driver.log" 2>&1 &
  driver_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
}
stop_driver() {
  kill $(descendants "$driver_pid") 2>/dev/null || true
  kill "$driver_pid" 2>/dev/null || true
  wait "$driver_pid" 2>/dev/null || true
  driver_pid=""
  while ! port_free "$port"; do sleep 0.1; done
}

# A private D-Bus session bus, as a desktop session has: a second start finds the open window on it.
start_bus() {
  command -v dbus-daemon >/dev/null || { echo "run.sh: dbus-daemon is missing: apt-get install dbus-daemon" >&2; exit 1; }
  local out
  out="$(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)"
  export DBUS_SESSION_BUS_ADDRESS="$(sed -n 1p <<<"$out")"
  bus_pid="$(sed -n 2p <<<"$out")"
}
stop_bus() {
  kill "$bus_pid" 2>/dev/null || true
  bus_pid=""
  unset DBUS_SESSION_BUS_ADDRESS
}

status=0
if [ "$suite" = 1 ]; then
  # Each suite starts from an empty data folder of its own.
  for suite_file in ${E2E_SUITES:-wizard.e2e.mjs signing.e2e.mjs paging.e2e.mjs conflict.e2e.mjs recovery.e2e.mjs instance.e2e.mjs disk.e2e.mjs reviews.e2e.mjs negotiation.e2e.mjs templates.e2e.mjs}; do
    name="${suite_file%%.*}"
    case "$name" in
      instance) start_bus ;;
      disk)
        # The data folder on a small disk of its own, to fill up (mounting needs root).
        disk="$work/disk"
        mkdir -p "$disk"
        if ! mount -t tmpfs -o size=8m,mode=0755 tmpfs "$disk" 2>"$work/mount.log"; then
          echo "run.sh: SKIPPED disk.e2e.mjs: cannot mount a tmpfs ($(cat "$work/mount.log")); run as root" >&2
          disk=""
          continue
        fi
        ;;
    esac
    start_driver "$name"
    (cd "$here" && node --test --test-timeout=900000 "$suite_file") || status=$?
    stop_driver
    case "$name" in
      instance) stop_bus ;;
      disk) { umount "$disk" 2>/dev/null || umount --lazy "$disk"; } || true; disk="" ;;
    esac
  done
fi
if [ "$perf" = 1 ]; then
  # perf.mjs: start-up and memory beside an empty window; reviews-perf.mjs: the reviews view (a
  # 100,000-row import, 12 periods, memory beside the wizard). Each in a data folder of its own.
  for perf_file in ${PERF_SUITES:-perf.mjs reviews-perf.mjs}; do
    [ "$status" = 0 ] || break
    start_driver "${perf_file%%.*}"
    case "$perf_file" in
      perf.mjs)
        empty="$here/empty-app/target/$profile/sla-empty-window"
        release_flag=""
        [ "$profile" = release ] && release_flag="--release"
        echo "Building the empty Tauri window ($profile) for the memory baseline (first time: several minutes)..."
        (cd "$here/empty-app" && CARGO_TARGET_DIR="$here/empty-app/target" cargo build --quiet $release_flag --features custom-protocol)
        (cd "$here" && EMPTY_WINDOW_BIN="$empty" BUILD_PROFILE="$profile" node perf.mjs) || status=$?
        ;;
      *) (cd "$here" && BUILD_PROFILE="$profile" node "$perf_file") || status=$? ;;
    esac
    stop_driver
  done
fi
if [ "$status" != 0 ]; then
  echo "--- tauri-driver log (last 40 lines)" >&2
  tail -40 "$work/tauri-driver.log" >&2 || true
fi
exit "$status"
