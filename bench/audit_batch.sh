#!/usr/bin/env bash
# Whole-command benchmark of the document reader: `gongkai audit` of every PDF of the corpus
# against `pdftotext -layout` of the same file, timed in the same run (target, issue 13: at most
# 1.5 × pdftotext for every document), then the whole corpus directory on 2 threads.
#   bench/audit_batch.sh [BUILD_DIR] [CORPUS_DIR]
set -euo pipefail
BUILD=${1:-build}
CORPUS=${2:-../shared/corpus}
GK="$BUILD/gongkai"
if [ ! -d "$CORPUS" ]; then echo "audit_batch: $CORPUS is absent, skipped"; exit 0; fi
now() { date +%s.%N; }
worst=0
total_ref=0; total_audit=0
while IFS= read -r -d '' f; do
  t0=$(now); pdftotext -layout "$f" - > /dev/null 2>&1 || true; t1=$(now)
  "$GK" audit "$f" > /dev/null 2>&1 || true; t2=$(now)
  ref=$(echo "$t1 - $t0" | bc); aud=$(echo "$t2 - $t1" | bc)
  ratio=$(echo "scale=2; $aud / $ref" | bc)
  total_ref=$(echo "$total_ref + $ref" | bc); total_audit=$(echo "$total_audit + $aud" | bc)
  if (( $(echo "$ratio > $worst" | bc) )); then worst=$ratio; fi
  printf "%6.3f s  %6.3f s  %5.2f ×  %s\n" "$aud" "$ref" "$ratio" "$(basename "$f")"
done < <(find "$CORPUS" -iname '*.pdf' -print0 | sort -z)
t0=$(now); "$GK" audit "$CORPUS" --jobs 2 > /dev/null 2>&1 || true; t1=$(now)
printf "all: audit %.2f s, pdftotext -layout %.2f s (%.2f ×); worst file %.2f ×\n" \
  "$total_audit" "$total_ref" "$(echo "scale=2; $total_audit / $total_ref" | bc)" "$worst"
printf "whole directory, --jobs 2: %.2f s\n" "$(echo "$t1 - $t0" | bc)"
