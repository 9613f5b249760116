#!/usr/bin/env bash
# Load on `gongkai serve` with wrk (Debian package wrk) on loopback, each figure with its ratio to
# a static file served by the same server in the same run (the built front end's index.html at
# /app/, or /app/ itself when it is not built: the "run make web" page, also a fixed page):
#   - the public portal: the index, one published disclosure (HTML), the public JSON list, at 64
#     connections (target: ≥ 5,000 requests/s, p99 < 20 ms on 2 cores);
#   - signed-in reviewers (财政审核人): the submission list and one submission's findings, at 200
#     connections sharing one session, and a mixed load of list / open / findings / comment
#     (bench/reviewers_mixed.lua; target p99 < 100 ms), once as 200 people pausing between
#     requests and once as 200 connections without pauses;
#   - an upload + check + render of a department source, answered server-side (target < 100 ms):
#     the median of 20 sequential uploads as curl times them.
#   bench/server_bench.sh [build] [seconds per run, default 10]
# GONGKAI_SERVE_ARGS adds options to `serve` (e.g. "--db-readers 0" to read through the writer's
# one connection, as before the pool of readers).
set -euo pipefail
BUILD=${1:-build}
SECONDS_EACH=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GONGKAI=$(cd "$BUILD" && pwd)/gongkai
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }
TMP=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$TMP"' EXIT
# shellcheck disable=SC2086  # GONGKAI_SERVE_ARGS is words
"$GONGKAI" serve --demo --port 0 --database "$TMP/bench.db" ${GONGKAI_SERVE_ARGS:-} > "$TMP/out" 2>&1 &
PID=$!
for _ in $(seq 1 600); do grep -q "公开门户：" "$TMP/out" && break; sleep 0.1; done
BASE=$(grep -o "公开门户：http://[^ /]*" "$TMP/out" | head -1 | sed 's/公开门户：//')
[ -n "$BASE" ] || { cat "$TMP/out"; exit 1; }
REVIEWER=$(awk '$2 == "财政审核人" {print $1; exit}' "$TMP/out")
PASSWORD=$(awk '$2 == "财政审核人" {print $4; exit}' "$TMP/out")
ADMIN=$(awk '$2 == "管理员" {print $1; exit}' "$TMP/out")
ADMIN_PASSWORD=$(awk '$2 == "管理员" {print $4; exit}' "$TMP/out")
FIRST=$(grep -o "→ #[0-9]*" "$TMP/out" | head -1 | tr -dc 0-9)

login() {  # name password → "cookie csrf"
  curl -s -D "$TMP/headers" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"password\":\"$2\"}" "$BASE/api/login" > "$TMP/login.json"
  local cookie csrf
  cookie=$(grep -i '^set-cookie:' "$TMP/headers" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
  csrf=$(grep -o '"csrf_token":"[^"]*"' "$TMP/login.json" | cut -d'"' -f4)
  echo "$cookie $csrf"
}

# A wrk latency ("812.00us", "3.10ms", "1.20s") in milliseconds.
ms() {
  case "$1" in
    *us) echo "${1%us} / 1000" | bc -l ;;
    *ms) echo "${1%ms}" ;;
    *s) echo "${1%s} * 1000" | bc -l ;;
  esac
}

# wrk → "requests/s p50_ms p99_ms"
run() {  # connections path [cookie [lua script]]
  local header=()
  [ -n "${3:-}" ] && header=(-H "Cookie: $3")
  [ -n "${4:-}" ] && header+=(-s "$4")
  wrk -t2 -c"$1" -d"${SECONDS_EACH}s" --latency "${header[@]}" "$BASE$2" > "$TMP/wrk" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$TMP/wrk")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$TMP/wrk")")
  if grep -q "Non-2xx" "$TMP/wrk"; then echo "non-2xx answers for $2:" >&2; grep "Non-2xx" "$TMP/wrk" >&2; fi
  printf "%.0f %.2f %.2f" "$rps" "$p50" "$p99"
}

report() {  # label "rps p50 p99" baseline_rps
  read -r rps p50 p99 <<< "$2"
  printf "%-52s %8s req/s  p50 %7s ms  p99 %7s ms  %.2f × the static file\n" "$1" "$rps" "$p50" \
    "$p99" "$(echo "$rps / $3" | bc -l)"
}

STATIC=$(run 64 /app/)
read -r static_rps static_p50 static_p99 <<< "$STATIC"
printf "%-52s %8s req/s  p50 %7s ms  p99 %7s ms  (baseline)\n" "static file /app/ (64 connections)" \
  "$static_rps" "$static_p50" "$static_p99"
report "portal index / (64)" "$(run 64 /)" "$static_rps"
report "published disclosure /portal/$FIRST.html (64)" "$(run 64 "/portal/$FIRST.html")" "$static_rps"
report "public JSON /api/public/published (64)" "$(run 64 /api/public/published)" "$static_rps"
read -r cookie csrf <<< "$(login "$REVIEWER" "$PASSWORD")"
STATIC200=$(run 200 /app/)
read -r static200_rps static200_p50 static200_p99 <<< "$STATIC200"
printf "%-52s %8s req/s  p50 %7s ms  p99 %7s ms  (baseline)\n" "static file /app/ (200 connections)" \
  "$static200_rps" "$static200_p50" "$static200_p99"
report "reviewers: submission list (200, signed in)" "$(run 200 /api/submissions "$cookie")" "$static200_rps"
report "reviewers: findings of #$FIRST (200, signed in)" "$(run 200 "/api/submissions/$FIRST/findings" "$cookie")" "$static200_rps"
# The mixed load: list, open, findings, and a comment every tenth request (bench/reviewers_mixed.lua).
IDS=$(curl -s -H "Cookie: $cookie" "$BASE/api/submissions" | grep -o '"id":[0-9]*' | cut -d: -f2 | tr '\n' ' ')
# 200 reviewers as people: each pauses 0–1 s (0.5 s on average) before its next request, still
# about 400 requests/s together.
report "reviewers: 200 people, each acting every 0.5 s" \
  "$(GONGKAI_COOKIE="$cookie" GONGKAI_CSRF="$csrf" GONGKAI_IDS="$IDS" GONGKAI_THINK_MS=500 run 200 / "$cookie" "$ROOT/bench/reviewers_mixed.lua")" \
  "$static200_rps"
# The same 200 connections without pauses: each sends its next request the moment its answer
# arrives, a stress test. Its latency is bounded below by connections / rate (Little's law).
report "reviewers: mixed, 1 in 10 a comment (200, no pauses)" \
  "$(GONGKAI_COOKIE="$cookie" GONGKAI_CSRF="$csrf" GONGKAI_IDS="$IDS" run 200 / "$cookie" "$ROOT/bench/reviewers_mixed.lua")" \
  "$static200_rps"

read -r admin_cookie admin_csrf <<< "$(login "$ADMIN" "$ADMIN_PASSWORD")"
for i in $(seq 1 20); do
  curl -s -o /dev/null -w "%{time_total}\n" -H "Cookie: $admin_cookie" -H "X-CSRF-Token: $admin_csrf" \
    -H 'Content-Type: text/yaml' --data-binary @"$ROOT/examples/xinzhou-gov-office-2023.yaml" \
    "$BASE/api/submissions"
done | sort -n | awk '{a[NR]=$1} END {printf "%-52s %8.1f ms (median of %d; seed 004, 1,900 lines)\n", "upload + check + render, answered", a[int((NR+1)/2)]*1000, NR}'
