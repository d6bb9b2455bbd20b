#!/usr/bin/env bash
# Runs the keychain tests against a real Secret Service: a private D-Bus session with a
# throwaway GNOME Keyring, unlocked with a password given on stdin, as on a headless machine.
# Nothing touches the keyring of the person running it.
#   tests/keychain/run.sh                 # the sla-signing keychain tests
#   tests/keychain/run.sh CARGO-ARGS...   # other tests, in the same kind of session
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
fail() { echo "keychain test: $*" >&2; exit 1; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install dbus-daemon gnome-keyring"
done
[ "$#" -gt 0 ] || set -- test -p sla-signing --test keychain

if [ -z "${SLA_KEYCHAIN_SESSION:-}" ]; then
  # Start over inside a session bus of our own; it ends, with everything on it, when we do.
  exec env SLA_KEYCHAIN_SESSION=1 dbus-run-session -- "$0" "$@"
fi

keyring="$(mktemp -d)"
daemon=""
cleanup() {
  if [ -n "$daemon" ]; then kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$keyring"
}
trap cleanup EXIT

# The keyring lives in a temporary home; the daemon stays in the foreground so it is ours to stop.
printf 'keychain-test' | HOME="$keyring" XDG_DATA_HOME="$keyring" XDG_RUNTIME_DIR="$keyring" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring/daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q true && break
  kill -0 "$daemon" 2>/dev/null || { cat "$keyring/daemon.log" >&2; fail "gnome-keyring-daemon stopped"; }
  sleep 0.1
done
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
  org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>&1 \
  | grep -q 'boolean false' || { cat "$keyring/daemon.log" >&2; fail "the test keyring is not unlocked"; }
echo "keychain test: $(gnome-keyring-daemon --version | head -n 1), on a private session bus"

cd "$root"
SLA_STUDIO_REQUIRE_KEYCHAIN=1 cargo "$@" -- --nocapture
