#!/usr/bin/env bash
# Runs the server's tests (the Serve*, Audit* and Store* suites: HTTP API, portal, workflow,
# audits and both stores) under ThreadSanitizer, since `gongkai serve` answers requests on
# cpp-httplib's worker threads. Builds a separate tree ($BUILD, default build-tsan) with clang,
# -fsanitize=thread -O1 -g, only the gongkai_tests target (about 25 minutes at -j1 on a cold
# ccache). Needs clang and its sanitizer runtime: `scripts/bootstrap.sh fuzz`. The PostgreSQL
# cases run when Debian's postgresql is installed (the tests start their own server), else skip.
# scripts/tsan.supp suppresses only races inside third-party libraries. Exits non-zero on any
# TSan report or failed test; the full log is in $OUT (default /tmp/gongkai-tsan.log).
#   scripts/tsan.sh [extra gtest arguments]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${BUILD:-build-tsan}
OUT=${OUT:-/tmp/gongkai-tsan.log}
FILTER=${FILTER:-'Serve*:Audit*:Store*'}
CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DGONGKAI_BENCH=OFF -DGONGKAI_FUZZ=OFF \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS=-fsanitize=thread \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread \
  > /dev/null || exit 2
ninja -C "$BUILD" -j "${JOBS:-1}" gongkai_tests > /dev/null || exit 2
# G_SLICE=always-malloc: GLib 2.74's slice allocator hands memory freed in one thread to another
# through its own (uninstrumented) magazines, so TSan took a pango glyph string reused across two
# renders for a race (6 reports of the first run with the concurrency test, all memory from
# g_slice_alloc); with plain malloc TSan sees each allocation.
# halt_on_error=0: see every race of the run, not only the first; exitcode makes any report fail.
G_SLICE=always-malloc TSAN_OPTIONS="suppressions=$ROOT/scripts/tsan.supp halt_on_error=0 exitcode=66 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
  "$BUILD/tests/gongkai_tests" --gtest_filter="$FILTER" "$@" > "$OUT" 2>&1
rc=$?
reports=$(grep -c '^WARNING: ThreadSanitizer' "$OUT")
echo "tsan: $(grep -E '^\[  (PASSED|FAILED|SKIPPED) ' "$OUT" | tr '\n' ' ')"
echo "tsan: exit $rc, $reports report(s); log in $OUT"
[ "$rc" -eq 0 ] && [ "$reports" -eq 0 ]
