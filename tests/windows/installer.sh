#!/usr/bin/env bash
# The Windows installer under Wine, in a fresh prefix: a silent install, what it leaves (files,
# shortcuts, Add/Remove entry, file associations), the installed program at work (an agreement
# exported to PDF and signed, the drafts in %APPDATA%), a silent uninstall that keeps the drafts,
# and one with /DELETEDATA that removes them.
#   tests/windows/installer.sh              # builds the installer from the release exe, then tests it
#   tests/windows/installer.sh SETUP.exe    # tests an installer already built
# The release exe comes from `cargo build --release --target x86_64-pc-windows-gnu`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
started=$SECONDS
fail() { echo "installer test: FAILED: $*" >&2; exit 1; }
say() { echo "installer test: $*"; }

for tool in wine wineserver python3 pdfinfo pdfsig iconv; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install wine wine64 python3 poppler-utils libc-bin)"
done

setup="${1:-}"
if [ -z "$setup" ]; then
  built="$("$root/src-tauri/bundle/windows/build-installer.sh")" || fail "the installer did not build"
  setup="${built% (*}"
fi
[ -f "$setup" ] || fail "no installer at $setup"
say "$setup ($(stat -c %s "$setup") bytes)"

# The facts the installer was built from, to compare with what it wrote.
read -r product identifier version < <(python3 - "$root" <<'EOF'
import json, sys, tomllib
from pathlib import Path
root = Path(sys.argv[1])
conf = json.loads((root / "tauri.conf.json").read_text(encoding="utf-8"))
with open(root / "Cargo.toml", "rb") as f:
    version = tomllib.load(f)["workspace"]["package"]["version"]
# Tab-free single words for `read`; the product name's spaces are kept as \x1f.
print(conf["productName"].replace(" ", "\x1f"), conf["identifier"], version)
EOF
)
product="${product//$'\x1f'/ }"

work="$(mktemp -d)"
export WINEPREFIX="$work/prefix"
# Wine links the prefix's Desktop and Documents to $HOME and writes Linux menu entries there:
# a home of the test's own keeps both away from the real one.
export HOME="$work/home"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d"
# The program must find its data folder the Windows way (%APPDATA%).
unset SLA_STUDIO_DATA_DIR
mkdir -p "$HOME"
cleanup() {
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

win() { "$here/wine-run.sh" "$@"; }
# A command's output without the CRs of Windows line ends.
win_out() { win "$@" 2>"$work/stderr" | tr -d '\r'; }

say "making a fresh Wine prefix"
profile_win="$(win_out cmd /c 'echo %USERPROFILE%')"
[ -n "$profile_win" ] || fail "Wine did not report a user profile"
profile="$(win_out winepath -u "$profile_win")"
profile="${profile%/}"
[ -d "$profile" ] || fail "the prefix's user profile $profile is not a folder"
inst="$profile/AppData/Local/Programs/$product"
inst_win="$profile_win\\AppData\\Local\\Programs\\$product"
exe_win="$inst_win\\sla-studio.exe"
data="$profile/AppData/Roaming/$identifier"
start_menu_link="$profile/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/$product.lnk"
desktop_link="$profile/Desktop/$product.lnk"
uninstall_key="HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$identifier"
classes="HKEY_CURRENT_USER\\Software\\Classes"

# Exports HKCU\Software to $work/registry.reg (UTF-8) for reg_value and reg_key below.
export_registry() {
  rm -f "$work/registry.utf16"
  win reg export 'HKCU\Software' 'C:\registry.utf16' /y >/dev/null 2>&1 \
    || fail "reg export of HKCU\\Software failed"
  iconv -f UTF-16 -t UTF-8 "$WINEPREFIX/drive_c/registry.utf16" | tr -d '\r' >"$work/registry.reg"
  rm -f "$WINEPREFIX/drive_c/registry.utf16"
}
# reg_value KEY NAME: prints the value's data ("" for REG_NONE), exit 1 when missing; @ is the default.
reg_value() {
  python3 - "$work/registry.reg" "$1" "$2" <<'EOF'
import re, sys
path, key, name = sys.argv[1], sys.argv[2].lower(), sys.argv[3]
section = None
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("[") and line.endswith("]"):
        section = line[1:-1].lower()
        continue
    if section != key:
        continue
    m = re.match(r'^(@|"((?:[^"\\]|\\.)*)")=(.*)$', line)
    if not m:
        continue
    value_name = "@" if m.group(1) == "@" else re.sub(r"\\(.)", r"\1", m.group(2))
    if value_name.lower() != name.lower():
        continue
    data = m.group(3)
    if data.startswith('"'):
        print(re.sub(r"\\(.)", r"\1", data[1:-1]))
    elif data.startswith("dword:"):
        print(int(data[6:], 16))
    else:
        print(data)
    sys.exit(0)
sys.exit(1)
EOF
}
reg_key() { grep -qixF "[$1]" "$work/registry.reg"; }
expect_value() { # KEY NAME EXPECTED
  local got
  got="$(reg_value "$1" "$2")" || fail "registry: no value $2 under $1"
  [ "$got" = "$3" ] || fail "registry: $1 $2 is '$got', expected '$3'"
}
expect_present() { reg_value "$1" "$2" >/dev/null || fail "registry: no value $2 under $1"; }
expect_gone_key() { ! reg_key "$1" || fail "registry: $1 is still there after uninstalling"; }
expect_gone_value() { ! reg_value "$1" "$2" >/dev/null || fail "registry: $2 under $1 is still there after uninstalling"; }

install_silently() {
  win "$setup" /S || fail "the silent install exited with $?"
  wineserver -w
  [ -f "$inst/sla-studio.exe" ] || fail "no sla-studio.exe in $inst after installing"
}
# The uninstaller copies itself to %TEMP% and returns at once; wineserver -w waits for that copy.
uninstall_silently() {
  [ -f "$inst/uninstall.exe" ] || fail "no uninstall.exe in $inst"
  win "$inst/uninstall.exe" /S "$@" || fail "the silent uninstall ($*) exited with $?"
  wineserver -w
}

say "installing silently"
install_silently
files="$(cd "$inst" && ls -A | sort | tr '\n' ' ')"
# install.log says the WebView2 runtime is missing, as it is under Wine.
[ "$files" = "WebView2Loader.dll install.log sla-studio.exe uninstall.exe " ] \
  || fail "the install folder holds '$files', expected the program, WebView2Loader.dll, install.log and the uninstaller"
iconv -f UTF-16 -t UTF-8 "$inst/install.log" | grep -q "WebView2" \
  || fail "install.log does not mention the missing WebView2 runtime"
[ -f "$start_menu_link" ] || fail "no Start menu shortcut at $start_menu_link"
[ -f "$desktop_link" ] || fail "no desktop shortcut at $desktop_link"
grep -aq "sla-studio.exe" "$start_menu_link" || fail "the Start menu shortcut does not point at sla-studio.exe"

export_registry
expect_value "$uninstall_key" DisplayName "$product"
expect_value "$uninstall_key" DisplayVersion "$version"
expect_present "$uninstall_key" Publisher
expect_value "$uninstall_key" InstallLocation "$inst_win"
expect_value "$uninstall_key" UninstallString "\"$inst_win\\uninstall.exe\""
expect_value "$uninstall_key" QuietUninstallString "\"$inst_win\\uninstall.exe\" /S"
expect_value "$uninstall_key" DisplayIcon "\"$exe_win\",0"
expect_value "$uninstall_key" NoModify 1
expect_value "$uninstall_key" NoRepair 1
size_kib="$(reg_value "$uninstall_key" EstimatedSize)" || fail "no EstimatedSize"
[ "$size_kib" -gt 1000 ] || fail "EstimatedSize is $size_kib KiB, too small for the program"
expect_value "$classes\\.sla.json" @ "SLAStudio.Agreement"
expect_present "$classes\\.json\\OpenWithProgids" SLAStudio.Agreement
expect_value "$classes\\SLAStudio.Agreement\\shell\\open\\command" @ "\"$exe_win\" \"%1\""
expect_value "$classes\\SLAStudio.Agreement\\DefaultIcon" @ "$exe_win,0"
expect_present "$classes\\.pdf\\OpenWithProgids" SLAStudio.Pdf
expect_value "$classes\\SLAStudio.Pdf\\shell\\open\\command" @ "\"$exe_win\" \"%1\""
expect_present "$classes\\Applications\\sla-studio.exe\\SupportedTypes" .pdf
expect_value "$classes\\Applications\\sla-studio.exe\\shell\\open\\command" @ "\"$exe_win\" \"%1\""
! reg_value "$classes\\.pdf" @ >/dev/null || fail "the installer made itself the default PDF viewer"
for key in "$classes\\SLAStudio.Agreement" "$classes\\SLAStudio.Pdf" "$classes\\Applications\\sla-studio.exe"; do
  reg_key "$key" || fail "registry: no key $key"
done
say "files, shortcuts, Add/Remove entry and file associations are in place"

say "the installed program at work"
docs="$WINEPREFIX/drive_c/agreements"
docs_win='C:\agreements'
mkdir -p "$docs"
cd "$inst"
got="$(win_out ./sla-studio.exe --version)" || fail "sla-studio.exe --version failed: $(cat "$work/stderr")"
[ "$got" = "sla-studio $version" ] || fail "sla-studio.exe --version says '$got', expected 'sla-studio $version'"
win_out ./sla-studio.exe template --list | grep -q sales-marketing \
  || fail "template --list does not list sales-marketing: $(cat "$work/stderr")"
win_out ./sla-studio.exe template sales-marketing >"$docs/agreement.sla.json" \
  || fail "template sales-marketing failed: $(cat "$work/stderr")"
draft="$(win_out ./sla-studio.exe import "$docs_win\\agreement.sla.json")" \
  || fail "import failed: $(cat "$work/stderr")"
[[ "$draft" =~ ^[0-9]+$ ]] || fail "import printed '$draft', not a draft id"
[ -f "$data/drafts.sqlite3" ] || fail "the draft was not stored in %APPDATA%\\$identifier ($data)"
win_out ./sla-studio.exe export "$draft" -o "$docs_win\\agreement.pdf" >/dev/null \
  || fail "export of draft $draft failed: $(cat "$work/stderr")"
printf 'correct horse battery staple\n' >"$docs/passphrase.txt"
win_out ./sla-studio.exe identity new --name "Anna Petrova" --role "Head of Marketing" \
  -o "$docs_win\\anna.p12" --passphrase-file "$docs_win\\passphrase.txt" >/dev/null \
  || fail "identity new failed: $(cat "$work/stderr")"
win_out ./sla-studio.exe sign "$docs_win\\agreement.pdf" --identity "$docs_win\\anna.p12" \
  --passphrase-file "$docs_win\\passphrase.txt" -o "$docs_win\\signed.pdf" >/dev/null \
  || fail "sign failed: $(cat "$work/stderr")"
verdict="$(win_out ./sla-studio.exe verify "$docs_win\\signed.pdf")" \
  || fail "verify of the signed PDF failed: $verdict $(cat "$work/stderr")"
cd "$work"
pdfinfo "$docs/signed.pdf" >"$work/pdfinfo" 2>&1 || fail "pdfinfo cannot read the signed PDF: $(cat "$work/pdfinfo")"
pages="$(sed -n 's/^Pages: *//p' "$work/pdfinfo")"
[ "${pages:-0}" -ge 1 ] || fail "the signed PDF has no pages: $(cat "$work/pdfinfo")"
pdfsig "$docs/signed.pdf" >"$work/pdfsig" 2>&1 || true
[ "$(grep -c 'Signature Validation: Signature is Valid.' "$work/pdfsig")" = 1 ] \
  || fail "pdfsig does not find one valid signature: $(cat "$work/pdfsig")"
grep -q 'Anna Petrova' "$work/pdfsig" || fail "pdfsig does not name the signer: $(cat "$work/pdfsig")"
say "exported draft $draft to a $pages-page PDF and signed it; pdfsig agrees"

say "uninstalling silently (the drafts stay)"
uninstall_silently
[ ! -e "$inst" ] || fail "$inst is still there after uninstalling: $(ls -A "$inst" | tr '\n' ' ')"
[ ! -e "$start_menu_link" ] || fail "the Start menu shortcut is still there after uninstalling"
[ ! -e "$desktop_link" ] || fail "the desktop shortcut is still there after uninstalling"
export_registry
expect_gone_key "$uninstall_key"
expect_gone_key "$classes\\SLAStudio.Agreement"
expect_gone_key "$classes\\SLAStudio.Pdf"
expect_gone_key "$classes\\Applications\\sla-studio.exe"
expect_gone_key "$classes\\.sla.json"
expect_gone_value "$classes\\.json\\OpenWithProgids" SLAStudio.Agreement
expect_gone_value "$classes\\.pdf\\OpenWithProgids" SLAStudio.Pdf
[ -f "$data/drafts.sqlite3" ] || fail "uninstalling removed the drafts in $data"
say "program, shortcuts and registry entries are gone; the drafts are kept"

say "installing again, then uninstalling with /DELETEDATA"
install_silently
cd "$inst"
got="$(win_out ./sla-studio.exe drafts)" || fail "drafts failed after reinstalling: $(cat "$work/stderr")"
cd "$work"
[ -n "$got" ] || fail "the reinstalled program does not list the kept draft"
uninstall_silently /DELETEDATA
[ ! -e "$inst" ] || fail "$inst is still there after uninstalling"
[ ! -e "$data" ] || fail "uninstall /DELETEDATA left $data"
export_registry
expect_gone_key "$uninstall_key"
say "/DELETEDATA removed the drafts too"

echo "installer test: 1 passed, 0 failed ($((SECONDS - started)) s)"
