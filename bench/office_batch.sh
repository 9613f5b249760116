#!/usr/bin/env bash
# Whole-command benchmark of the office formats (issue 5): render N generated departments to
# PDF and to XLSX with the `render` command on ONE core (--jobs 1), loading and building
# included. Targets: PDF under 50 ms, XLSX under 10 ms per department. The baseline, timed in
# the same script, is copying the same source files (cp -r), so the ratios compare across
# machines. The reduced fonts (src/draw/pdf_fonts.h) are made before the clock starts, as
# on any machine that has rendered a PDF once; a last line times the PDFs of the first 1,000
# departments with the full Noto faces (GONGKAI_FULL_FONTS=1) for comparison.
#   bench/office_batch.sh [BUILD_DIR] [COUNT]
set -euo pipefail
BUILD=${1:-build}
COUNT=${2:-10000}
GK="$BUILD/gongkai"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GK" generate --count "$COUNT" -o "$WORK/src" > /dev/null
mkdir -p "$WORK/one" "$WORK/sub"
cp "$WORK/src/dept-00000.yaml" "$WORK/one/"
"$GK" render "$WORK/one" -o "$WORK/warm" --format pdf --quiet > /dev/null  # makes the fonts
for f in $(ls "$WORK/src" | head -1000); do cp "$WORK/src/$f" "$WORK/sub/"; done
now() { date +%s.%N; }
t0=$(now); cp -r "$WORK/src" "$WORK/copy"; t1=$(now)
"$GK" render "$WORK/src" -o "$WORK/pdf" --format pdf --jobs 1 --quiet > /dev/null
t2=$(now)
"$GK" render "$WORK/src" -o "$WORK/xlsx" --format xlsx --jobs 1 --quiet > /dev/null
t3=$(now)
GONGKAI_FULL_FONTS=1 "$GK" render "$WORK/sub" -o "$WORK/pdf-full" --format pdf --jobs 1 --quiet > /dev/null
t4=$(now)
pdf_kb=$(du -sk "$WORK/pdf" | cut -f1)
awk -v n="$COUNT" -v c="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t2 - $t1" | bc)" \
    -v x="$(echo "$t3 - $t2" | bc)" -v f="$(echo "$t4 - $t3" | bc)" -v kb="$pdf_kb" 'BEGIN {
  m = n < 1000 ? n : 1000
  printf "departments:               %d\n", n
  printf "baseline cp -r sources:    %.2f s\n", c
  printf "render PDF, 1 thread:      %.1f s  (%.1f ms/department, %.0f x baseline; %.0f KB each)\n", p, p * 1000 / n, p / c, kb / n
  printf "render XLSX, 1 thread:     %.1f s  (%.1f ms/department, %.0f x baseline)\n", x, x * 1000 / n, x / c
  printf "PDF with the full fonts:   %.1f s for %d  (%.1f ms/department)\n", f, m, f * 1000 / m
}'
