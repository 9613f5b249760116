#!/usr/bin/env bash
# Visual check of a rendered disclosure: prints the HTML to PDF with headless Chromium and
# turns chosen pages into PNG files to look at beside the seed documents.
#   scripts/visual-check.sh out/xinzhou-gov-office-2023.html [OUTDIR] [PAGES…]
# Needs the Debian packages chromium and poppler-utils (not needed for building or testing).
set -euo pipefail
HTML=$(realpath "$1"); OUT=${2:-out/visual}; shift $(( $# > 1 ? 2 : 1 )) || true
mkdir -p "$OUT"
PROFILE=$(mktemp -d); trap 'rm -rf "$PROFILE"' EXIT
PDF="$OUT/$(basename "${HTML%.html}").pdf"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$PROFILE" --no-pdf-header-footer --print-to-pdf="$PDF" "file://$HTML" 2>/dev/null
echo "PDF: $PDF ($(pdfinfo "$PDF" | awk '/Pages/ {print $2}') pages)"
for p in "${@:-1}"; do
  pdftoppm -f "$p" -l "$p" -r 80 -png "$PDF" "$OUT/page"
done
ls "$OUT"/page*.png
