#!/usr/bin/env bash
# Runs a Windows program under Wine, in a prefix of the build's own (never the user's ~/.wine):
#   tests/windows/wine-run.sh PROGRAM.exe ARGS...
# It is cargo's test runner for x86_64-pc-windows-gnu (CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER),
# so the core's tests run as Windows programs. The prefix gets the one DLL Wine 8 lacks
# (bcryptprimitives.dll's ProcessPrng, which Rust's standard library needs), built here with mingw.
# The tests check what the Windows build writes with the same Linux tools as on Linux (poppler,
# qpdf, pyHanko, OpenSSL, Python), each reached as TOOL.exe on the Windows PATH (WINEPATH): a copy
# of unix-tool.c, which runs it through unix-tool.sh and passes its output back.
# WINEPREFIX, when set, names another prefix (the installer test uses a fresh one).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="${CARGO_TARGET_DIR:-$here/../../target}"
export WINEPREFIX="${WINEPREFIX:-$target/wine/prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono or Gecko installers offered when the prefix is made (nothing may be downloaded), and no
# menu entries written into the Linux desktop for what is installed in the prefix.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n,b${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"
command -v wine >/dev/null || { echo "wine-run: Wine is missing: apt-get install wine wine64" >&2; exit 127; }

shim="$target/wine/bcryptprimitives.dll"
if [ ! -f "$shim" ] || [ "$here/bcryptprimitives.c" -nt "$shim" ]; then
  mkdir -p "$target/wine"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$shim.tmp" "$here/bcryptprimitives.c" \
    "$here/bcryptprimitives.def" -ladvapi32
  mv "$shim.tmp" "$shim"
fi
system32="$WINEPREFIX/drive_c/windows/system32"
if [ ! -f "$system32/bcryptprimitives.dll" ] || ! cmp -s "$shim" "$system32/bcryptprimitives.dll"; then
  # A new prefix is made by its first program; wineboot makes it without one.
  [ -d "$system32" ] || wine wineboot --init >/dev/null 2>&1
  wineserver -w 2>/dev/null || true
  cp "$shim" "$system32/bcryptprimitives.dll"
fi
tools="$target/wine/unix-tools"
mkdir -p "$tools"
if [ ! -f "$tools/unix-tool.exe" ] || [ "$here/unix-tool.c" -nt "$tools/unix-tool.exe" ]; then
  x86_64-w64-mingw32-gcc -municode -O2 -o "$tools/unix-tool.exe.tmp" "$here/unix-tool.c"
  mv "$tools/unix-tool.exe.tmp" "$tools/unix-tool.exe"
fi
cmp -s "$here/unix-tool.sh" "$tools/unix-tool-sh.exe" || cp "$here/unix-tool.sh" "$tools/unix-tool-sh.exe"
for tool in pdfsig pdftotext pdfinfo pdfdetach pdffonts pdftoppm pdfimages qpdf openssl pyhanko python3; do
  cmp -s "$tools/unix-tool.exe" "$tools/$tool.exe" || cp "$tools/unix-tool.exe" "$tools/$tool.exe"
done
export WINEPATH="Z:${tools//\//\\}${WINEPATH:+;$WINEPATH}" # Z: is the Linux root
# Test programs live in target/.../deps; WebView2Loader.dll, which programs linking Tauri load at
# start, is one folder up, beside sla-studio.exe.
if [ "$(basename "$(dirname "$1")")" = deps ]; then
  up="$(cd "$(dirname "$1")/.." && pwd)"
  WINEPATH="$WINEPATH;Z:${up//\//\\}"
fi
exec wine "$@"
