#!/usr/bin/env bash
# Builds the .deb as a person would download it, installs it with dpkg, starts the installed app
# under Xvfb, checks that its window appears, and removes the package again.
#   tests/deb/run.sh            # build, then test the package
#   tests/deb/run.sh FILE.deb   # test a package already built
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
fail() { echo "deb test: $*" >&2; exit 1; }

deb="${1:-}"
if [ -z "$deb" ]; then
  # The UI is built first (`make ui`); depth 1 keeps the CLI on this app, not the empty test app.
  (cd "$root" && TAURI_CLI_CONFIG_DEPTH=1 ui/node_modules/.bin/tauri build --bundles deb,rpm --ci)
  deb="$(ls -t "$target"/release/bundle/deb/*.deb | head -n 1)"
fi
[ -f "$deb" ] || fail "no .deb at $deb"
package="$(dpkg-deb -f "$deb" Package)"
echo "deb test: $deb ($(du -k "$deb" | cut -f1) KiB), package $package"

# What the package declares: a desktop entry in the Office menu with a comment and the file types.
desktop="$(dpkg-deb -c "$deb" | grep -o 'usr/share/applications/.*\.desktop$' | head -n 1)"
[ -n "$desktop" ] || fail "the package has no desktop entry"

work="$(mktemp -d)"
xvfb_pid=""; app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  $sudo dpkg -r "$package" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

$sudo dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
installed="/usr/bin/$(dpkg -L "$package" | grep -m1 '^/usr/bin/' | xargs basename)"
[ -x "$installed" ] || fail "no program under /usr/bin"
entry="/${desktop#./}"
grep -q '^Categories=.*Office' "$entry" || fail "desktop entry is not in the Office category"
grep -q '^Comment=.' "$entry" || fail "desktop entry has no comment"
grep -q '^MimeType=.*application/x-sla-studio-agreement' "$entry" || fail "desktop entry does not open .sla.json files"
grep -q '^Exec=sla-studio %f$' "$entry" || fail "desktop entry does not pass the double-clicked file to the app"
grep -q 'pattern="\*.sla.json"' /usr/share/mime/packages/sla-studio.xml || fail "the .sla.json file type is not registered"
echo "deb test: installed $installed; desktop entry $entry"

# The installed program works headless...
SLA_STUDIO_DATA_DIR="$work/data" "$installed" template --list | grep -q sales-marketing || fail "installed CLI does not list templates"

# ...and opens its window.
display=120
while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
DISPLAY=":$display" SLA_STUDIO_DATA_DIR="$work/data" "$installed" >"$work/app.log" 2>&1 &
app_pid=$!
seen=""
for _ in $(seq 150); do
  if DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -q '"SLA Studio"'; then seen=1; break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the installed app exited"; }
  sleep 0.2
done
[ -n "$seen" ] || { cat "$work/app.log" >&2; fail "no window titled SLA Studio appeared"; }
mkdir -p "$root/tests/artifacts"
sleep 2
DISPLAY=":$display" import -window root "$root/tests/artifacts/installed-app.png" 2>/dev/null || true
echo "deb test: the installed app opened its window"
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

$sudo dpkg -r "$package" >/dev/null || fail "dpkg -r failed"
[ ! -e "$installed" ] || fail "$installed is still there after removal"
dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed' && fail "package still installed"
echo "deb test: removed cleanly"
