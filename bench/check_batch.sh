#!/usr/bin/env bash
# Whole-command benchmark: check N generated departments with every rule, on two cores.
# Target (issue 3): 10,000 departments in under 10 s. Two runs: the departments as
# `gongkai generate` makes them, and the same carrying their whole disclosure as declared
# figures (generate --declared: ~600 figures and ~900 more YAML lines each, so every
# declared-figure rule has work). Baseline in the same script: copying the sources (cp -r).
#   bench/check_batch.sh [BUILD_DIR] [COUNT]
set -euo pipefail
BUILD=${1:-build}
COUNT=${2:-10000}
GK="$BUILD/gongkai"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GK" generate --count "$COUNT" -o "$WORK/plain" > /dev/null
"$GK" generate --count "$COUNT" --declared -o "$WORK/declared" > /dev/null
now() { date +%s.%N; }
t0=$(now); cp -r "$WORK/plain" "$WORK/copy"; t1=$(now)
"$GK" check "$WORK/plain" --jobs 2 --quiet > /dev/null || true
t2=$(now)
"$GK" check "$WORK/declared" --jobs 2 --quiet > /dev/null || true
t3=$(now)
awk -v n="$COUNT" -v c="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t2 - $t1" | bc)" -v d="$(echo "$t3 - $t2" | bc)" 'BEGIN {
  printf "departments: %d\n", n
  printf "baseline cp -r sources: %.2f s\n", c
  printf "check, all rules, 2 threads, generated departments: %.2f s  (%.2f ms each, %.1f x baseline)\n", p, p * 1000 / n, p / c
  printf "check, all rules, 2 threads, with declared figures:  %.2f s  (%.2f ms each, %.1f x baseline)\n", d, d * 1000 / n, d / c
}'
