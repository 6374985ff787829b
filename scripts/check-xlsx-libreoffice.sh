#!/usr/bin/env bash
# Opens the register workbook of `auditready template` (English and French) in LibreOffice Calc
# (headless), saves it again as .xlsx and as CSV, and checks that: the conversion succeeds, the
# first sheet (CSV) is the README explaining the registers, and auditready reads LibreOffice's
# copy back without a mapping and without a single problem (`validate`). A check against a
# program auditready did not write; run by hand, not in CI (LibreOffice takes minutes to install).
#
# Needs: soffice with Calc (apt-get install -y --no-install-recommends libreoffice-calc-nogui).
# Exit 0 ok, 1 a check failed, 3 a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v soffice >/dev/null 2>&1 || { echo "check-xlsx-libreoffice: soffice is not installed" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -q --product auditready
bin=$(swift build --show-bin-path)/auditready

status=0
for lang in en fr; do
  mkdir -p "$work/$lang/out"
  "$bin" template --output "$work/$lang/registers.xlsx" --lang "$lang"
  # A private profile: never touches the user's LibreOffice settings, works with none.
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to xlsx --outdir "$work/$lang/out" \
    "$work/$lang/registers.xlsx" >/dev/null 2>&1
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76" --outdir "$work/$lang/out" \
    "$work/$lang/registers.xlsx" >/dev/null 2>&1
  copy="$work/$lang/out/registers.xlsx"
  [ -s "$copy" ] || { echo "$lang: LibreOffice could not open and save the workbook"; status=1; continue; }
  expected="Quality registers for auditready"; [ "$lang" = fr ] && expected="Registres qualité pour auditready"
  if grep -q "$expected" "$work/$lang/out/registers.csv"; then
    echo "$lang: the first sheet is the README ('$expected')"
  else
    echo "$lang: the first sheet is not the README"; status=1
  fi
  if "$bin" validate "$copy"; then
    echo "$lang: auditready reads LibreOffice's copy without a problem"
  else
    echo "$lang: auditready found problems in LibreOffice's copy"; status=1
  fi
done
exit $status
