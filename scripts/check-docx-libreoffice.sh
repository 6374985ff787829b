#!/usr/bin/env bash
# Opens the DOCX report of a sample in LibreOffice (headless), converts it to PDF and checks the PDF
# with pdftotext: the title, a finding's record id, the footer's page numbers ("Page 1 of N" /
# "Page 1 sur N") and the page count. A check against a program auditready did not write; not
# run in CI (LibreOffice takes about 2.5 minutes to install).
#
# Needs: soffice (apt-get install -y --no-install-recommends libreoffice-writer-nogui) and
# pdftotext, pdfinfo (poppler-utils). Exit 0 ok, 1 a check failed, 3 a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftotext pdfinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-docx-libreoffice: $tool is not installed" >&2; exit 3; }
done

sample=${1:-Samples/acme-small/records.xml}
record=${2:-EQ-02}  # a record a finding of the sample names (the overdue calibration)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -q --product auditready
bin=$(swift build --show-bin-path)/auditready

status=0
for lang in en fr; do
  "$bin" check "$sample" --as-of 2026-11-15 --lang "$lang" --format docx --output "$work/report-$lang.docx" --fail-on none
  # A private profile: never touches the user's LibreOffice settings, works with none.
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/report-$lang.docx" >/dev/null 2>&1
  pdf="$work/report-$lang.pdf"
  [ -s "$pdf" ] || { echo "$lang: LibreOffice wrote no PDF"; status=1; continue; }
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  text=$(pdftotext -layout "$pdf" -)
  case $lang in
    en) title="Audit readiness report"; footer="Page 1 of $pages" ;;
    fr) title="Rapport de préparation à l'audit"; footer="Page 1 sur $pages" ;;
  esac
  problems=()
  grep -qF "$title" <<<"$text" || problems+=("no title '$title'")
  grep -qF "$record" <<<"$text" || problems+=("no record '$record'")
  grep -qF "$footer" <<<"$text" || problems+=("no footer '$footer'")
  [ "$pages" -ge 2 ] || problems+=("only $pages page(s)")
  if ((${#problems[@]})); then
    echo "$lang: ${problems[*]}"; status=1
  else
    echo "$lang: ok: $pages pages, '$footer', title and '$record' found"
  fi
done
exit $status
