#!/usr/bin/env bash
# Whole-command benchmark: check N generated departments with every rule, on two cores.
# Each department carries its whole disclosure as declared figures (generate --declared), so
# the declared-figure rules have every table cell and text figure to verify.
# Target (issue 3): 10,000 departments in under 10 s. Baseline in the same script: copying
# the source files (cp -r).
#   bench/check_batch.sh [BUILD_DIR] [COUNT]
set -euo pipefail
BUILD=${1:-build}
COUNT=${2:-10000}
GK="$BUILD/gongkai"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GK" generate --count "$COUNT" --declared -o "$WORK/src" > /dev/null
now() { date +%s.%N; }
t0=$(now); cp -r "$WORK/src" "$WORK/copy"; t1=$(now)
"$GK" check "$WORK/src" --jobs 2 --quiet > "$WORK/report.txt" || true
t2=$(now)
"$GK" check "$WORK/src" --jobs 2 --json > "$WORK/report.json" || true
t3=$(now)
findings=$(grep -c '"rule"' "$WORK/report.json" || true)
awk -v n="$COUNT" -v c="$(echo "$t1 - $t0" | bc)" -v h="$(echo "$t2 - $t1" | bc)" -v j="$(echo "$t3 - $t2" | bc)" -v f="$findings" 'BEGIN {
  printf "departments (with declared figures): %d, findings: %d\n", n, f
  printf "baseline cp -r sources: %.2f s\n", c
  printf "check, all rules, 2 threads (text): %.2f s  (%.2f ms/department, %.1f x baseline)\n", h, h * 1000 / n, h / c
  printf "check, all rules, 2 threads (json): %.2f s  (%.2f ms/department, %.1f x baseline)\n", j, j * 1000 / n, j / c
}'
