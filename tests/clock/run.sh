#!/usr/bin/env bash
# Runs the Rust tests of the crates that read the clock or the local time zone on other days and in
# other zones than today's, so that no test holds only on the day it was written:
#   - a far-future day at the end of a month, in the zone furthest ahead of UTC (UTC+14), where
#     the local date is already the next day's;
#   - a past day just before a daylight-saving change in a zone with a half-hour offset
#     (Newfoundland, UTC-3:30/-2:30), so the change happens while the tests run.
# libfaketime shifts the wall clock of each test process and of the programs it starts (the CLI,
# openssl, pdfsig); the monotonic clock keeps its pace, so timeouts still mean real seconds.
#   tests/clock/run.sh            # the core crates and the CLI
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
command -v faketime >/dev/null || { echo "clock/run.sh: faketime is missing: apt-get install faketime" >&2; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Build once, on the real clock, and collect the test executables with the folder each runs in.
cargo test --no-run --message-format=json --features sla-studio/custom-protocol \
  -p sla-signing -p sla-store -p sla-pdf -p sla-guidance -p sla-model -p sla-studio \
  -p sla-crm-export -p sla-compliance -p sla-review-report -p sla-review-calendar >"$log"
mapfile -t tests < <(python3 -c '
import json, os, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["profile"]["test"] and m.get("executable"):
        print(os.path.dirname(m["manifest_path"]) + "\t" + m["executable"])
' "$log")
[ "${#tests[@]}" -gt 0 ] || { echo "clock/run.sh: found no test executables" >&2; exit 1; }

status=0
run_at() {
  local zone="$1" when="$2" dir exe
  echo "=== TZ=$zone, clock at $when local time"
  for entry in "${tests[@]}"; do
    dir="${entry%%$'\t'*}"
    exe="${entry#*$'\t'}"
    # A test that needs the real clock's pace (a timeout) gets it: only the date moves.
    if ! (cd "$dir" && TZ="$zone" FAKETIME_DONT_FAKE_MONOTONIC=1 CARGO_MANIFEST_DIR="$dir" \
      faketime "$when" "$exe" -q) >"$log" 2>&1; then
      echo "FAILED: $(basename "$exe") under TZ=$zone at $when" >&2
      tail -40 "$log" >&2
      status=1
    else
      grep -h '^test result' "$log" | sed "s|^|  $(basename "$exe"): |"
    fi
  done
}

run_at Pacific/Kiritimati "2031-02-28 23:59:30"
run_at America/St_Johns "2021-03-14 01:59:30"
exit "$status"
