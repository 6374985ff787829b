#!/usr/bin/env bash
# Writes the acme-small sample's certification cycle into Samples/acme-small/cycle/: the stage 1
# and stage 2 reports (JSON), the follow-up of Samples/acme-small/responses.yml on the corrected
# export, and the committee's dossier (Markdown and DOCX, English). These are the README's
# "certification cycle in five commands", run on the bundled sample; run this script again after
# a change to the rules or the report formats, and commit what it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
bin=.build/debug/auditready
out=Samples/acme-small/cycle
mkdir -p "$out"
"$bin" check Samples/acme-small/records.json --stage initial --as-of 2026-10-15 --format json --fail-on none --output "$out/stage1.json"
"$bin" check Samples/acme-small/records.json --as-of 2026-11-15 --format json --fail-on none --output "$out/stage2.json"
"$bin" followup "$out/stage2.json" --responses Samples/acme-small/responses.yml \
  Samples/acme-small/records-corrected.json --as-of 2027-02-15 --format json --output "$out/followup.json" || [ $? -eq 1 ]
"$bin" followup "$out/stage2.json" --responses Samples/acme-small/responses.yml \
  Samples/acme-small/records-corrected.json --as-of 2027-02-15 --format markdown --output "$out/followup.md" || [ $? -eq 1 ]
"$bin" dossier --stage1 "$out/stage1.json" --stage2 "$out/stage2.json" --followup "$out/followup.json" \
  --output-dir "$out" --format markdown --format docx || [ $? -eq 1 ]
ls -l "$out"
