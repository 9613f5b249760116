#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60), two at a time, each on a copy of
# its seed corpus (libFuzzer adds what it finds to the first corpus directory). Needs clang and
# its fuzzer runtime (Debian: clang, libclang-rt-14-dev). Prints one line per target; a crash
# leaves crash-* files and the log in $OUT (default /tmp/gongkai-fuzz) and exits non-zero.
#   scripts/fuzz.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
OUT=${OUT:-/tmp/gongkai-fuzz}
BUILD=${BUILD:-build-fuzz}
CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DGONGKAI_FUZZ=ON -DGONGKAI_BENCH=OFF > /dev/null || exit 2
TARGETS=(source money csv xlsx pdf_text reader_text reader_pdf reader_xlsx)
ninja -C "$BUILD" "${TARGETS[@]/%/_fuzzer}" > /dev/null || exit 2
BUILD_ABS=$(cd "$BUILD" && pwd)
mkdir -p "$OUT"
run() {
  local name=$1 extra="" asan="${ASAN_OPTIONS:-}"
  # fontconfig and pango keep caches that LeakSanitizer takes for leaks (README, Fuzzing): off
  # for that target, both per input (-detect_leaks=0) and at exit (ASAN_OPTIONS).
  if [ "$name" = pdf_text ]; then extra="-detect_leaks=0"; asan="detect_leaks=0"; fi
  rm -rf "$OUT/$name"; cp -r "fuzz/corpus/$name" "$OUT/$name"
  (cd "$OUT" && ASAN_OPTIONS="$asan" LSAN_OPTIONS="suppressions=$ROOT/fuzz/lsan.supp" \
     "$BUILD_ABS/fuzz/${name}_fuzzer" -max_total_time="$SECONDS_EACH" -timeout=20 $extra \
     "$OUT/$name" > "$OUT/$name.log" 2>&1)
  local rc=$?
  echo "$name: exit $rc, $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$OUT/$name.log" | tail -1)"
  return $rc
}
status=0
for ((i = 0; i < ${#TARGETS[@]}; i += 2)); do
  run "${TARGETS[i]}" & a=$!
  b=""
  if [ $((i + 1)) -lt ${#TARGETS[@]} ]; then run "${TARGETS[i+1]}" & b=$!; fi
  wait $a || status=1
  if [ -n "$b" ]; then wait $b || status=1; fi
done
exit $status
