#!/usr/bin/env bash
# Every PDF gongkai writes is structurally sound: qpdf --check finds no damage (a cross-reference
# table pointing at objects that are not there is repaired silently by most viewers, and makes
# others ask to save the file on close). Renders every example (budgets and 决算) and a 决算
# generated with its budget.
#   pdf_structure_test.sh GONGKAI SOURCE_DIR
set -uo pipefail
GONGKAI=$1
SRC=$2
if ! command -v qpdf > /dev/null; then
  echo "SKIP: qpdf is not installed (Debian package qpdf; scripts/bootstrap.sh installs it)"
  exit 77
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$GONGKAI" generate --kind 决算 --count 1 -o "$OUT/gen" > /dev/null || exit 1
status=0
for src in "$SRC"/examples/*.yaml "$OUT"/gen/*.yaml; do
  case "$src" in *-budget.yaml) continue ;; esac
  "$GONGKAI" render "$src" -o "$OUT" --format pdf > /dev/null 2> "$OUT/err" || {
    echo "FAIL: render $src: $(head -3 "$OUT/err")"
    status=1
    continue
  }
done
count=0
for pdf in "$OUT"/*.pdf; do
  count=$((count + 1))
  if ! report=$(qpdf --check "$pdf" 2>&1) || grep -qiE "damaged|error" <<< "$(grep -v 'errors that qpdf cannot detect\|No syntax or stream encoding errors' <<< "$report")"; then
    echo "FAIL: $(basename "$pdf"): $(grep -iE 'warning|error' <<< "$report" | head -3)"
    status=1
  fi
done
echo "checked $count PDFs"
[ "$count" -ge 4 ] || { echo "FAIL: expected at least 4 PDFs"; status=1; }
exit $status
