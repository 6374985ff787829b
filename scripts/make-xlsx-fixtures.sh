#!/usr/bin/env bash
# Writes the workbook fixtures of the tests: scripts/make-xlsx-fixtures.py (openpyxl), then
# contract-layout.xlsx opened and saved again by LibreOffice Calc (shared strings, its own
# styles, formulas calculated), as contract-layout-libreoffice.xlsx; then the round-trip pair:
# `auditready template` filled by openpyxl (scripts/fill-xlsx-template.py) with
# Samples/acme-small/records.json, as filled-template.xlsx and filled-records.json (the same
# records without what a flat register cannot hold). Run by hand; the outputs are committed (CI
# has neither openpyxl nor LibreOffice).
#
# Needs: python3 with openpyxl; soffice with Calc (apt-get install -y --no-install-recommends
# libreoffice-calc-nogui). Exit 0 ok, 3 a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=Tests/AuditKitTests/Fixtures/Workbooks
python3 -c "import openpyxl" 2>/dev/null || { echo "make-xlsx-fixtures: python3 openpyxl is missing" >&2; exit 3; }
command -v soffice >/dev/null 2>&1 || { echo "make-xlsx-fixtures: soffice is not installed" >&2; exit 3; }
python3 scripts/make-xlsx-fixtures.py "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$dir/contract-layout.xlsx" "$work/contract-layout-libreoffice.xlsx"
mkdir "$work/out"
# A private profile: never touches the user's LibreOffice settings, works with none.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to xlsx --outdir "$work/out" \
  "$work/contract-layout-libreoffice.xlsx" >/dev/null 2>&1
cp "$work/out/contract-layout-libreoffice.xlsx" "$dir/"
swift build -q --product auditready
"$(swift build --show-bin-path)/auditready" template --output "$work/registers.xlsx"
python3 scripts/fill-xlsx-template.py "$work/registers.xlsx" Samples/acme-small/records.json \
  "$dir/filled-template.xlsx" "$dir/filled-records.json"
echo "wrote $dir: contract-layout.xlsx, dates-1904.xlsx, contract-layout-libreoffice.xlsx, filled-template.xlsx, filled-records.json"
