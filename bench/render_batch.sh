#!/usr/bin/env bash
# Whole-command benchmark: render N generated departments to HTML on two cores.
# Target (issue 2): 10,000 departments in under 20 s. The baseline, timed in the same script,
# is copying the same source files (cp -r), so the ratio is comparable across machines.
#   bench/render_batch.sh [BUILD_DIR] [COUNT]
set -euo pipefail
BUILD=${1:-build}
COUNT=${2:-10000}
GK="$BUILD/gongkai"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$GK" generate --count "$COUNT" -o "$WORK/src" > /dev/null
now() { date +%s.%N; }
t0=$(now); cp -r "$WORK/src" "$WORK/copy"; t1=$(now)
"$GK" render "$WORK/src" -o "$WORK/html" --jobs 2 --quiet > /dev/null
t2=$(now)
"$GK" render "$WORK/src" -o "$WORK/json" --jobs 2 --quiet --format json > /dev/null
t3=$(now)
awk -v n="$COUNT" -v c="$(echo "$t1 - $t0" | bc)" -v h="$(echo "$t2 - $t1" | bc)" -v j="$(echo "$t3 - $t2" | bc)" 'BEGIN {
  printf "departments:            %d\n", n
  printf "baseline cp -r sources: %.2f s\n", c
  printf "render HTML, 2 threads: %.2f s  (%.2f ms/department, %.1f x baseline)\n", h, h * 1000 / n, h / c
  printf "render JSON, 2 threads: %.2f s  (%.2f ms/department, %.1f x baseline)\n", j, j * 1000 / n, j / c
}'
