#!/usr/bin/env bash
# Renders the sample's HTML report in headless Chromium and checks that the findings are shown and
# that the browser console stays silent (no errors, no blocked requests). Not part of `swift test`.
#
#   scripts/render-html-check.sh [OUTPUT_DIR]     (default: a new temporary directory)
#
# Leaves report.html, dom.html, report.png (a screenshot) and chromium.log in OUTPUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is missing; installing it (Debian package 'chromium')" >&2
  apt-get install -y chromium >/dev/null
fi
[ -x .build/debug/auditready ] || swift build --product auditready >/dev/null

sample=Samples/acme-small/records.xml
.build/debug/auditready check "$sample" --as-of 2026-11-15 --format html --output "$out/report.html" --fail-on none
.build/debug/auditready check "$sample" --as-of 2026-11-15 --format json --output "$out/report.json" --fail-on none

flags=(--headless --disable-gpu --no-sandbox --no-first-run --disable-extensions --enable-logging=stderr --v=0)
chromium "${flags[@]}" --dump-dom "file://$out/report.html" >"$out/dom.html" 2>"$out/chromium.log"
chromium "${flags[@]}" --hide-scrollbars --window-size=1280,2000 --screenshot="$out/report.png" \
  "file://$out/report.html" >/dev/null 2>>"$out/chromium.log"

status=0
# Every finding is shown: one article per finding, and each record id appears in the rendered DOM.
expected=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$out/report.json")
shown=$(grep -o '<article class="finding' "$out/dom.html" | wc -l)
if [ "$shown" -ne "$expected" ]; then
  echo "FAIL: $shown findings shown, $expected expected" >&2; status=1
fi
for record in $(python3 -c 'import json,sys; print(" ".join(f["record"] for f in json.load(open(sys.argv[1]))["findings"] if f["record"]))' "$out/report.json"); do
  grep -qF "$record" "$out/dom.html" || { echo "FAIL: record $record not shown" >&2; status=1; }
done
# The console stays silent: the report has no script, so any console message or blocked request is a fault.
if grep -E "CONSOLE|Uncaught|Refused to|Content Security Policy|net::ERR" "$out/chromium.log"; then
  echo "FAIL: console errors (see $out/chromium.log)" >&2; status=1
fi
[ -s "$out/report.png" ] || { echo "FAIL: no screenshot" >&2; status=1; }
[ "$status" -eq 0 ] && echo "OK: $shown findings shown, console clean; screenshot $out/report.png"
exit "$status"
