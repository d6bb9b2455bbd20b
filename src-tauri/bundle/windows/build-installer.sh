#!/usr/bin/env bash
# Builds the Windows installer from the cross-built release program:
#   src-tauri/bundle/windows/build-installer.sh
# It reads the program from $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release (sla-studio.exe and
# WebView2Loader.dll, from `cargo build --release --target x86_64-pc-windows-gnu`) and writes
#   $CARGO_TARGET_DIR/x86_64-pc-windows-gnu/release/bundle/nsis/<product>_<version>_x64-setup.exe
# with makensis (Debian's nsis package). The version comes from Cargo.toml's [workspace.package],
# every other product fact from tauri.conf.json; installer.nsi writes none of them itself.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
release="$target/x86_64-pc-windows-gnu/release"
fail() { echo "build-installer: $*" >&2; exit 1; }

command -v makensis >/dev/null || fail "makensis is missing: apt-get install nsis"
command -v python3 >/dev/null || fail "python3 is missing: apt-get install python3"
for file in sla-studio.exe WebView2Loader.dll; do
  [ -f "$release/$file" ] || fail "no $release/$file: build it first with
  cargo build --release --target x86_64-pc-windows-gnu"
done

# One NAME=value per line, the values escaped for an NSIS string ($ and ").
defines="$(python3 - "$root" "$release" <<'EOF'
import json, re, sys, tomllib
from pathlib import Path

root, release = Path(sys.argv[1]), Path(sys.argv[2])
def fail(message):
    sys.exit(f"build-installer: {message}")

with open(root / "Cargo.toml", "rb") as f:
    version = tomllib.load(f).get("workspace", {}).get("package", {}).get("version")
if not version:
    fail("Cargo.toml has no [workspace.package] version")
numbers = re.match(r"^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$", version)
if not numbers or any(int(n) > 65535 for n in numbers.groups()):
    fail(f"version {version!r} is not MAJOR.MINOR.PATCH with parts up to 65535, as Windows needs")

conf = json.loads((root / "tauri.conf.json").read_text(encoding="utf-8"))
bundle = conf.get("bundle", {})
def required(value, what):
    if not isinstance(value, str) or not value.strip():
        fail(f"tauri.conf.json has no {what}")
    return value

def association(ext):
    for entry in bundle.get("fileAssociations", []):
        if ext in entry.get("ext", []):
            return entry
    fail(f"tauri.conf.json has no bundle.fileAssociations entry for .{ext}")

icons = [i for i in bundle.get("icon", []) if i.endswith(".ico")]
if not icons:
    fail("tauri.conf.json's bundle.icon lists no .ico")
icon = root / icons[0]
if not icon.is_file():
    fail(f"no icon at {icon}")

product = required(conf.get("productName"), "productName")
agreement = association("sla.json")
pdf = association("pdf")
values = {
    "PRODUCT_NAME": product,
    "IDENTIFIER": required(conf.get("identifier"), "identifier"),
    "VERSION": version,
    "VERSION_NUMERIC": ".".join(numbers.groups()) + ".0",
    "PUBLISHER": required(bundle.get("publisher"), "bundle.publisher"),
    "COPYRIGHT": required(bundle.get("copyright"), "bundle.copyright"),
    "DESCRIPTION": required(bundle.get("shortDescription"), "bundle.shortDescription"),
    "MAIN_BINARY": required(conf.get("mainBinaryName"), "mainBinaryName"),
    "ICON": str(icon),
    "EXE_DIR": str(release),
    "AGREEMENT_TYPE_NAME": required(agreement.get("name"), "a name for .sla.json"),
    "AGREEMENT_TYPE_DESCRIPTION": required(agreement.get("description"), "a description for .sla.json"),
    "AGREEMENT_MIME": required(agreement.get("mimeType"), "a mimeType for .sla.json"),
    "PDF_TYPE_NAME": required(pdf.get("name"), "a name for .pdf"),
    "PDF_TYPE_DESCRIPTION": required(pdf.get("description"), "a description for .pdf"),
    "SETUP_NAME": f"{product}_{version}_x64-setup.exe",
}
for name, value in values.items():
    if "\n" in value:
        fail(f"{name} spans lines: {value!r}")
    print(f"{name}={value.replace('$', '$$').replace(chr(34), '$' + chr(92) + chr(34))}")
EOF
)"

args=()
setup_name=""
while IFS= read -r line; do
  case "$line" in
    SETUP_NAME=*) setup_name="${line#SETUP_NAME=}" ;;
    *) args+=("-D$line") ;;
  esac
done <<<"$defines"
[ -n "$setup_name" ] || fail "could not work out the installer's name"

out_dir="$release/bundle/nsis"
mkdir -p "$out_dir"
setup="$out_dir/$setup_name"
partial="$out_dir/.$setup_name.partial"
rm -f "$partial"
makensis -V2 -WX -INPUTCHARSET UTF8 "${args[@]}" "-DOUTFILE=$partial" "$here/installer.nsi" \
  || { rm -f "$partial"; fail "makensis failed on $here/installer.nsi"; }
mv "$partial" "$setup"
echo "$setup ($(stat -c %s "$setup") bytes)"
