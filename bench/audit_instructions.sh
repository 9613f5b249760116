#!/usr/bin/env bash
# Instructions, not seconds: `gongkai audit` of every PDF of the corpus against `pdftotext
# -layout` of the same file, both counted with callgrind (deterministic where the wall clock of
# a shared machine is not; start-up included, as in bench/audit_batch.sh). Prints per file the
# two counts and their ratio, then the totals.
#   bench/audit_instructions.sh [BUILD_DIR] [CORPUS_DIR]     (about five minutes)
set -euo pipefail
BUILD=${1:-build}
CORPUS=${2:-../shared/corpus}
GK="$BUILD/gongkai"
if [ ! -d "$CORPUS" ]; then echo "audit_instructions: $CORPUS is absent, skipped"; exit 0; fi
# The instructions callgrind counted for one command (whatever its exit code: audit exits 1 when
# it finds errors, and pipefail would end the script there).
count() {
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null || true; } |
    awk '/ refs:/ { gsub(",", "", $NF); print $NF }'
}
total_ref=0; total_audit=0; worst=0
while IFS= read -r -d '' f; do
  ref=$(count pdftotext -layout "$f" -)
  aud=$(count "$GK" audit "$f")
  ratio=$(echo "scale=2; $aud / $ref" | bc)
  total_ref=$((total_ref + ref)); total_audit=$((total_audit + aud))
  if (( $(echo "$ratio > $worst" | bc) )); then worst=$ratio; fi
  printf "%8.1f M  %8.1f M  %5.2f ×  %s\n" "$(echo "$aud / 1000000" | bc -l)" \
    "$(echo "$ref / 1000000" | bc -l)" "$ratio" "$(basename "$f")"
done < <(find "$CORPUS" -iname '*.pdf' -print0 | sort -z)
printf "all: audit %.0f M, pdftotext -layout %.0f M instructions (%.2f ×); worst file %.2f ×\n" \
  "$(echo "$total_audit / 1000000" | bc -l)" "$(echo "$total_ref / 1000000" | bc -l)" \
  "$(echo "scale=2; $total_audit / $total_ref" | bc)" "$worst"
