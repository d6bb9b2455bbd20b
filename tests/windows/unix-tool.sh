#!/usr/bin/env bash
# Runs a Linux tool for unix-tool.exe under Wine:  unix-tool-sh.exe TOOL OUT ERR CODE ARGS...
# (named .exe because Wine starts a Unix script only under that name).
# Arguments that are Windows paths (C:\..., Z:\..., also after "--option="; /path\joined\on)
# become the Linux paths Wine maps them to; the tool's output goes to the files OUT and ERR and
# its exit code to CODE (Windows paths too: Wine neither waits for a Unix program nor passes its
# exit code back).
set -uo pipefail
tool="$1"
unix_path() {
  local arg="$1"
  if [[ $arg =~ ^(.*=)?([A-Za-z]):[\\/](.*)$ ]]; then
    local rest="${BASH_REMATCH[3]//\\//}"
    arg="${BASH_REMATCH[1]}$WINEPREFIX/dosdevices/${BASH_REMATCH[2],,}:/$rest"
  elif [[ $arg == /* ]]; then
    arg="${arg//\\//}" # a Linux path a Windows program joined more onto with backslashes
  fi
  printf '%s' "$arg"
}
out="$(unix_path "$2")"
err="$(unix_path "$3")"
code="$(unix_path "$4")"
shift 4
case "$tool" in
  python3) program=/usr/bin/python3 ;; # Debian's, with the modules the tests import
  *) program="$(command -v "$tool")" || { echo "$tool is not installed" >"$err"; echo 127 >"$code.tmp"; mv "$code.tmp" "$code"; exit; } ;;
esac
args=()
for arg in "$@"; do args+=("$(unix_path "$arg")"); done
"$program" "${args[@]}" >"$out" 2>"$err" </dev/null
echo $? >"$code.tmp"
mv "$code.tmp" "$code" # last, and whole: unix-tool.exe waits for it
